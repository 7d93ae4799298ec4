import type { EmailTemplateName } from '../../workflows/volunteer-lifecycle/definitions.ts';
import type { VolunteerEmailContext } from './context.ts';
import { seatOfferedEmail, sessionCancelledEmail, sessionMissedEmail } from './course-session.ts';
import { thankYouEndedEmail, thankYouWithdrawnEmail } from './farewell.ts';
import type { RenderedEmail } from './layout.ts';
import { nowActiveEmail } from './now-active.ts';
import { purposeConfirmationEmail } from './purpose-confirmation.ts';
import { sessionBookedEmail, sessionReminderEmail } from './sessions.ts';
import { contactReminderEmail, gateOpenEmail } from './staff.ts';
import { stepEscalationEmail } from './step-escalation.ts';
import { stepReminderEmail } from './step-reminder.ts';
import { welcomeEmail } from './welcome.ts';

/** One template per mail type the lifecycle sends. */
export const volunteerEmailTemplates: Record<EmailTemplateName, (ctx: VolunteerEmailContext) => RenderedEmail> = {
  welcome: welcomeEmail,
  purposeConfirmation: purposeConfirmationEmail,
  stepReminder: stepReminderEmail,
  stepEscalation: stepEscalationEmail,
  contactReminder: contactReminderEmail,
  sessionBooked: sessionBookedEmail,
  sessionReminder: sessionReminderEmail,
  sessionCancelled: sessionCancelledEmail,
  sessionMissed: sessionMissedEmail,
  seatOffered: seatOfferedEmail,
  gateOpen: gateOpenEmail,
  nowActive: nowActiveEmail,
  thankYouEnded: thankYouEndedEmail,
  thankYouWithdrawn: thankYouWithdrawnEmail,
};

export type VolunteerEmailTemplate = EmailTemplateName;
export type { VolunteerEmailContext, RenderedEmail };
