import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { Router } from 'express';
import { AuditEntry } from '../../infra/db/entities/index.ts';
import { auditPageBody, type AuditFilterValues } from './views/audit.ts';
import { PAGE_SIZE } from '../views/pagination.ts';
import { LOCALES, type Language } from '../../infra/i18n/languages.ts';
import { allow } from '../auth/access.ts';
import { actorName, staffNames } from '../staff/actor-names.ts';
import { auditWhere } from './audit.ts';
import { privacySchemas } from './schemas.ts';
import { parse } from '../http/parse.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { problemsOrRethrow } from '../views/form-problems.ts';
import { languageOf, render } from '../views/render.ts';
import { t } from './messages/index.ts';

/** The distinct values of one column, for a filter's choices. */
async function distinct(em: EntityManager, column: 'action' | 'actor'): Promise<string[]> {
  const rows = await (em as SqlEntityManager).createQueryBuilder(AuditEntry).select([column], true).execute<Record<typeof column, string>[]>('all');
  return rows.map((row) => row[column]).sort();
}

async function actorChoices(em: EntityManager, language: Language) {
  const actors = await distinct(em, 'actor');
  const names = await staffNames(em, actors);
  return actors
    .map((actor) => ({ value: actor, label: actorName(actor, names, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, LOCALES[language]));
}

/** `/audit`: the whole audit log for the coordinator, filtered like a volunteer's and a page at a time. */
export function auditPagesRouter({ em }: DashboardDeps): Router {
  const router = Router();

  router.get('/audit', allow('coordinator'), async (req, res) => {
    const language = languageOf(req, res);
    // An empty field in the filter form means "any".
    const typed = Object.fromEntries(Object.entries(req.query).filter(([, value]) => value !== '')) as AuditFilterValues;
    const [actions, actors] = await Promise.all([distinct(em(), 'action'), actorChoices(em(), language)]);
    const title = t(language, 'audit.title');
    let query;
    try {
      query = parse(privacySchemas(language).auditPage, typed);
    } catch (error) {
      const body = auditPageBody({ language, actions, actors, filters: typed, problems: problemsOrRethrow(error), rows: [], page: 1, total: 0 });
      render(req, res, { title, section: 'audit', status: 422, body });
      return;
    }
    const [entries, total] = await em().findAndCount(AuditEntry, auditWhere(query), {
      orderBy: { at: 'desc', id: 'desc' },
      limit: PAGE_SIZE,
      offset: (query.page - 1) * PAGE_SIZE,
    });
    const names = await staffNames(em(), entries.map((e) => e.actor));
    const rows = entries.map((e) => ({
      at: e.at,
      actorName: actorName(e.actor, names, language),
      action: e.action,
      step: e.step ?? null,
      volunteerId: e.volunteerId ?? null,
      agreementId: e.agreementId ?? null,
      details: e.details ?? null,
    }));
    const { page: _page, lang: _lang, ...filters } = typed as AuditFilterValues & { page?: string; lang?: string };
    render(req, res, { title, section: 'audit', body: auditPageBody({ language, actions, actors, filters, problems: [], rows, page: query.page, total }) });
  });

  return router;
}
