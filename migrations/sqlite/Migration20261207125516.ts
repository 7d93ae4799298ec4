import { Migration } from '@mikro-orm/migrations';

export class Migration20261207125516 extends Migration {

  override name = 'Migration20261207125516';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`organisation\` add column \`recruitment_url\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`organisation\` drop column \`recruitment_url\`;`);
  }

}
