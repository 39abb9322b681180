// Step 1, strategy: the goals with their audiences, a goal can be added or linked to audiences, and the
// coherence check (core/strategy) lists what is missing after every change.
import { GOAL_PURPOSES, type Goal, INTENTS, type Strategy } from '@social-shift/core';
import { checkStrategyCoherence } from '@social-shift/core/strategy';
import { format, h } from '../dom';
import type { Context } from './context';

function findings(ctx: Context, strategy: Strategy): HTMLElement {
  const report = checkStrategyCoherence(strategy);
  return h(
    'section',
    { 'aria-labelledby': 'findings-title', 'data-testid': 'findings' },
    h('h3', { id: 'findings-title' }, ctx.m.strategyFindings),
    report.findings.length === 0
      ? h('p', null, ctx.m.strategyNoFindings)
      : h(
          'ul',
          { class: 'findings' },
          report.findings.map((finding) =>
            h(
              'li',
              { 'data-code': finding.code, 'data-severity': finding.severity },
              h('strong', null, finding.message[ctx.lang]),
              ' ',
              finding.suggestion[ctx.lang],
            ),
          ),
        ),
  );
}

/** Renders the strategy step. */
export async function strategySection(ctx: Context): Promise<HTMLElement> {
  const me = ctx.session.shift.as(ctx.actorId);
  const strategy = await me.strategy.get();
  const audienceName = new Map(strategy.audiences.map((a) => [a.id, a.name]));

  const goalRows = strategy.goals.map((goal) =>
    h(
      'tr',
      { 'data-goal': goal.id },
      h('th', { scope: 'row' }, goal.name),
      h('td', null, ctx.l.purposes[goal.purpose]),
      h('td', null, ctx.l.intents[goal.intent].name),
      h(
        'td',
        null,
        h(
          'fieldset',
          { class: 'inline' },
          h('legend', { class: 'visually-hidden' }, format(ctx.m.strategyAudiencesOf, { goal: goal.name })),
          strategy.audiences.map((audience) =>
            h(
              'label',
              null,
              h('input', {
                type: 'checkbox',
                name: `goal-audience:${goal.id}`,
                value: audience.id,
                checked: goal.audienceIds.includes(audience.id),
              }),
              ` ${audience.name}`,
            ),
          ),
        ),
      ),
    ),
  );

  const form = h(
    'form',
    { class: 'strategy', 'data-testid': 'strategy-form' },
    h(
      'table',
      null,
      h('caption', null, ctx.m.strategyGoals),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, ctx.m.strategyGoalName),
          h('th', { scope: 'col' }, ctx.m.strategyPurpose),
          h('th', { scope: 'col' }, ctx.m.strategyIntent),
          h('th', { scope: 'col' }, ctx.m.strategyAudiences),
        ),
      ),
      h('tbody', null, goalRows),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, ctx.m.strategyAddGoal),
      h('label', null, ctx.m.strategyGoalName, ' ', h('input', { name: 'new-goal-name', maxlength: 200 })),
      h(
        'label',
        null,
        ctx.m.strategyPurpose,
        ' ',
        h(
          'select',
          { name: 'new-goal-purpose' },
          GOAL_PURPOSES.map((p) => h('option', { value: p }, ctx.l.purposes[p])),
        ),
      ),
      h(
        'label',
        null,
        ctx.m.strategyIntent,
        ' ',
        h(
          'select',
          { name: 'new-goal-intent' },
          INTENTS.map((i) => h('option', { value: i }, ctx.l.intents[i].name)),
        ),
      ),
    ),
    h('button', { type: 'submit', 'data-testid': 'save-strategy' }, ctx.m.strategySave),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const goals: Goal[] = strategy.goals.map((goal) => ({
      ...goal,
      audienceIds: data.getAll(`goal-audience:${goal.id}`).map(String),
    }));
    const name = String(data.get('new-goal-name') ?? '').trim();
    if (name) {
      goals.push({
        id: ctx.session.shift.ids.next('goal'),
        name,
        purpose: String(data.get('new-goal-purpose')) as Goal['purpose'],
        intent: String(data.get('new-goal-intent')) as Goal['intent'],
        audienceIds: [],
        targets: [],
      });
    }
    void ctx.act(ctx.m.strategySave, () => me.strategy.update({ goals }));
  });

  return h(
    'div',
    null,
    form,
    h(
      'details',
      null,
      h('summary', null, `${ctx.m.strategyAudiences} · ${ctx.m.strategyPillars}`),
      h('h3', null, ctx.m.strategyAudiences),
      h(
        'ul',
        null,
        strategy.audiences.map((a) => h('li', null, a.name)),
      ),
      h('h3', null, ctx.m.strategyPillars),
      h(
        'ul',
        null,
        strategy.pillars.map((p) =>
          h(
            'li',
            null,
            p.name,
            p.audienceIds.length > 0
              ? ` → ${p.audienceIds.map((id) => audienceName.get(id) ?? id).join(', ')}`
              : '',
          ),
        ),
      ),
    ),
    findings(ctx, strategy),
  );
}
