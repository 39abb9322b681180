// Step 3, content: a creator contributes raw material; an editor reviews it and turns it into a post, with
// the overlap score (core/strategy) recomputed on every keystroke; posts go through review and approval.
import {
  CONTRIBUTION_KINDS,
  type Contribution,
  type ContributionKind,
  contributionWorkflow,
  type Post,
  PostSchema,
  postWorkflow,
  type Strategy,
} from '@social-shift/core';
import {
  createOverlapScorer,
  hashtagsOf,
  type OverlapScore,
  subjectFromDraft,
} from '@social-shift/core/strategy';
import { type Child, format, h } from '../dom';
import { shownNote } from '../shown';
import { type Context, newestFirst, workflowButtons } from './context';

const SHOWN = 6;
/** How long typing in the post editor pauses before its overlap score is read out. */
const TYPING_PAUSE_MS = 1000;

function contributionForm(ctx: Context, strategy: Strategy): HTMLElement {
  const me = ctx.session.shift.as(ctx.actorId);
  const form = h(
    'form',
    { 'data-testid': 'contribution-form' },
    h(
      'fieldset',
      null,
      h('legend', null, ctx.m.contributionNew),
      h(
        'label',
        null,
        ctx.m.contributionKind,
        ' ',
        h(
          'select',
          { name: 'kind' },
          CONTRIBUTION_KINDS.map((k) => h('option', { value: k }, ctx.l.contributionKinds[k])),
        ),
      ),
      h(
        'label',
        null,
        ctx.m.contributionTitle,
        ' ',
        h('input', { name: 'title', required: true, maxlength: 200 }),
      ),
      h('label', { class: 'wide' }, ctx.m.contributionBody, ' ', h('textarea', { name: 'body', rows: 3 })),
      h(
        'label',
        null,
        ctx.m.contributionPillar,
        ' ',
        h(
          'select',
          { name: 'pillar' },
          strategy.pillars.map((p) => h('option', { value: p.id }, p.name)),
        ),
      ),
      h('button', { type: 'submit', 'data-testid': 'create-contribution' }, ctx.m.contributionCreate),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    // A strategy without pillars gives a select without options: no pillar chosen, not a pillar called "null".
    const pillar = data.get('pillar');
    void ctx.act(ctx.m.contributionCreate, async () => {
      const created = await me.contributions.create({
        kind: String(data.get('kind')) as ContributionKind,
        title: String(data.get('title') ?? ''),
        body: String(data.get('body') ?? ''),
        pillarIds: typeof pillar === 'string' && pillar !== '' ? [pillar] : [],
      });
      ctx.ui.created.add(created.id);
    });
  });
  return form;
}

function scoreView(ctx: Context, score: OverlapScore): HTMLElement {
  const percent = Math.round(score.overall * 100);
  return h(
    'div',
    {
      class: `score verdict-${score.verdict}`,
      'data-testid': 'overlap-score',
      'data-verdict': score.verdict,
    },
    h(
      'p',
      null,
      h('strong', null, `${ctx.m.overlapScore}: `),
      h('meter', { min: 0, max: 100, value: percent, 'aria-label': ctx.m.overlapScore }),
      ` ${format(ctx.m.overlapOutOf, { score: percent })} — ${ctx.m[`verdict_${score.verdict}`]}`,
    ),
    h(
      'p',
      { class: 'sides' },
      `${ctx.m.sideOrganisation}: ${Math.round(score.organisation * 100)} · ${ctx.m.sideAudience}: ${Math.round(score.audience * 100)}`,
    ),
    score.factors.length > 0
      ? h(
          'div',
          null,
          h('h3', null, ctx.m.overlapWhy),
          h(
            'ul',
            { 'data-testid': 'overlap-factors' },
            score.factors.map((f) => h('li', { 'data-effect': f.effect }, f.message[ctx.lang])),
          ),
        )
      : null,
    score.suggestions.length > 0
      ? h(
          'div',
          null,
          h('h3', null, ctx.m.overlapSuggestions),
          h(
            'ul',
            null,
            score.suggestions.map((s) => h('li', null, s.message[ctx.lang])),
          ),
        )
      : null,
  );
}

function checkboxes(
  name: string,
  legend: string,
  items: readonly { id: string; name: string }[],
  checked: readonly string[],
) {
  return h(
    'fieldset',
    { class: 'inline' },
    h('legend', null, legend),
    items.map((item) =>
      h(
        'label',
        null,
        h('input', { type: 'checkbox', name, value: item.id, checked: checked.includes(item.id) }),
        ` ${item.name}`,
      ),
    ),
  );
}

