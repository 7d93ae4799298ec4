import { Migration } from '@mikro-orm/migrations';

export class Migration20261207125518 extends Migration {

  override name = 'Migration20261207125518';

  override up(): void | Promise<void> {
    this.addSql(`alter table "organisation" add "recruitment_url" varchar(500) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organisation" drop column "recruitment_url";`);
  }

}
