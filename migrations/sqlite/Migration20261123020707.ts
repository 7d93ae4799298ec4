import { Migration } from '@mikro-orm/migrations';

export class Migration20261123020707 extends Migration {

  override name = 'Migration20261123020707';

  override up(): void | Promise<void> {
    this.addSql(`create table \`api_token\` (\`id\` text not null primary key, \`user_id\` text not null, \`name\` text not null, \`token_hash\` text not null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null);`);
    this.addSql(`create index \`api_token_user_id_index\` on \`api_token\` (\`user_id\`);`);
    this.addSql(`create unique index \`api_token_token_hash_unique\` on \`api_token\` (\`token_hash\`);`);

    this.addSql(`create table \`import_job\` (\`id\` text not null primary key, \`kind\` text not null, \`state\` text check (\`state\` in ('running', 'done', 'failed')) not null default 'running', \`total\` integer not null default 0, \`processed\` integer not null default 0, \`result\` json null, \`created_by\` text not null, \`created_at\` datetime not null, \`finished_at\` datetime null);`);

    this.addSql(`create table \`staff_session\` (\`token_hash\` text not null primary key, \`user_id\` text not null, \`csrf_token\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null);`);
    this.addSql(`create index \`staff_session_user_id_index\` on \`staff_session\` (\`user_id\`);`);
    this.addSql(`create index \`staff_session_expires_at_index\` on \`staff_session\` (\`expires_at\`);`);

    this.addSql(`create table \`staff_user\` (\`id\` text not null primary key, \`email\` text not null, \`name\` text not null, \`role\` text check (\`role\` in ('coordinator', 'contact', 'unitManager')) not null, \`service_unit_ids\` json not null, \`certificate_officer\` integer not null default false, \`language\` text check (\`language\` in ('nb', 'en')) not null default 'nb', \`password_hash\` text null, \`oidc_subject\` text null, \`disabled_at\` datetime null, \`last_sign_in_at\` datetime null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`staff_user_email_unique\` on \`staff_user\` (\`email\`);`);
    this.addSql(`create unique index \`staff_user_oidc_subject_unique\` on \`staff_user\` (\`oidc_subject\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`api_token\`;`);
    this.addSql(`drop table if exists \`import_job\`;`);
    this.addSql(`drop table if exists \`staff_session\`;`);
    this.addSql(`drop table if exists \`staff_user\`;`);
  }

}