function postEditor(ctx: Context, strategy: Strategy, from: Contribution | undefined): HTMLElement {
  const me = ctx.session.shift.as(ctx.actorId);
  const scorer = createOverlapScorer(strategy);
  const pillarIds = from?.pillarIds ?? [];
  const goalsOfPillars = strategy.pillars.filter((p) => pillarIds.includes(p.id)).flatMap((p) => p.goalIds);
  // The score drawn follows every keystroke; a screen reader hears it only when it changed, in a sentence, and
  // while typing once the typing pauses (not at every keystroke, which would cut off each reading with the next).
  const live = h('div', null);
  const said = h('p', {
    role: 'status',
    class: 'visually-hidden',
    'aria-label': ctx.m.overlapLive,
    'data-testid': 'overlap-said',
  });
  const form = h(
    'form',
    { 'data-testid': 'post-form' },
    h(
      'fieldset',
      null,
      h('legend', null, ctx.m.postEditor),
      h(
        'label',
        null,
        ctx.m.postTitle,
        ' ',
        h('input', { name: 'title', required: true, maxlength: 200, value: from?.title ?? '' }),
      ),
      h(
        'label',
        { class: 'wide' },
        ctx.m.postText,
        ' ',
        h('textarea', { name: 'text', rows: 4, required: true, value: from?.body ?? '' }),
      ),
      h(
        'label',
        null,
        ctx.m.postLink,
        ' ',
        h('input', { name: 'link', type: 'url', value: ctx.m.postLinkExample }),
      ),
      checkboxes('pillar', ctx.m.postPillars, strategy.pillars, pillarIds),
      checkboxes('goal', ctx.m.postGoals, strategy.goals, goalsOfPillars),
      checkboxes('audience', ctx.m.postAudiences, strategy.audiences, []),
      live,
      said,
      h('button', { type: 'submit', 'data-testid': 'save-post' }, ctx.m.postSave),
    ),
  );
  const read = () => {
    const data = new FormData(form);
    return {
      title: String(data.get('title') ?? ''),
      text: String(data.get('text') ?? ''),
      link: String(data.get('link') ?? ''),
      pillarIds: data.getAll('pillar').map(String),
      goalIds: data.getAll('goal').map(String),
      audienceIds: data.getAll('audience').map(String),
    };
  };
  // What the status last said, or would have said: the score of the form as drawn is no news.
  let lastSaid = '';
  let pause: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    clearTimeout(pause);
    pause = undefined;
    if (text !== lastSaid) said.textContent = text;
    lastSaid = text;
  };
  const rescore = (event?: Event) => {
    const draft = read();
    const score = scorer(
      subjectFromDraft({
        text: draft.text,
        pillarIds: draft.pillarIds,
        goalIds: draft.goalIds,
        audienceIds: draft.audienceIds,
      }),
    );
    live.replaceChildren(scoreView(ctx, score));
    const text = `${ctx.m.overlapScore}: ${format(ctx.m.overlapOutOf, { score: Math.round(score.overall * 100) })} — ${ctx.m[`verdict_${score.verdict}`]}`;
    // Drawn, or drawn again with what was typed before (the form itself hears `input`): nothing changed.
    if (event === undefined || event.target === form) {
      clearTimeout(pause);
      lastSaid = text;
    } else if (event.type === 'input' && (event.target as HTMLInputElement).type !== 'checkbox') {
      clearTimeout(pause);
      pause = setTimeout(() => say(text), TYPING_PAUSE_MS);
    } else say(text);
  };
  form.addEventListener('input', rescore);
  form.addEventListener('change', rescore);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const draft = read();
    // The hashtags the live score read (core's reading: marks kept, links' fragments and `zorg#avond` left out), as
    // far as a post can store them: not "fancy text" capitals (`#𝐙𝐨𝐫𝐠`), nor tags over 64 characters or past the 50th.
    const tags = hashtagsOf(draft.text)
      .filter((tag) => PostSchema.shape.tags.safeParse([tag]).success)
      .slice(0, 50);
    void ctx.act(ctx.m.postSave, async () => {
      const post = await me.posts.create({
        title: draft.title,
        text: draft.text,
        ...(draft.link ? { link: draft.link } : {}),
        pillarIds: draft.pillarIds,
        goalIds: draft.goalIds,
        audienceIds: draft.audienceIds,
        tags,
        language: ctx.lang,
        contributionIds: from ? [from.id] : [],
      });
      ctx.ui.created.add(post.id);
      ctx.ui.postFromContributionId = undefined;
    });
  });
  rescore();
  return form;
}

/**
 * "Write a post from this contribution", while its workflow takes `USE`: accepted, and used (one contribution can go
 * into several posts). For whoever may write the post (`allowed`), it fills the post editor with the contribution.
 * For anyone else it stays visible, marked and described as the workflow's other buttons are (`buttons` holds their
 * note when one of them is marked too), and pressing it shows the SDK's refusal, as theirs do.
 */
