import { Router } from 'express';
import { Volunteer } from '../../infra/db/entities/index.ts';
import { tr } from '../../templates/dashboard/layout.ts';
import { escapeHtml } from '../../templates/email/layout.ts';
import { allow, unitScope } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { DashboardDeps } from './deps.ts';
import { languageOf, render } from './render.ts';

/** `/`: where everything stands, within the units the signed-in person sees. */
export function overviewRouter({ em }: DashboardDeps): Router {
  const router = Router();

  router.get('/', allow('staff'), async (req, res) => {
    const language = languageOf(req, res);
    const units = unitScope(principalOf(res));
    const volunteers = await em().find(Volunteer, units ? { serviceUnitId: { $in: units } } : {}, { fields: ['phase'] });
    const perPhase = new Map<string, number>();
    for (const v of volunteers) perPhase.set(v.phase, (perPhase.get(v.phase) ?? 0) + 1);
    const rows = [...perPhase].map(([phase, count]) => `<tr><td>${escapeHtml(phase)}</td><td class="number">${count}</td></tr>`).join('');
    render(req, res, {
      title: tr(language, 'Oversikt', 'Overview'),
      section: 'overview',
      body: `<h1>${tr(language, 'Oversikt', 'Overview')}</h1>
<table><caption>${tr(language, 'Frivillige per fase', 'Volunteers per phase')}</caption>
<thead><tr><th scope="col">${tr(language, 'Fase', 'Phase')}</th><th scope="col" class="number">${tr(language, 'Antall', 'Count')}</th></tr></thead>
<tbody>${rows}</tbody></table>`,
    });
  });

  return router;
}
