// Step 2, activation: people and their ambassador status; invite candidates (master), give consent as the
// invited person yourself. The buttons come from the ambassador workflow.
import { AMBASSADOR_STATUSES, ambassadorWorkflow, type Person } from '@social-shift/core';
import { h } from '../dom';
import { shownNote } from '../shown';
import { type Context, workflowButtons } from './context';

const SHOWN = 8;

/** Renders the activation step; `teamNames` gives each team's name by its id. */
export async function activationSection(
  ctx: Context,
  people: readonly Person[],
  teamNames: ReadonlyMap<string, string>,
): Promise<HTMLElement> {
  const me = ctx.session.shift.as(ctx.actorId);
  const withStatus = people.filter((p) => p.status === ctx.ui.activationStatus);
  const shown = withStatus.slice(0, SHOWN);
  const note = shownNote('people-shown', ctx.m.listShown, shown.length, withStatus.length, ctx.lang);
  const self = people.find((p) => p.id === ctx.actorId);
  const rows = await Promise.all(
    shown.map(async (person) => {
      const permitted = await me.people.allowedEvents(person.id).catch(() => []);
      return h(
        'tr',
        { 'data-person': person.id },
        h('th', { scope: 'row' }, person.displayName),
        h('td', null, person.teamIds.map((id) => teamNames.get(id) ?? id).join(', ')),
        h('td', null, ctx.l.statuses.ambassador[person.status]),
        h(
          'td',
          null,
          workflowButtons(ctx, ambassadorWorkflow, { id: person.id, status: person.status }, permitted, {
            INVITE: () => me.people.invite(person.id),
            REACTIVATE: () => me.people.reactivate(person.id),
            LEAVE: () => me.people.leave(person.id),
          }),
        ),
      );
    }),
  );
  const filter = h(
    'select',
    {
      id: 'activation-filter',
      onchange: (event) => {
        ctx.ui.activationStatus = (event.target as HTMLSelectElement).value;
        void ctx.act('', async () => undefined);
      },
    },
    AMBASSADOR_STATUSES.map((status) =>
      h(
        'option',
        { value: status, selected: status === ctx.ui.activationStatus },
        ctx.l.statuses.ambassador[status],
      ),
    ),
  );
  return h(
    'div',
    null,
    h('p', null, ctx.m.activationIntro),
    self && self.status === 'invited'
      ? h(
          'p',
          null,
          h(
            'button',
            {
              type: 'button',
              'data-event': 'GIVE_CONSENT',
              onclick: () =>
                ctx.act(ctx.events.ambassador.GIVE_CONSENT, () =>
                  me.people.consent({ purposes: ['offers', 'tracking'], termsVersion: 'playground-1' }),
                ),
            },
            ctx.m.activationGiveConsent,
          ),
        )
      : null,
    h('label', { for: 'activation-filter' }, ctx.m.activationFilter, ' '),
    filter,
    h(
      'table',
      { 'data-testid': 'people', 'aria-describedby': note?.id },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, ctx.m.person),
          h('th', { scope: 'col' }, ctx.m.team),
          h('th', { scope: 'col' }, ctx.m.status),
          h('th', { scope: 'col' }, ctx.m.actions),
        ),
      ),
      h('tbody', null, rows),
    ),
    note,
  );
}
