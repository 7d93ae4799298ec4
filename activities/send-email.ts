import { ApplicationFailure } from '@temporalio/common';
import type { EntityManager } from '@mikro-orm/core';
import { CourseEnrolment, CourseSession, Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import type { Language } from '../infra/i18n/languages.ts';
import { linkPath, type LinkPurpose, type LinkSigner } from '../infra/links/signed-links.ts';
import { bookedCourse, stillWaits } from '../infra/links/volunteer-links.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { volunteerEmailTemplates, type VolunteerEmailTemplate } from './emails/index.ts';
import type { Recipient, StepName } from '../workflows/volunteer-lifecycle/definitions.ts';
import type { Deliver, DeliveryResult } from './outbox.ts';

export interface SendEmailInput {
  /** Business identity of the email, e.g. `<workflowId>:confidentialityDeclaration:1:0`. */
  key: string;
  volunteerId: string;
  template: VolunteerEmailTemplate;
  recipient: Recipient;
  step?: StepName;
}

export interface SendEmailDeps {
  deliver: Deliver;
  policy: Policy;
  publicUrl: string;
  links: LinkSigner;
  linkValidForMs: number;
}

/** The emails that ask the volunteer to choose a course session, or take an offered seat, through their course link. */
const CHOOSE_COURSE = new Set<VolunteerEmailTemplate>(['seatOffered', 'sessionCancelled', 'sessionMissed']);

/**
 * The course session an introduction-course email is about: the roster place the volunteer changed
 * last (booked, offered, or given up), with the session's time, length and place.
 */
async function courseSessionOf(em: EntityManager, volunteerId: string) {
  const [enrolment] = await em.find(CourseEnrolment, { volunteerId }, { orderBy: { updatedAt: 'desc', id: 'desc' }, limit: 1 });
  const session = enrolment ? await em.findOne(CourseSession, { id: enrolment.sessionId }) : null;
  return enrolment && session ? { enrolment, session } : undefined;
}

/** Sends one lifecycle email to the volunteer, their contact or the coordinator, through the outbox. */
export function createSendEmail({ deliver, policy, publicUrl, links, linkValidForMs }: SendEmailDeps) {
  return function sendEmail(input: SendEmailInput): Promise<DeliveryResult> {
    return deliver(input.key, async (em) => {
      const volunteer = await em.findOne(Volunteer, { id: input.volunteerId });
      if (!volunteer) throw ApplicationFailure.nonRetryable(`No volunteer ${input.volunteerId}`, 'VolunteerNotFound');
      const unit = policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId);
      const activityType = policy.activityTypes.find((a) => a.id === volunteer.activityTypeId);
      if (!unit || !activityType) {
        throw ApplicationFailure.nonRetryable('The volunteer refers to a unit or activity type the policy no longer has', 'PolicyMismatch');
      }
      const step = input.step ? await em.findOne(VolunteerStep, { volunteer: volunteer.id, step: input.step }) : null;
      const toVolunteer = input.recipient === 'volunteer';
      // The volunteer reads the language they chose; staff read the municipality's written standard (with an English line).
      const language: Language = toVolunteer ? volunteer.language : policy.language;
      const contactEmail = volunteer.contactEmail ?? unit.contactEmail;
      const linkFor = (purpose: LinkPurpose) => `${publicUrl}${linkPath(purpose, links.sign(volunteer.id, purpose, linkValidForMs))}`;
      // While the declaration waits, the volunteer's emails carry a signed link to accept it.
      const declaration = await em.findOne(VolunteerStep, { volunteer: volunteer.id, step: 'confidentialityDeclaration' });
      const declarationOpen = toVolunteer && stillWaits(declaration);
      // A booked course can be confirmed or asked moved; the conversations that start and follow up the work bring the hours link.
      const courseBooked = toVolunteer && input.step === 'introductionCourse' && !!bookedCourse(step);
      // While the course waits without a booking, the same link lets the volunteer choose a session (or take an offered seat).
      const courseOpen = toVolunteer && CHOOSE_COURSE.has(input.template) && stillWaits(step);
      const course = input.step === 'introductionCourse' ? await courseSessionOf(em, volunteer.id) : undefined;
      // A booking made by hand (not on a session) keeps the defaults; a session's own booking brings its length and place.
      const sessionDetails =
        course && (!step?.sessionAt || step.sessionAt.getTime() === course.session.startsAt.getTime())
          ? { startsAt: course.session.startsAt, minutes: course.session.minutes, place: course.session.place }
          : undefined;
      const conversation = toVolunteer && (input.step === 'firstConversation' || input.step === 'followUp');
      const rendered = volunteerEmailTemplates[input.template]({
        language,
        volunteerId: volunteer.id,
        volunteerName: volunteer.name,
        unitName: unit.name,
        unitContactEmail: contactEmail,
        contactName: volunteer.contactName ?? undefined,
        activityName: activityType.name[language],
        allowedTasks: activityType.allowedTasks[language],
        forbiddenTasks: activityType.forbiddenTasks[language],
        municipalityName: policy.municipality.name,
        publicUrl,
        step: input.step,
        stepOpenedAt: step?.openedAt ?? undefined,
        sessionAt: step?.sessionAt ?? undefined,
        declarationUrl: declarationOpen ? linkFor('acceptDeclaration') : undefined,
        volunteerStatusUrl: toVolunteer ? linkFor('viewStatus') : undefined,
        courseUrl: courseBooked || courseOpen ? linkFor('manageCourse') : undefined,
        courseSession: sessionDetails,
        releasedBecause: course?.enrolment.state === 'released' ? 'released' : course?.enrolment.state === 'cancelled' ? 'cancelled' : undefined,
        offeredUntil: course?.enrolment.offeredUntil ?? undefined,
        hoursUrl: conversation ? linkFor('logHours') : undefined,
        // Rendered once, on the first attempt: a moved session's invitation is issued later, so it carries the higher SEQUENCE.
        issuedAt: new Date(),
      });
      const recipient = { volunteer: volunteer.email, contact: contactEmail, coordinator: policy.municipality.coordinatorEmail }[input.recipient];
      return { recipient, template: input.template, rendered, volunteerId: volunteer.id, step: input.step };
    });
  };
}
