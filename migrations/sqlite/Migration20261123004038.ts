import { Migration } from '@mikro-orm/migrations';

export class Migration20261123004038 extends Migration {

  override name = 'Migration20261123004038';

  override up(): void | Promise<void> {
    this.addSql(`create table \`agreement\` (\`id\` text not null primary key, \`organisation_id\` text not null, \`status\` text check (\`status\` in ('draft', 'active', 'reviewDue', 'underReview', 'terminated')) not null default 'draft', \`current_version\` integer not null default 1, \`cycle\` integer not null default 0, \`start_date\` text null, \`review_due_on\` text null, \`early_review\` integer not null default false, \`last_outcome\` text check (\`last_outcome\` in ('continued', 'revised', 'terminated')) null, \`status_version\` integer not null default 0, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`agreement_organisation_id_index\` on \`agreement\` (\`organisation_id\`);`);
    this.addSql(`create index \`agreement_status_index\` on \`agreement\` (\`status\`);`);
    this.addSql(`create index \`agreement_review_due_on_index\` on \`agreement\` (\`review_due_on\`);`);

    this.addSql(`create table \`agreement_review\` (\`id\` integer not null primary key autoincrement, \`agreement_id\` text not null, \`cycle\` integer not null, \`early\` integer not null default false, \`answers\` json not null, \`organisation_answers\` json null, \`outcome\` text check (\`outcome\` in ('continued', 'revised', 'terminated')) null, \`reviewed_by\` text null, \`completed_at\` datetime null);`);
    this.addSql(`create index \`agreement_review_agreement_id_index\` on \`agreement_review\` (\`agreement_id\`);`);
    this.addSql(`create unique index \`agreement_review_agreement_id_cycle_unique\` on \`agreement_review\` (\`agreement_id\`, \`cycle\`);`);

    this.addSql(`create table \`agreement_version\` (\`id\` integer not null primary key autoincrement, \`agreement_id\` text not null, \`version\` integer not null, \`service_unit_ids\` json not null, \`activity_type_ids\` json not null, \`municipal_contact_name\` text not null, \`municipal_contact_email\` text not null, \`start_date\` text not null, \`quality_system_ref\` text null, \`sections\` json not null, \`created_by\` text not null, \`created_at\` datetime not null, \`signed_by\` text null, \`signed_on\` text null);`);
    this.addSql(`create unique index \`agreement_version_agreement_id_version_unique\` on \`agreement_version\` (\`agreement_id\`, \`version\`);`);

    this.addSql(`create table \`organisation\` (\`id\` text not null primary key, \`name\` text not null, \`organisation_number\` text not null, \`registered_in_frivillighetsregisteret\` integer not null, \`contact_name\` text not null, \`contact_email\` text not null, \`contact_phone\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`organisation_organisation_number_unique\` on \`organisation\` (\`organisation_number\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`audit_entry__temp_alter\` (\`id\` integer not null primary key autoincrement, \`volunteer_id\` text null, \`agreement_id\` text null, \`at\` datetime not null, \`actor\` text not null, \`action\` text not null, \`step\` text null, \`details\` json null);`);
    this.addSql(`insert into \`audit_entry__temp_alter\` select \`id\`, \`volunteer_id\`, null as \`agreement_id\`, \`at\`, \`actor\`, \`action\`, \`step\`, \`details\` from \`audit_entry\`;`);
    this.addSql(`drop table \`audit_entry\`;`);
    this.addSql(`alter table \`audit_entry__temp_alter\` rename to \`audit_entry\`;`);
    this.addSql(`create index \`audit_entry_volunteer_id_index\` on \`audit_entry\` (\`volunteer_id\`);`);
    this.addSql(`create index \`audit_entry_agreement_id_index\` on \`audit_entry\` (\`agreement_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`alter table \`deviation\` add column \`agreement_id\` text null;`);
    this.addSql(`create index \`deviation_agreement_id_index\` on \`deviation\` (\`agreement_id\`);`);

    this.addSql(`alter table \`outbox_email\` add column \`agreement_id\` text null;`);
    this.addSql(`create index \`outbox_email_agreement_id_index\` on \`outbox_email\` (\`agreement_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`agreement\`;`);
    this.addSql(`drop table if exists \`agreement_review\`;`);
    this.addSql(`drop table if exists \`agreement_version\`;`);
    this.addSql(`drop table if exists \`organisation\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`audit_entry__temp_alter\` (\`id\` integer not null primary key autoincrement, \`volunteer_id\` TEXT not null, \`at\` datetime not null, \`actor\` TEXT not null, \`action\` TEXT not null, \`step\` TEXT null, \`details\` json null);`);
    this.addSql(`insert into \`audit_entry__temp_alter\` select \`id\`, \`volunteer_id\`, \`at\`, \`actor\`, \`action\`, \`step\`, \`details\` from \`audit_entry\`;`);
    this.addSql(`drop table \`audit_entry\`;`);
    this.addSql(`alter table \`audit_entry__temp_alter\` rename to \`audit_entry\`;`);
    this.addSql(`create index \`audit_entry_volunteer_id_index\` on \`audit_entry\` (\`volunteer_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`drop index \`deviation_agreement_id_index\`;`);
    this.addSql(`alter table \`deviation\` drop column \`agreement_id\`;`);

    this.addSql(`drop index \`outbox_email_agreement_id_index\`;`);
    this.addSql(`alter table \`outbox_email\` drop column \`agreement_id\`;`);
  }

}
