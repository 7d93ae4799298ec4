import { Migration } from '@mikro-orm/migrations';

export class Migration20261207223538 extends Migration {

  override name = 'Migration20261207223538';

  override up(): void | Promise<void> {
    this.addSql(`create index \`volunteer_step_open_step_due_at_index\` on \`volunteer_step\` (\`step\`, \`due_at\`) where \`state\` in ('waiting', 'overdue');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`volunteer_step_open_step_due_at_index\`;`);
  }

}
