import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { Meeting, MeetingInvitation } from '../../infra/db/entities/index.ts';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import { pageLanguage } from '../self-service/link-pages.ts';
import { csrfToken } from '../views/render.ts';
import { t } from './messages/index.ts';
import { rsvpBody } from './schemas.ts';
import { rsvpMessagePage, rsvpPage } from './views/rsvp.ts';

/**
 * `/s/meeting/<token>`: an invited contact answers whether they come, through the signed link in
 * their invitation. It works until the meeting begins; a move asks everyone again.
 */
export function meetingRsvpRouter({ em, links }: { em: () => EntityManager; links: LinkSigner }): Router {
  const router = Router();

  async function resolve(req: Request<{ token: string }>, res: Response) {
    const language = pageLanguage(req);
    const check = links.verify(req.params.token, 'meetingRsvp');
    // An answer link runs out when its meeting begins: nothing is left to answer.
    if (!check.ok && check.reason === 'expired') return void res.status(410).type('html').send(rsvpMessagePage(language, 'rsvp.page.closed'));
    const invitation = check.claims && /^\d{1,12}$/.test(check.claims.subjectId) ? await em().findOne(MeetingInvitation, { id: Number(check.claims.subjectId) }) : null;
    const meeting = invitation && (await em().findOne(Meeting, { id: invitation.meetingId }));
    if (!invitation || !meeting) return void res.status(404).type('html').send(rsvpMessagePage(language, 'rsvp.page.invalid'));
    if (!check.ok || meeting.status !== 'scheduled' || meeting.startsAt.getTime() <= Date.now()) return void res.status(409).type('html').send(rsvpMessagePage(language, 'rsvp.page.closed'));
    return { invitation, meeting, language };
  }

  router.get('/:token', async (req, res) => {
    const found = await resolve(req, res);
    if (!found) return;
    res.type('html').send(rsvpPage(found.language, found.meeting, found.invitation, csrfToken(req, res)));
  });

  router.post('/:token', async (req, res) => {
    const found = await resolve(req, res);
    if (!found) return;
    const sent = rsvpBody.safeParse({ answer: (req.body as Record<string, unknown> | undefined)?.answer });
    if (!sent.success) {
      return void res.status(422).type('html').send(rsvpPage(found.language, found.meeting, found.invitation, csrfToken(req, res), t(found.language, 'rsvp.page.choose')));
    }
    const { answer } = sent.data;
    found.invitation.rsvp = answer;
    found.invitation.respondedAt = new Date();
    await em().flush();
    res.type('html').send(rsvpMessagePage(found.language, 'rsvp.page.thanks', { answer }));
  });

  return router;
}