function writePostButton(ctx: Context, c: Contribution, allowed: boolean, buttons: HTMLElement): Child[] {
  if (!contributionWorkflow.allowedEvents(c.status).includes('USE')) return [];
  const me = ctx.session.shift.as(ctx.actorId);
  const noteId = `not-your-role-${c.id}`;
  const button = h(
    'button',
    {
      type: 'button',
      class: allowed ? undefined : 'event locked',
      'data-event': 'USE',
      'aria-describedby': allowed ? undefined : noteId,
      onclick: allowed
        ? async () => {
            ctx.ui.postFromContributionId = c.id;
            // The editor shows the contribution, not what was typed there before.
            ctx.ui.emptyForm = 'post-form';
            // The keyboard focus goes to the editor it filled, where the visitor carries on (a screen reader reads
            // its title), not to the start of the page.
            if (await ctx.act('', async () => undefined))
              document.querySelector<HTMLElement>('[data-testid="post-form"] input[name="title"]')?.focus();
          }
        : () =>
            ctx.act(ctx.m.contributionWritePost, () =>
              me.posts.create({
                title: c.title,
                text: c.body || c.title,
                pillarIds: c.pillarIds,
                contributionIds: [c.id],
              }),
            ),
    },
    ctx.m.contributionWritePost,
  );
  const noted = allowed || [...buttons.children].some((child) => child.id === noteId);
  return [button, noted ? null : h('span', { id: noteId, class: 'hint' }, ctx.m.notYourRole)];
}

/** Renders the content step. */
export async function contentSection(ctx: Context): Promise<HTMLElement> {
  const me = ctx.session.shift.as(ctx.actorId);
  const strategy = await me.strategy.get();
  const [contributions, posts] = await Promise.all([
    me.contributions.list().catch(() => [] as Contribution[]),
    me.posts.list().catch(() => [] as Post[]),
  ]);
  const shownContributions = newestFirst(contributions, ctx.ui.created).slice(0, SHOWN);
  const shownPosts = newestFirst(posts, ctx.ui.created).slice(0, SHOWN);
  const from = contributions.find((c) => c.id === ctx.ui.postFromContributionId);

  const contributionRows = await Promise.all(
    shownContributions.map(async (c) => {
      const permitted = await me.contributions.allowedEvents(c.id).catch(() => []);
      const buttons = workflowButtons(ctx, contributionWorkflow, c, permitted, {
        SUBMIT: () => me.contributions.submit(c.id),
        START_REVIEW: () => me.contributions.startReview(c.id),
        ACCEPT: () => me.contributions.accept(c.id),
        REQUEST_CHANGES: () => me.contributions.requestChanges(c.id, { note: ctx.m.changesNote }),
        DECLINE: () => me.contributions.decline(c.id),
        ARCHIVE: () => me.contributions.archive(c.id),
      });
      return h(
        'tr',
        { 'data-contribution': c.id },
        h('th', { scope: 'row' }, c.title),
        h('td', null, ctx.l.contributionKinds[c.kind]),
        h('td', { 'data-testid': 'status' }, ctx.l.statuses.contribution[c.status]),
        h(
          'td',
          null,
          buttons,
          writePostButton(ctx, c, (permitted as readonly string[]).includes('USE'), buttons),
        ),
      );
    }),
  );

  const postRows = await Promise.all(
    shownPosts.map(async (p) => {
      const permitted = await me.posts.allowedEvents(p.id).catch(() => []);
      return h(
        'tr',
        { 'data-post': p.id },
        // The post's own language (a Dutch post on the English page), so a screen reader reads it with that voice.
        h('th', { scope: 'row', lang: p.language }, p.title),
        h('td', { 'data-testid': 'status' }, ctx.l.statuses.post[p.status]),
        h(
          'td',
          null,
          workflowButtons(ctx, postWorkflow, p, permitted, {
            SUBMIT: () => me.posts.submit(p.id),
            APPROVE: () => me.posts.approve(p.id),
            REQUEST_CHANGES: () => me.posts.requestChanges(p.id, { note: ctx.m.changesNote }),
            WITHDRAW: () => me.posts.withdraw(p.id),
            ARCHIVE: () => me.posts.archive(p.id),
          }),
        ),
      );
    }),
  );

  // A table of the first rows of `total`, with the note that says so when it leaves rows out.
  const table = (caption: string, testid: string, head: string[], rows: HTMLElement[], total: number) => {
    const note = shownNote(`${testid}-shown`, ctx.m.listShown, rows.length, total, ctx.lang);
    return [
      h(
        'table',
        { 'data-testid': testid, 'aria-describedby': note?.id },
        h('caption', null, caption),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            head.map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h('tbody', null, rows),
      ),
      note,
    ];
  };

  return h(
    'div',
    null,
    contributionForm(ctx, strategy),
    table(
      ctx.m.contributions,
      'contributions',
      [ctx.m.contributionTitle, ctx.m.contributionKind, ctx.m.status, ctx.m.actions],
      contributionRows,
      contributions.length,
    ),
    postEditor(ctx, strategy, from),
    table(ctx.m.posts, 'posts', [ctx.m.postTitle, ctx.m.status, ctx.m.actions], postRows, posts.length),
  );
}
