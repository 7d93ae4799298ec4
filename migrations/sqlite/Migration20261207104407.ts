import { Migration } from '@mikro-orm/migrations';

export class Migration20261207104407 extends Migration {

  override name = 'Migration20261207104407';

  override up(): void | Promise<void> {
    this.addSql(`create table \`limited_attempt\` (\`id\` integer not null primary key autoincrement, \`key\` text not null, \`at\` datetime not null);`);
    this.addSql(`create index \`limited_attempt_key_at_index\` on \`limited_attempt\` (\`key\`, \`at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`limited_attempt\`;`);
  }

}
