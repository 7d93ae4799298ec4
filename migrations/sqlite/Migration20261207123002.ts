import { Migration } from '@mikro-orm/migrations';

export class Migration20261207123002 extends Migration {

  override name = 'Migration20261207123002';

  override up(): void | Promise<void> {
    this.addSql(`create table \`application\` (\`id\` text not null primary key, \`status\` text check (\`status\` in ('unconfirmed', 'open', 'invited', 'accepted', 'declined', 'withdrawn')) not null default 'unconfirmed', \`name\` text null, \`email\` text null, \`phone\` text null, \`birth_year\` integer not null, \`activity_type_id\` text not null, \`service_unit_ids\` json not null, \`motivation\` text null, \`language\` text check (\`language\` in ('nb', 'nn', 'en')) not null, \`privacy_notice_version\` text null, \`confirmed_at\` datetime null, \`decided_at\` datetime null, \`decided_by\` text null, \`volunteer_id\` text null, \`anonymised_at\` datetime null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`application_status_index\` on \`application\` (\`status\`);`);
    this.addSql(`create index \`application_email_index\` on \`application\` (\`email\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`application\`;`);
  }

}
