import { Migration } from '@mikro-orm/migrations';

export class Migration20261123005913 extends Migration {

  override name = 'Migration20261123005913';

  override up(): void | Promise<void> {
    this.addSql(`create table \`annual_evaluation\` (\`year\` integer not null primary key autoincrement, \`status\` text check (\`status\` in ('collecting', 'reportReady', 'approved', 'sentToPolitics')) not null default 'collecting', \`kicked_off_at\` datetime not null, \`report\` json null, \`approved_by\` text null, \`approved_at\` datetime null, \`case_number\` text null, \`sent_on\` text null);`);

    this.addSql(`create table \`evaluation_recipient\` (\`id\` integer not null primary key autoincrement, \`year\` integer not null, \`email\` text not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('contact', 'organisationContact')) not null, \`response\` json null, \`responded_at\` datetime null);`);
    this.addSql(`create index \`evaluation_recipient_year_index\` on \`evaluation_recipient\` (\`year\`);`);
    this.addSql(`create unique index \`evaluation_recipient_year_email_unique\` on \`evaluation_recipient\` (\`year\`, \`email\`);`);

    this.addSql(`create table \`hours_entry\` (\`id\` integer not null primary key autoincrement, \`volunteer_id\` text not null, \`service_unit_id\` text not null, \`activity_type_id\` text not null, \`month\` text not null, \`hours\` double not null, \`status\` text check (\`status\` in ('approved', 'pending')) not null, \`source\` text check (\`source\` in ('contact', 'volunteer', 'import')) not null, \`entered_by\` text not null, \`approved_by\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`hours_entry_service_unit_id_index\` on \`hours_entry\` (\`service_unit_id\`);`);
    this.addSql(`create index \`hours_entry_month_index\` on \`hours_entry\` (\`month\`);`);
    this.addSql(`create unique index \`hours_entry_volunteer_id_service_unit_id_activity_type_id_month_unique\` on \`hours_entry\` (\`volunteer_id\`, \`service_unit_id\`, \`activity_type_id\`, \`month\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`annual_evaluation\`;`);
    this.addSql(`drop table if exists \`evaluation_recipient\`;`);
    this.addSql(`drop table if exists \`hours_entry\`;`);
  }

}
