// Step five of the method, measure and adjust, over HTTP: the publisher's own results, and the programme's
// report for social masters, computed by the SDK's metrics from the event log and rendered by its reports.
import type { SocialShift } from '@social-shift/core';
import { SocialShiftError } from '@social-shift/core';
import { finishMetrics, foldEvents } from '@social-shift/core/metrics';
import { createReport, renderMarkdown } from '@social-shift/core/reports';
import type { Route } from './http.js';
import { actingPerson, ok } from './http.js';

// #region reports
/** `GET /api/me/results` and `GET /api/reports/programme?lang=nl|en`. */
export function reportRoutes(shift: SocialShift): Route[] {
  // The figures of the whole log. A large organisation folds the log in pages, or per month, and merges the
  // partial aggregates (`mergeAggregates`): the result is the same.
  const figures = async () => {
    const people = await shift.storage.query(shift.organisationId, 'person');
    const names = Object.fromEntries(people.map((doc) => [doc.id, String(doc.data.displayName)]));
    return finishMetrics(foldEvents(await shift.readEvents()), { names: { persons: names } });
  };
  return [
    {
      method: 'GET',
      path: '/api/me/results',
      async handle(context) {
        const me = actingPerson(context);
        await shift.as(me).people.get(me); // NOT_FOUND for someone who is not in the programme
        const mine = (await figures()).ambassadors.find((row) => row.personId === me);
        return ok({
          shares: mine?.shares ?? 0,
          clicks: mine?.clicks ?? 0,
          conversations: mine?.conversations ?? 0,
          segment: mine?.segment ?? null,
        });
      },
    },
    {
      method: 'GET',
      path: '/api/reports/programme',
      async handle(context) {
        const me = actingPerson(context);
        const roles = await shift.as(me).people.roles(me);
        if (!roles.some((assignment) => assignment.role === 'master')) {
          throw new SocialShiftError('FORBIDDEN', 'Only a social master reads the programme report.', {
            details: { action: 'reports.read', actorId: me, roles: roles.map((r) => r.role) },
          });
        }
        const language = context.url.searchParams.get('lang') === 'nl' ? 'nl' : 'en';
        const report = createReport(await figures(), { language });
        return ok({ markdown: renderMarkdown(report), summary: report.figures.summary });
      },
    },
  ];
}
// #endregion reports
