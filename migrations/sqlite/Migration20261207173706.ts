import { Migration } from '@mikro-orm/migrations';

export class Migration20261207173706 extends Migration {

  override name = 'Migration20261207173706';

  override up(): void | Promise<void> {
    this.addSql(`create index \`volunteer_step_state_due_at_index\` on \`volunteer_step\` (\`state\`, \`due_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`volunteer_step_state_due_at_index\`;`);
  }

}
