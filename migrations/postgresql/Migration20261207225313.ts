import { Migration } from '@mikro-orm/migrations';

export class Migration20261207225313 extends Migration {

  override name = 'Migration20261207225313';

  override up(): void | Promise<void> {
    this.addSql(`create table "historical_hours" ("id" serial primary key, "year" int not null, "service_unit_id" varchar(100) not null, "activity_type_id" varchar(100) not null default '', "hours" double precision not null, "imported_by" varchar(200) not null, "imported_at" timestamptz not null);`);
    this.addSql(`alter table "historical_hours" add constraint "historical_hours_year_service_unit_id_activity_type_id_unique" unique ("year", "service_unit_id", "activity_type_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "historical_hours" cascade;`);
  }

}
