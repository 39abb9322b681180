// Step 4, campaigns: an editor bundles approved posts into a campaign for everyone and runs it; starting it
// offers the posts to the active publishers (the SDK does that, with the consent rules).
import { type Campaign, campaignWorkflow, type Post } from '@social-shift/core';
import { h } from '../dom';
import { shownNote } from '../shown';
import { type Context, newestFirst, workflowButtons } from './context';

const SHOWN = 5;
const DAY = 86_400_000;

/** Renders the campaigns step. */
export async function campaignsSection(ctx: Context): Promise<HTMLElement> {
  const me = ctx.session.shift.as(ctx.actorId);
  const [campaigns, posts] = await Promise.all([
    me.campaigns.list().catch(() => [] as Campaign[]),
    me.posts.list().catch(() => [] as Post[]),
  ]);
  const allApproved = posts.filter((p) => p.status === 'approved');
  const approved = newestFirst(allApproved, ctx.ui.created).slice(0, SHOWN);
  const approvedNote = shownNote(
    'approved-posts-shown',
    ctx.m.listShown,
    approved.length,
    allApproved.length,
    ctx.lang,
  );
  const shownCampaigns = newestFirst(campaigns, ctx.ui.created).slice(0, SHOWN);
  const campaignsNote = shownNote(
    'campaigns-shown',
    ctx.m.listShown,
    shownCampaigns.length,
    campaigns.length,
    ctx.lang,
  );
  const form = h(
    'form',
    { 'data-testid': 'campaign-form' },
    h(
      'fieldset',
      null,
      h('legend', null, ctx.m.campaignNew),
      h('label', null, ctx.m.campaignName, ' ', h('input', { name: 'name', required: true, maxlength: 200 })),
      h(
        'fieldset',
        { class: 'inline', 'aria-describedby': approvedNote?.id },
        h('legend', null, ctx.m.campaignPosts),
        approved.length === 0
          ? h('p', null, ctx.m.campaignNoPosts)
          : approved.map((p) =>
              h(
                'label',
                null,
                h('input', {
                  type: 'checkbox',
                  name: 'post',
                  value: p.id,
                  checked: ctx.ui.created.has(p.id),
                }),
                ' ',
                h('span', { lang: p.language }, p.title),
              ),
            ),
        approvedNote,
      ),
      h('button', { type: 'submit', 'data-testid': 'create-campaign' }, ctx.m.campaignCreate),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const postIds = data.getAll('post').map(String);
    const chosen = posts.filter((p) => postIds.includes(p.id));
    const now = ctx.session.shift.clock.now();
    void ctx.act(ctx.m.campaignCreate, async () => {
      const campaign = await me.campaigns.create({
        name: String(data.get('name') ?? ''),
        postIds,
        pillarIds: [...new Set(chosen.flatMap((p) => p.pillarIds))],
        goalIds: [...new Set(chosen.flatMap((p) => p.goalIds))],
        audience: { everyone: true },
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 14 * DAY).toISOString(),
      });
      ctx.ui.created.add(campaign.id);
    });
  });

  const rows = await Promise.all(
    shownCampaigns.map(async (c) => {
      const permitted = await me.campaigns.allowedEvents(c.id).catch(() => []);
      return h(
        'tr',
        { 'data-campaign': c.id },
        h('th', { scope: 'row' }, c.name),
        h('td', null, String(c.postIds.length)),
        h('td', { 'data-testid': 'status' }, ctx.l.statuses.campaign[c.status]),
        h(
          'td',
          null,
          workflowButtons(ctx, campaignWorkflow, c, permitted, {
            // Scheduling a campaign whose window has begun starts it at once (the command does). The schedule has
            // worked even when that start fails: the campaign shows as scheduled, and its Start button (or the
            // scheduler's next run, when the Playground opens again) says why it cannot start.
            SCHEDULE: () => me.campaigns.schedule(c.id),
            START: () => me.campaigns.start(c.id),
            PAUSE: () => me.campaigns.pause(c.id),
            RESUME: () => me.campaigns.resume(c.id),
            COMPLETE: () => me.campaigns.complete(c.id),
            EVALUATE: () => me.campaigns.evaluate(c.id),
            CANCEL: () => me.campaigns.cancel(c.id),
          }),
        ),
      );
    }),
  );
  return h(
    'div',
    null,
    form,
    h(
      'table',
      { 'data-testid': 'campaigns', 'aria-describedby': campaignsNote?.id },
      h('caption', null, ctx.m.campaigns),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [ctx.m.campaignName, ctx.m.posts, ctx.m.status, ctx.m.actions].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h('tbody', null, rows),
    ),
    campaignsNote,
  );
}
