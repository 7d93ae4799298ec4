import { Migration } from '@mikro-orm/migrations';

export class Migration20261123001030 extends Migration {

  override name = 'Migration20261123001030';

  override up(): void | Promise<void> {
    this.addSql(`create table \`audit_entry\` (\`id\` integer not null primary key autoincrement, \`volunteer_id\` text not null, \`at\` datetime not null, \`actor\` text not null, \`action\` text not null, \`step\` text null, \`details\` json null);`);
    this.addSql(`create index \`audit_entry_volunteer_id_index\` on \`audit_entry\` (\`volunteer_id\`);`);

    this.addSql(`create table \`deviation\` (\`id\` integer not null primary key autoincrement, \`occurred_on\` text not null, \`service_unit_id\` text not null, \`volunteer_id\` text null, \`external_id\` text null, \`recorded_by\` text not null, \`recorded_at\` datetime not null);`);
    this.addSql(`create index \`deviation_service_unit_id_index\` on \`deviation\` (\`service_unit_id\`);`);
    this.addSql(`create index \`deviation_volunteer_id_index\` on \`deviation\` (\`volunteer_id\`);`);

    this.addSql(`create table \`police_certificate_check\` (\`id\` integer not null primary key autoincrement, \`volunteer_id\` text not null, \`activity_type_id\` text not null, \`issued_on\` text not null, \`presented_on\` text not null, \`checked_by\` text not null, \`outcome\` text check (\`outcome\` in ('approved', 'notApproved')) not null, \`recorded_at\` datetime not null);`);
    this.addSql(`create index \`police_certificate_check_volunteer_id_index\` on \`police_certificate_check\` (\`volunteer_id\`);`);

    this.addSql(`alter table \`outbox_email\` add column \`ics\` text null;`);

    this.addSql(`alter table \`volunteer\` add column \`birth_year\` integer null;`);
    this.addSql(`alter table \`volunteer\` add column \`suitability_note\` text null;`);
    this.addSql(`alter table \`volunteer\` add column \`contact_name\` text null;`);
    this.addSql(`alter table \`volunteer\` add column \`contact_email\` text null;`);
    this.addSql(`alter table \`volunteer\` add column \`closed_at\` datetime null;`);
    this.addSql(`alter table \`volunteer\` add column \`anonymised_at\` datetime null;`);

    this.addSql(`alter table \`volunteer_step\` add column \`session_at\` datetime null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`audit_entry\`;`);
    this.addSql(`drop table if exists \`deviation\`;`);
    this.addSql(`drop table if exists \`police_certificate_check\`;`);

    this.addSql(`alter table \`outbox_email\` drop column \`ics\`;`);

    this.addSql(`alter table \`volunteer\` drop column \`birth_year\`;`);
    this.addSql(`alter table \`volunteer\` drop column \`suitability_note\`;`);
    this.addSql(`alter table \`volunteer\` drop column \`contact_name\`;`);
    this.addSql(`alter table \`volunteer\` drop column \`contact_email\`;`);
    this.addSql(`alter table \`volunteer\` drop column \`closed_at\`;`);
    this.addSql(`alter table \`volunteer\` drop column \`anonymised_at\`;`);

    this.addSql(`alter table \`volunteer_step\` drop column \`session_at\`;`);
  }

}
