import type { VolunteerEmailContext } from './context.ts';
import type { RenderedEmail } from './layout.ts';
import { stepEscalationEmail } from './step-escalation.ts';
import { stepReminderEmail } from './step-reminder.ts';
import { welcomeEmail } from './welcome.ts';

export const volunteerEmailTemplates = {
  welcome: welcomeEmail,
  stepReminder: stepReminderEmail,
  stepEscalation: stepEscalationEmail,
} satisfies Record<string, (ctx: VolunteerEmailContext) => RenderedEmail>;

export type VolunteerEmailTemplate = keyof typeof volunteerEmailTemplates;
export type { VolunteerEmailContext, RenderedEmail };
