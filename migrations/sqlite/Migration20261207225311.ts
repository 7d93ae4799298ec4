import { Migration } from '@mikro-orm/migrations';

export class Migration20261207225311 extends Migration {

  override name = 'Migration20261207225311';

  override up(): void | Promise<void> {
    this.addSql(`create table \`historical_hours\` (\`id\` integer not null primary key autoincrement, \`year\` integer not null, \`service_unit_id\` text not null, \`activity_type_id\` text not null default '', \`hours\` double not null, \`imported_by\` text not null, \`imported_at\` datetime not null);`);
    this.addSql(`create unique index \`historical_hours_year_service_unit_id_activity_type_id_unique\` on \`historical_hours\` (\`year\`, \`service_unit_id\`, \`activity_type_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`historical_hours\`;`);
  }

}
