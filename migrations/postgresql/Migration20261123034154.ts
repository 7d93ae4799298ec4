import { Migration } from '@mikro-orm/migrations';

export class Migration20261123034154 extends Migration {

  override name = 'Migration20261123034154';

  override up(): void | Promise<void> {
    this.addSql(`create index "volunteer_step_state_step_volunteer_id_index" on "volunteer_step" ("state", "step", "volunteer_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "volunteer_step_state_step_volunteer_id_index";`);
  }

}
