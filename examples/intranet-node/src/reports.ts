// Step five of the method, measure and adjust, over HTTP: the publisher's own results, and the programme's
// report for social masters, computed by the SDK's metrics from the event log and rendered by its reports.
import type { Language, SocialShift } from '@social-shift/core';
import { parseOrganisation, SocialShiftError } from '@social-shift/core';
import { adjustRules, finishMetrics, foldEvents, type MetricsContext } from '@social-shift/core/metrics';
import { createReport, renderMarkdown } from '@social-shift/core/reports';
import type { Route } from './http.js';
import { actingPerson, ok } from './http.js';

// #region reports
/**
 * `GET /api/me/results` and `GET /api/reports/programme?lang=nl|en` (without `lang`, in the organisation's language).
 * Figures count in the organisation's days (its time zone), as its digests and `social-shift report` do.
 */
export function reportRoutes(shift: SocialShift): Route[] {
  const org = shift.organisationId;
  // What the figures know besides the log: the organisation's time zone, and the names of people and teams.
  const settings = async () => {
    const stored = await shift.storage.get(org, 'organisation', org);
    const organisation = stored ? parseOrganisation(stored.data) : undefined;
    const named = async (type: 'person' | 'team', field: string) =>
      Object.fromEntries(
        (await shift.storage.query(org, type)).map((doc) => [doc.id, String(doc.data[field])]),
      );
    const context: MetricsContext = {
      timeZone: organisation?.timeZone ?? 'UTC',
      names: { persons: await named('person', 'displayName'), teams: await named('team', 'name') },
    };
    return { context, language: organisation?.defaultLanguage ?? 'en' };
  };
  // The figures of the whole log. A large organisation folds the log in pages, or per month, and merges the
  // partial aggregates (`mergeAggregates`): the result is the same.
  const figures = async (context: MetricsContext) => {
    const aggregate = foldEvents(await shift.readEvents());
    return { aggregate, figures: finishMetrics(aggregate, context) };
  };
  return [
    {
      method: 'GET',
      path: '/api/me/results',
      async handle(context) {
        const me = actingPerson(context);
        await shift.as(me).people.get(me); // NOT_FOUND for someone who is not in the programme
        const mine = (await figures((await settings()).context)).figures.ambassadors.find(
          (row) => row.personId === me,
        );
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
        const lang = context.url.searchParams.get('lang');
        if (lang !== null && lang !== 'nl' && lang !== 'en') {
          throw new SocialShiftError('VALIDATION', `The report is in nl or en, not "${lang}".`, {
            details: {
              issues: [{ path: ['lang'], message: 'not nl or en', code: 'invalid_value' }],
              input: 'request',
            },
          });
        }
        const { context: known, language } = await settings();
        // The strategy's goals, pillars and platforms give the targets, and the recommendations of the adjust step.
        const metrics: MetricsContext = { ...known, strategy: await shift.as(me).strategy.get() };
        const { aggregate, figures: finished } = await figures(metrics);
        const report = createReport(finished, {
          language: (lang ?? language) as Language,
          recommendations: adjustRules(aggregate, finished, metrics),
        });
        return ok({ markdown: renderMarkdown(report), summary: report.figures.summary });
      },
    },
  ];
}
// #endregion reports
