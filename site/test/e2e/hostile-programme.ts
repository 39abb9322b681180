// A programme whose every piece of user text is an injection payload, built with the SDK in Node and exported as
// a bundle the Playground imports: names of the organisation, programme, pillars, goals, audiences, teams and
// people, titles and texts of contributions and posts, campaign names, review notes.
import type { ExportBundle } from '@social-shift/core';
import {
  createManualClock,
  createMemoryStorage,
  createSequentialIds,
  createSocialShift,
} from '@social-shift/core';
import { exportAll } from '@social-shift/core/transfer';

/** Every payload counts a hit in `window.__xss` when it runs, so a test can prove none did. */
export const PAYLOADS = [
  '<script>window.__xss=(window.__xss||0)+1</script>',
  '"><img src=x onerror="window.__xss=(window.__xss||0)+1">',
  "'><svg onload=window.__xss=(window.__xss||0)+1>",
  'javascript:window.__xss=(window.__xss||0)+1',
  '</title></textarea><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1" id="injected-link">click</a>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '<style>body{display:none}</style><b id="injected-bold">bold</b>',
] as const;

/** Every user text the programme holds, so a test can find where each was shown. */
export const HOSTILE_TEXTS: string[] = [];

/** Payload `i`, with a readable prefix. */
const p = (i: number, what: string) => {
  const text = `${what} ${PAYLOADS[i % PAYLOADS.length]}`;
  if (!HOSTILE_TEXTS.includes(text)) HOSTILE_TEXTS.push(text);
  return text;
};

const ORG = 'org_hostile';

/**
 * Builds the hostile programme, its history starting at `start` (the Playground runs due transitions at the
 * browser's time: start within the last days, so the campaign still runs and the offer is open).
 */
export async function hostileBundle(start: string): Promise<ExportBundle> {
  const clock = createManualClock(start);
  const storage = createMemoryStorage();
  const shift = createSocialShift({ storage, organisationId: ORG, clock, ids: createSequentialIds() });
  const { masterId } = await shift.setup({
    organisation: { name: p(0, 'Org'), timeZone: 'Europe/Amsterdam' },
    programme: { name: p(1, 'Programme'), claimedPurposes: ['recruitment'] },
    strategy: {
      goals: [
        {
          id: 'goal_1',
          name: p(2, 'Goal'),
          purpose: 'recruitment',
          intent: 'inspire',
          audienceIds: ['aud_1'],
        },
      ],
      audiences: [
        { id: 'aud_1', name: p(3, 'Audience'), description: p(4, 'About'), needs: { belonging: 1 } },
      ],
      pillars: [
        {
          id: 'pillar_1',
          name: p(5, 'Pillar'),
          description: p(6, 'Pillar text'),
          goalIds: ['goal_1'],
          audienceIds: ['aud_1'],
        },
      ],
    },
    master: { displayName: p(7, 'Master') },
  });
  const master = shift.as(masterId);
  const team = await master.teams.create({
    name: p(0, 'Team'),
    department: p(1, 'Dept'),
    location: p(2, 'Loc'),
  });
  const person = async (i: number, role: 'editor' | 'creator' | 'publisher') => {
    const added = await master.people.add({ displayName: p(i, `Person ${role}`), teamIds: [team.id] });
    await master.people.assignRole(added.id, { role });
    return added.id;
  };
  const editor = await person(3, 'editor');
  const creator = await person(4, 'creator');
  const publisher = await person(5, 'publisher');
  await master.people.invite(publisher);
  await shift
    .as(publisher)
    .people.consent({ purposes: ['offers', 'digests', 'tracking'], termsVersion: 'v1' });
  await shift
    .as(publisher)
    .people.linkAccount(publisher, { platform: 'linkedin', handle: p(6, 'handle'), networkSize: 50 });

  const contribution = await shift.as(creator).contributions.create({
    kind: 'text',
    title: p(7, 'Contribution'),
    body: p(0, 'Body'),
    pillarIds: ['pillar_1'],
  });
  await shift.as(creator).contributions.submit(contribution.id);

  const post = await shift.as(editor).posts.create({
    title: p(1, 'Post'),
    text: `${p(2, 'Text')}\n${p(3, 'Line')}`,
    link: 'https://example.org/ward?q=%22%3E%3Cscript%3E',
    pillarIds: ['pillar_1'],
  });
  await shift.as(editor).posts.submit(post.id);
  await master.posts.approve(post.id);
  // A second post stays offered, so the publisher has an open offer to look at.
  const open = await shift.as(editor).posts.create({
    title: p(5, 'Open post'),
    text: `${p(6, 'Text')}\n${p(7, 'Line')}`,
    pillarIds: ['pillar_1'],
  });
  await shift.as(editor).posts.submit(open.id);
  await master.posts.approve(open.id);
  const draft = await shift
    .as(editor)
    .posts.create({ title: p(4, 'Draft'), text: p(5, 'Draft text'), pillarIds: ['pillar_1'] });
  await shift.as(editor).posts.submit(draft.id);
  await master.posts.requestChanges(draft.id, { note: p(6, 'Note') });

  const now = Date.parse(start);
  const campaign = await master.campaigns.create({
    name: p(7, 'Campaign'),
    pillarIds: ['pillar_1'],
    postIds: [post.id, open.id],
    audience: { everyone: true },
    startsAt: new Date(now + 3_600_000).toISOString(),
    endsAt: new Date(now + 14 * 86_400_000).toISOString(),
  });
  await master.campaigns.schedule(campaign.id);
  await master.campaigns.start(campaign.id);
  const offer = (await shift.as(publisher).offers.mine()).find((o) => o.offer.postId === post.id);
  if (offer) {
    const share = await shift
      .as(publisher)
      .offers.share(offer.offer.id, { platform: 'linkedin', idempotencyKey: 's1' });
    await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'c1' });
    await shift.platform.recordComment({ shareId: share.id, idempotencyKey: 'm1', byAmbassador: true });
  }
  return exportAll(storage, ORG);
}
