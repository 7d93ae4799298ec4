import { Migration } from '@mikro-orm/migrations';

export class Migration20261206134627 extends Migration {

  override name = 'Migration20261206134627';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staff_user" drop constraint "staff_user_language_check";`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_language_check" check ("language" in ('nb', 'nn', 'en'));`);

    this.addSql(`alter table "volunteer" drop constraint "volunteer_language_check";`);
    this.addSql(`alter table "volunteer" add constraint "volunteer_language_check" check ("language" in ('nb', 'nn', 'en'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "staff_user" drop constraint "staff_user_language_check";`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_language_check" check ("language" in ('nb', 'en'));`);

    this.addSql(`alter table "volunteer" drop constraint "volunteer_language_check";`);
    this.addSql(`alter table "volunteer" add constraint "volunteer_language_check" check ("language" in ('nb', 'en'));`);
  }

}
