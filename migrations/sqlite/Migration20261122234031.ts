import { Migration } from '@mikro-orm/migrations';

export class Migration20261122234031 extends Migration {

  override name = 'Migration20261122234031';

  override up(): void | Promise<void> {
    this.addSql(`create table \`idempotency_record\` (\`key\` text not null primary key, \`scope\` text not null, \`request_hash\` text not null, \`resource_id\` text not null, \`created_at\` datetime not null);`);

    this.addSql(`create table \`outbox_email\` (\`id\` integer not null primary key autoincrement, \`idempotency_key\` text not null, \`message_id\` text not null, \`template\` text not null, \`recipient\` text not null, \`subject\` text not null, \`text\` text not null, \`html\` text not null, \`volunteer_id\` text null, \`step\` text null, \`status\` text check (\`status\` in ('pending', 'sent')) not null default 'pending', \`attempts\` integer not null default 0, \`last_error\` text null, \`created_at\` datetime not null, \`sent_at\` datetime null);`);
    this.addSql(`create unique index \`outbox_email_idempotency_key_unique\` on \`outbox_email\` (\`idempotency_key\`);`);
    this.addSql(`create index \`outbox_email_volunteer_id_index\` on \`outbox_email\` (\`volunteer_id\`);`);

    this.addSql(`create table \`volunteer\` (\`id\` text not null primary key, \`name\` text not null, \`email\` text not null, \`phone\` text null, \`language\` text check (\`language\` in ('nb', 'en')) not null default 'nb', \`service_unit_id\` text not null, \`activity_type_id\` text not null, \`phase\` text check (\`phase\` in ('registered', 'onboarding', 'active', 'paused', 'ending', 'ended', 'withdrawn')) not null default 'registered', \`status_version\` integer not null default 0, \`lifecycle_started_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`volunteer_service_unit_id_index\` on \`volunteer\` (\`service_unit_id\`);`);
    this.addSql(`create index \`volunteer_phase_index\` on \`volunteer\` (\`phase\`);`);
    this.addSql(`create index \`volunteer_created_at_index\` on \`volunteer\` (\`created_at\`);`);

    this.addSql(`create table \`volunteer_step\` (\`id\` integer not null primary key autoincrement, \`volunteer_id\` text not null, \`step\` text check (\`step\` in ('registration', 'policeCertificate', 'confidentialityDeclaration', 'introductionCourse', 'firstConversation', 'followUp', 'endingConversation')) not null, \`state\` text check (\`state\` in ('pending', 'waiting', 'done', 'notRequired', 'overdue')) not null, \`opened_at\` datetime null, \`due_at\` datetime null, \`completed_at\` datetime null, \`completed_by\` text null, \`reminders_sent\` integer not null default 0, constraint \`volunteer_step_volunteer_id_foreign\` foreign key (\`volunteer_id\`) references \`volunteer\` (\`id\`));`);
    this.addSql(`create index \`volunteer_step_volunteer_id_index\` on \`volunteer_step\` (\`volunteer_id\`);`);
    this.addSql(`create index \`volunteer_step_due_at_index\` on \`volunteer_step\` (\`due_at\`);`);
    this.addSql(`create index \`volunteer_step_step_state_index\` on \`volunteer_step\` (\`step\`, \`state\`);`);
    this.addSql(`create unique index \`volunteer_step_volunteer_id_step_unique\` on \`volunteer_step\` (\`volunteer_id\`, \`step\`);`);
  }

}
