import { Migration } from '@mikro-orm/migrations';

export class Migration20261206134625 extends Migration {

  override name = 'Migration20261206134625';

  override up(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`staff_user__temp_alter\` (\`id\` text not null primary key, \`email\` text not null, \`name\` text not null, \`role\` text check (\`role\` in ('coordinator', 'contact', 'unitManager')) not null, \`service_unit_ids\` json not null, \`certificate_officer\` integer not null default false, \`language\` text check (\`language\` in ('nb', 'nn', 'en')) not null default 'nb', \`password_hash\` text null, \`oidc_subject\` text null, \`disabled_at\` datetime null, \`last_sign_in_at\` datetime null, \`created_at\` datetime not null);`);
    this.addSql(`insert into \`staff_user__temp_alter\` select \`id\`, \`email\`, \`name\`, \`role\`, \`service_unit_ids\`, \`certificate_officer\`, \`language\`, \`password_hash\`, \`oidc_subject\`, \`disabled_at\`, \`last_sign_in_at\`, \`created_at\` from \`staff_user\`;`);
    this.addSql(`drop table \`staff_user\`;`);
    this.addSql(`alter table \`staff_user__temp_alter\` rename to \`staff_user\`;`);
    this.addSql(`create unique index \`staff_user_email_unique\` on \`staff_user\` (\`email\`);`);
    this.addSql(`create unique index \`staff_user_oidc_subject_unique\` on \`staff_user\` (\`oidc_subject\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`volunteer__temp_alter\` (\`id\` text not null primary key, \`name\` text not null, \`email\` text not null, \`phone\` text null, \`birth_year\` integer null, \`suitability_note\` text null, \`language\` text check (\`language\` in ('nb', 'nn', 'en')) not null default 'nb', \`service_unit_id\` text not null, \`activity_type_id\` text not null, \`contact_name\` text null, \`contact_email\` text null, \`phase\` text check (\`phase\` in ('registered', 'onboarding', 'active', 'paused', 'ending', 'ended', 'withdrawn')) not null default 'registered', \`status_version\` integer not null default 0, \`lifecycle_started_at\` datetime null, \`closed_at\` datetime null, \`anonymised_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`insert into \`volunteer__temp_alter\` select \`id\`, \`name\`, \`email\`, \`phone\`, \`birth_year\`, \`suitability_note\`, \`language\`, \`service_unit_id\`, \`activity_type_id\`, \`contact_name\`, \`contact_email\`, \`phase\`, \`status_version\`, \`lifecycle_started_at\`, \`closed_at\`, \`anonymised_at\`, \`created_at\`, \`updated_at\` from \`volunteer\`;`);
    this.addSql(`drop table \`volunteer\`;`);
    this.addSql(`alter table \`volunteer__temp_alter\` rename to \`volunteer\`;`);
    this.addSql(`create index \`volunteer_service_unit_id_index\` on \`volunteer\` (\`service_unit_id\`);`);
    this.addSql(`create index \`volunteer_phase_index\` on \`volunteer\` (\`phase\`);`);
    this.addSql(`create index \`volunteer_created_at_index\` on \`volunteer\` (\`created_at\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`staff_user__temp_alter\` (\`id\` TEXT not null primary key, \`email\` TEXT not null, \`name\` TEXT not null, \`role\` TEXT check (\`role\` in ('coordinator', 'contact', 'unitManager')) not null, \`service_unit_ids\` json not null, \`certificate_officer\` INTEGER not null default false, \`language\` TEXT check (\`language\` in ('nb', 'en')) not null default 'nb', \`password_hash\` TEXT null, \`oidc_subject\` TEXT null, \`disabled_at\` datetime null, \`last_sign_in_at\` datetime null, \`created_at\` datetime not null);`);
    this.addSql(`insert into \`staff_user__temp_alter\` select \`id\`, \`email\`, \`name\`, \`role\`, \`service_unit_ids\`, \`certificate_officer\`, \`language\`, \`password_hash\`, \`oidc_subject\`, \`disabled_at\`, \`last_sign_in_at\`, \`created_at\` from \`staff_user\`;`);
    this.addSql(`drop table \`staff_user\`;`);
    this.addSql(`alter table \`staff_user__temp_alter\` rename to \`staff_user\`;`);
    this.addSql(`create unique index \`staff_user_oidc_subject_unique\` on \`staff_user\` (\`oidc_subject\`);`);
    this.addSql(`create unique index \`staff_user_email_unique\` on \`staff_user\` (\`email\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`volunteer__temp_alter\` (\`id\` TEXT not null primary key, \`name\` TEXT not null, \`email\` TEXT not null, \`phone\` TEXT null, \`language\` TEXT check (\`language\` in ('nb', 'en')) not null default 'nb', \`service_unit_id\` TEXT not null, \`activity_type_id\` TEXT not null, \`phase\` TEXT check (\`phase\` in ('registered', 'onboarding', 'active', 'paused', 'ending', 'ended', 'withdrawn')) not null default 'registered', \`status_version\` INTEGER not null default 0, \`lifecycle_started_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`birth_year\` INTEGER null, \`suitability_note\` TEXT null, \`contact_name\` TEXT null, \`contact_email\` TEXT null, \`closed_at\` datetime null, \`anonymised_at\` datetime null);`);
    this.addSql(`insert into \`volunteer__temp_alter\` select \`id\`, \`name\`, \`email\`, \`phone\`, \`language\`, \`service_unit_id\`, \`activity_type_id\`, \`phase\`, \`status_version\`, \`lifecycle_started_at\`, \`created_at\`, \`updated_at\`, \`birth_year\`, \`suitability_note\`, \`contact_name\`, \`contact_email\`, \`closed_at\`, \`anonymised_at\` from \`volunteer\`;`);
    this.addSql(`drop table \`volunteer\`;`);
    this.addSql(`alter table \`volunteer__temp_alter\` rename to \`volunteer\`;`);
    this.addSql(`create index \`volunteer_created_at_index\` on \`volunteer\` (\`created_at\`);`);
    this.addSql(`create index \`volunteer_phase_index\` on \`volunteer\` (\`phase\`);`);
    this.addSql(`create index \`volunteer_service_unit_id_index\` on \`volunteer\` (\`service_unit_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
