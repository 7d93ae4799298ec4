import { Migration } from '@mikro-orm/migrations';

export class Migration20261207062800 extends Migration {

  override name = 'Migration20261207062800';

  override up(): void | Promise<void> {
    this.addSql(`create table \`meeting\` (\`id\` text not null primary key, \`kind\` text check (\`kind\` in ('network', 'dialogue')) not null, \`title\` text not null, \`agenda\` text not null, \`place\` text not null, \`starts_at\` datetime not null, \`minutes\` integer not null, \`service_unit_ids\` json not null, \`status\` text check (\`status\` in ('scheduled', 'cancelled', 'held')) not null default 'scheduled', \`sequence\` integer not null default 0, \`minutes_reference\` text null, \`created_by\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`meeting_kind_index\` on \`meeting\` (\`kind\`);`);
    this.addSql(`create index \`meeting_starts_at_index\` on \`meeting\` (\`starts_at\`);`);

    this.addSql(`create table \`meeting_invitation\` (\`id\` integer not null primary key autoincrement, \`meeting_id\` text not null, \`invitee_kind\` text check (\`invitee_kind\` in ('unitContact', 'staff', 'volunteerContact', 'organisation')) not null, \`invitee_id\` text not null, \`name\` text not null, \`email\` text not null, \`language\` text check (\`language\` in ('nb', 'nn', 'en')) not null, \`rsvp\` text check (\`rsvp\` in ('pending', 'yes', 'no')) not null default 'pending', \`responded_at\` datetime null, \`attended\` integer null);`);
    this.addSql(`create index \`meeting_invitation_meeting_id_index\` on \`meeting_invitation\` (\`meeting_id\`);`);
    this.addSql(`create unique index \`meeting_invitation_meeting_id_email_unique\` on \`meeting_invitation\` (\`meeting_id\`, \`email\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`meeting\`;`);
    this.addSql(`drop table if exists \`meeting_invitation\`;`);
  }

}
