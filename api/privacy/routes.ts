import { Router, type Request, type Response } from 'express';
import { AuditEntry } from '../../infra/db/entities/index.ts';
import { osloToday } from '../volunteers/views/time.ts';
import { allow } from '../auth/access.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { actorName, staffNames } from '../staff/actor-names.ts';
import { auditWhere, hidePoliceCertificates } from './audit.ts';
import { eraseVolunteer } from './erasure.ts';
import { volunteerExport } from './export.ts';
import { erasureBody, volunteerAuditQuery } from './schemas.ts';
import { loadVolunteer, type VolunteersDeps } from '../volunteers/queries.ts';
import { parse } from '../http/parse.ts';

/** The file name an export downloads as: whose, and from which day. */
function exportFileName(volunteerId: string, at: Date): string {
  return `samspill-innsyn-${volunteerId}-${osloToday(at)}.json`;
}

/** A volunteer's privacy: access (export), erasure on request, and their audit trail. */
export function volunteerPrivacyRouter({ em, policy, temporal }: VolunteersDeps): Router {
  const router = Router();

  const volunteerOf = (req: Request, res: Response) => loadVolunteer(em(), String(req.params.id), principalOf(res));

  // The role is checked before the volunteer is looked up, so a refusal says nothing about whether they exist.
  router.get('/:id/export', allow('coordinator'), async (req, res) => {
    const volunteer = await volunteerOf(req, res);
    const now = new Date();
    const body = await volunteerExport(em(), policy, volunteer, { now });
    // Handing data out is logged like a change: who exported whose, and when.
    em().create(AuditEntry, { volunteerId: volunteer.id, agreementId: null, at: now, actor: actorOf(principalOf(res)), action: 'dataExported', step: null, details: null });
    await em().flush();
    res.attachment(exportFileName(volunteer.id, now)).type('json').send(JSON.stringify(body, null, 2));
  });

  router.post('/:id/erasure', allow('coordinator'), async (req, res) => {
    const volunteer = await volunteerOf(req, res);
    const request = parse(erasureBody, req.body ?? {});
    res.json(await eraseVolunteer({ em, temporal }, volunteer, request, actorOf(principalOf(res))));
  });

  router.get('/:id/audit', allow('staff'), async (req, res) => {
    const principal = principalOf(res);
    const volunteer = await loadVolunteer(em(), String(req.params.id), principal);
    const filters = parse(volunteerAuditQuery, req.query);
    const where = hidePoliceCertificates(auditWhere({ ...filters, volunteerId: volunteer.id }), filters, principal);
    const entries = await em().find(AuditEntry, where, { orderBy: { at: 'asc', id: 'asc' } });
    const names = await staffNames(em(), entries.map((e) => e.actor));
    res.json({
      items: entries.map((e) => ({
        at: e.at.toISOString(),
        actor: e.actor,
        actorName: actorName(e.actor, names, principal.language),
        action: e.action,
        step: e.step,
        details: e.details,
      })),
    });
  });

  return router;
}
