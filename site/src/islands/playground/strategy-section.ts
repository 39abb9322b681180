// Step 1, strategy: the goals with their audiences and the content pillars with the goals they serve; a goal or
// a pillar can be added, a goal linked to audiences, a pillar to goals, and the coherence check (core/strategy)
// lists what is missing after every change.
import {
  type ContentPillar,
  GOAL_PURPOSES,
  type Goal,
  INFORMATION_NEEDS,
  INTENTS,
  type InformationNeed,
  type Strategy,
} from '@social-shift/core';
import { checkStrategyCoherence } from '@social-shift/core/strategy';
import { format, h } from '../dom';
import type { Context } from './context';

/**
 * Checkboxes in a fieldset: one per item, checked when its id is in `checked`. `stored` marks boxes that show
 * what is stored (an existing goal's audiences): after a refusal they show it again, not what was ticked.
 */
function checkboxes(
  name: string,
  legend: HTMLElement,
  items: readonly { id: string; name: string }[],
  checked: readonly string[],
  stored = false,
): HTMLElement {
  return h(
    'fieldset',
    { class: 'inline' },
    legend,
    items.map((item) =>
      h(
        'label',
        null,
        h('input', {
          type: 'checkbox',
          name,
          value: item.id,
          checked: checked.includes(item.id),
          'data-stored': stored,
        }),
        ` ${item.name}`,
      ),
    ),
  );
}

/** The names of `ids` among `items`, in the order of `ids`; an unknown id shows as itself. */
function namesOf(items: readonly { id: string; name: string }[], ids: readonly string[]): string {
  const byId = new Map(items.map((item) => [item.id, item.name]));
  return ids.map((id) => byId.get(id) ?? id).join(', ');
}

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
  const hiddenLegend = (text: string) => h('legend', { class: 'visually-hidden' }, text);

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
        checkboxes(
          `goal-audience:${goal.id}`,
          hiddenLegend(format(ctx.m.strategyAudiencesOf, { goal: goal.name })),
          strategy.audiences,
          goal.audienceIds,
          true,
        ),
      ),
      h(
        'td',
        { 'data-testid': 'served-by' },
        strategy.pillars
          .filter((p) => p.goalIds.includes(goal.id))
          .map((p) => p.name)
          .join(', '),
      ),
    ),
  );

  const pillarRows = strategy.pillars.map((pillar) =>
    h(
      'tr',
      { 'data-pillar': pillar.id },
      h('th', { scope: 'row' }, pillar.name),
      h(
        'td',
        null,
        checkboxes(
          `pillar-goal:${pillar.id}`,
          hiddenLegend(format(ctx.m.strategyGoalsOf, { pillar: pillar.name })),
          strategy.goals,
          pillar.goalIds,
          true,
        ),
      ),
      h('td', null, namesOf(strategy.audiences, pillar.audienceIds)),
    ),
  );
  const needs = INFORMATION_NEEDS.map((need) => ({ id: need, name: ctx.l.informationNeeds[need].name }));

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
          h('th', { scope: 'col' }, ctx.m.strategyServedBy),
        ),
      ),
      h('tbody', null, goalRows),
    ),
    h(
      'table',
      { 'data-testid': 'pillars' },
      h('caption', null, ctx.m.strategyPillars),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, ctx.m.strategyPillarName),
          h('th', { scope: 'col' }, ctx.m.strategyPillarGoals),
          h('th', { scope: 'col' }, ctx.m.strategyAudiences),
        ),
      ),
      h('tbody', null, pillarRows),
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
    h(
      'fieldset',
      { 'data-testid': 'new-pillar' },
      h('legend', null, ctx.m.strategyAddPillar),
      h(
        'label',
        null,
        ctx.m.strategyPillarName,
        ' ',
        h('input', { name: 'new-pillar-name', maxlength: 200 }),
      ),
      checkboxes('new-pillar-goal', h('legend', null, ctx.m.strategyPillarGoals), strategy.goals, []),
      checkboxes('new-pillar-audience', h('legend', null, ctx.m.strategyAudiences), strategy.audiences, []),
      checkboxes('new-pillar-need', h('legend', null, ctx.m.strategyNeeds), needs, []),
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
    // A new goal or pillar is meant as soon as anything of it was filled in. One meant without a name goes to
    // the SDK as it is, which refuses it (VALIDATION), instead of being dropped from a save that says it worked.
    const name = String(data.get('new-goal-name') ?? '');
    const purpose = String(data.get('new-goal-purpose'));
    const intent = String(data.get('new-goal-intent'));
    if (name !== '' || purpose !== GOAL_PURPOSES[0] || intent !== INTENTS[0]) {
      goals.push({
        id: ctx.session.shift.ids.next('goal'),
        name: name.trim(),
        purpose: purpose as Goal['purpose'],
        intent: intent as Goal['intent'],
        audienceIds: [],
        targets: [],
      });
    }
    const pillars: ContentPillar[] = strategy.pillars.map((pillar) => ({
      ...pillar,
      goalIds: data.getAll(`pillar-goal:${pillar.id}`).map(String),
    }));
    const pillarName = String(data.get('new-pillar-name') ?? '');
    const pillarGoalIds = data.getAll('new-pillar-goal').map(String);
    const pillarAudienceIds = data.getAll('new-pillar-audience').map(String);
    const pillarNeeds = data.getAll('new-pillar-need').map(String) as InformationNeed[];
    if (
      pillarName !== '' ||
      pillarGoalIds.length > 0 ||
      pillarAudienceIds.length > 0 ||
      pillarNeeds.length > 0
    ) {
      pillars.push({
        id: ctx.session.shift.ids.next('pillar'),
        name: pillarName.trim(),
        description: '',
        goalIds: pillarGoalIds,
        audienceIds: pillarAudienceIds,
        needs: pillarNeeds,
        tags: [],
      });
    }
    void ctx.act(ctx.m.strategySave, () => me.strategy.update({ goals, pillars }));
  });

  return h(
    'div',
    null,
    form,
    h(
      'details',
      null,
      h('summary', null, ctx.m.strategyAudiences),
      h(
        'ul',
        null,
        strategy.audiences.map((a) => h('li', null, a.name)),
      ),
    ),
    findings(ctx, strategy),
  );
}
