import { Migration } from '@mikro-orm/migrations';

export class Migration20261207033228 extends Migration {

  override name = 'Migration20261207033228';

  override up(): void | Promise<void> {
    this.addSql(`create table \`course_enrolment\` (\`id\` integer not null primary key autoincrement, \`session_id\` text not null, \`volunteer_id\` text not null, \`state\` text check (\`state\` in ('enrolled', 'waitlisted', 'offered', 'attended', 'absent', 'released', 'expired', 'refused', 'cancelled')) not null, \`position\` integer not null, \`offered_until\` datetime null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`course_enrolment_session_id_index\` on \`course_enrolment\` (\`session_id\`);`);
    this.addSql(`create index \`course_enrolment_volunteer_id_index\` on \`course_enrolment\` (\`volunteer_id\`);`);
    this.addSql(`create unique index \`course_enrolment_session_id_volunteer_id_unique\` on \`course_enrolment\` (\`session_id\`, \`volunteer_id\`);`);

    this.addSql(`create table \`course_session\` (\`id\` text not null primary key, \`starts_at\` datetime not null, \`minutes\` integer not null, \`place\` text not null, \`language\` text check (\`language\` in ('nb', 'nn', 'en')) not null, \`leader\` text not null, \`capacity\` integer not null, \`service_unit_ids\` json not null, \`activity_type_ids\` json not null, \`status\` text check (\`status\` in ('scheduled', 'cancelled', 'held')) not null default 'scheduled', \`sequence\` integer not null default 0, \`roster_version\` integer not null default -1, \`created_by\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`course_session_starts_at_index\` on \`course_session\` (\`starts_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`course_enrolment\`;`);
    this.addSql(`drop table if exists \`course_session\`;`);
  }

}
