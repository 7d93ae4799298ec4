import type { SqlEntityManager } from '@mikro-orm/sql';
import { Router } from 'express';
import { z } from 'zod';
import { OutboxEmail } from '../../infra/db/entities/index.ts';
import { t } from './messages/index.ts';
import { outboxBody, type OutboxRow } from './views/outbox.ts';
import { PAGE_SIZE, pageNumber } from '../views/pagination.ts';
import { allow } from '../auth/access.ts';
import type { FieldProblem } from '../http/errors.ts';
import { parse } from '../http/parse.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { problemsOrRethrow } from '../views/form-problems.ts';
import { languageOf, render } from '../views/render.ts';
import { bodyOf } from '../volunteers/forms.ts';

const outboxQuery = z
  .object({
    status: z.enum(['pending', 'sent'], { error: 'Choose pending or sent.' }).optional(),
    template: z.string().max(100).optional(),
    recipient: z.string().max(254, 'Give at most 254 characters of the address.').optional(),
  })
  .strict();

/** `%`, `_` and the escape character itself match only themselves in a LIKE pattern escaped with `!`. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`;

/** `/outbox`: every email sent or pending, newest first, filtered by status, template and recipient; the coordinator's. */
export function outboxPagesRouter({ em }: DashboardDeps): Router {
  const router = Router();

  router.get('/outbox', allow('coordinator'), async (req, res) => {
    const language = languageOf(req, res);
    const filters = bodyOf(req.query, ['status', 'template', 'recipient']);
    const page = pageNumber(req.query.page);
    const sql = em() as SqlEntityManager;
    let problems: FieldProblem[] = [];
    let rows: OutboxRow[] = [];
    let total = 0;
    try {
      const query = parse(outboxQuery, filters);
      const qb = sql.createQueryBuilder(OutboxEmail, 'o');
      if (query.status) qb.andWhere({ status: query.status });
      if (query.template) qb.andWhere({ template: query.template });
      if (query.recipient) qb.andWhere(`lower(o.recipient) like ? escape '!'`, [likePattern(query.recipient)]);
      [rows, total] = await qb.orderBy({ createdAt: 'desc', id: 'desc' }).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).getResultAndCount();
    } catch (error) {
      problems = problemsOrRethrow(error);
    }
    const templates = await sql.createQueryBuilder(OutboxEmail).select('template', true).orderBy({ template: 'asc' }).execute<{ template: string }[]>();
    render(req, res, {
      title: t(language, 'outbox.title'),
      section: 'outbox',
      status: problems.length ? 422 : 200,
      body: outboxBody({ language, filters, problems, templates: templates.map((row) => row.template), rows, total, page }),
    });
  });

  return router;
}
