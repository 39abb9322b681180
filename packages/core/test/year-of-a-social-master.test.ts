// A social master's year with the SDK, in memory, and its figures checked by hand: every expected number below is
// worked out from what the scenario made happen (the arithmetic is in the comments), not read back from the code.
//
// Times are UTC instants; the organisation is in Europe/Amsterdam (CET = UTC+1 until 2026-03-29 01:00Z, CEST =
// UTC+2 until 2026-10-25 01:00Z).
import {
  createManualClock,
  createMemoryStorage,
  createSequentialIds,
  createSocialShift,
  type SocialShift,
} from '@social-shift/core';
import { adjustRules, finishMetrics, foldEvents, type MetricsContext } from '@social-shift/core/metrics';
import { createReport, recommendationText, renderMarkdown } from '@social-shift/core/reports';
import { beforeAll, describe, expect, it } from 'vitest';

/** The error a promise rejects with. */
async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; details: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; details: unknown; message: string };
  }
  throw new Error('expected the command to fail');
}

interface World {
  shift: SocialShift;
  events: Awaited<ReturnType<SocialShift['readEvents']>>;
  refusals: Record<string, { code: string; details: unknown; message: string }>;
  ids: Record<string, string>;
}

const strategy = {
  goals: [
    {
      id: 'goal_recruit',
      name: 'Recruit nurses',
      purpose: 'recruitment' as const,
      intent: 'inspire' as const,
      targets: [
        { metric: 'shares' as const, value: 10 },
        { metric: 'clicks' as const, value: 4 },
        { metric: 'reach' as const, value: 2000 },
        { metric: 'participation' as const, value: 0.5 },
      ],
    },
    {
      id: 'goal_care',
      name: 'Show good care',
      purpose: 'recruitment' as const,
      intent: 'inform' as const,
      targets: [
        { metric: 'conversations' as const, value: 2 },
        { metric: 'contributions' as const, value: 1 },
      ],
    },
  ],
  audiences: [{ id: 'aud_nurses', name: 'Nurses', needs: { belonging: 0.8, knowledge: 0.4 } }],
  pillars: [
    { id: 'pillar_work', name: 'Working here', goalIds: ['goal_recruit'], targetWeight: 0.5 },
    { id: 'pillar_care', name: 'Good care', goalIds: ['goal_care'], targetWeight: 0.3 },
    { id: 'pillar_news', name: 'News', targetWeight: 0.2 },
  ],
  platforms: [
    { platform: 'linkedin' as const },
    { platform: 'facebook' as const },
    { platform: 'instagram' as const },
  ],
};

async function year(): Promise<World> {
  const clock = createManualClock('2026-01-05T08:00:00.000Z');
  const shift = createSocialShift({
    storage: createMemoryStorage(),
    organisationId: 'org_zorg',
    clock,
    ids: createSequentialIds(),
  });
  const at = (iso: string) => clock.set(iso);
  const refusals: World['refusals'] = {};
  const ids: Record<string, string> = {};

  // ---- Step 1, strategy (5 January) ----
  const { masterId } = await shift.setup({
    organisation: { name: 'Zorggroep Noord', timeZone: 'Europe/Amsterdam', defaultLanguage: 'nl' },
    programme: { name: 'Social Shift 2026', claimedPurposes: ['recruitment'] },
    strategy,
    master: { displayName: 'Mira' },
  });
  const master = shift.as(masterId);
  ids.mira = masterId;
  const cycle1 = await master.cycles.start();
  ids.cycle1 = cycle1.id;

  // ---- Step 2, activation (5 January, 09:00) ----
  at('2026-01-05T09:00:00.000Z');
  await master.cycles.moveTo({ step: 'activation' });
  const ward = await master.teams.create({ name: 'Ward 3', department: 'Zorg', location: 'Groningen' });
  const hr = await master.teams.create({ name: 'HR', department: 'HR', location: 'Assen' });
  ids.ward = ward.id;
  ids.hr = hr.id;
  const add = async (name: string, extra: Record<string, unknown>) => {
    const person = await master.people.add({ displayName: name, ...extra });
    ids[name.toLowerCase()] = person.id;
    return person.id;
  };
  const inWard = { teamIds: [ward.id], department: 'Zorg', location: 'Groningen' };
  const inHr = { teamIds: [hr.id], department: 'HR', location: 'Assen' };
  const eddie = await add('Eddie', { department: 'Communicatie', location: 'Groningen' });
  const esra = await add('Esra', { department: 'Communicatie', location: 'Groningen' });
  const cora = await add('Cora', inWard);
  const carl = await add('Carl', inHr);
  const piet = await add('Piet', inWard);
  const anna = await add('Anna', inWard);
  const bram = await add('Bram', inHr);
  const dina = await add('Dina', inHr);
  const lea = await add('Lea', inWard);
  const olaf = await add('Olaf', { external: true });
  const noor = await add('Noor', inHr);
  await master.people.assignRole(eddie, { role: 'editor' });
  await master.people.assignRole(esra, { role: 'editor' });
  await master.people.assignRole(cora, { role: 'creator', scope: { pillarIds: ['pillar_work'] } });
  await master.people.assignRole(carl, { role: 'creator', scope: { pillarIds: ['pillar_care'] } });
  for (const p of [cora, piet, anna, bram, dina, lea, olaf, noor])
    await master.people.assignRole(p, { role: 'publisher' });
  // A publisher is offered nothing before they consent: Noor is invited and never consents.
  refusals.consentBeforeInvite = await failure(
    shift.as(piet).people.consent({ purposes: ['offers', 'tracking'], termsVersion: '2026-01' }),
  );
  for (const p of [cora, piet, anna, bram, dina, lea, olaf, noor]) await master.people.invite(p);
  for (const p of [cora, piet, anna, bram, dina, lea, olaf])
    await shift.as(p).people.consent({ purposes: ['offers', 'tracking'], termsVersion: '2026-01' });
  const link = (p: string, platform: 'linkedin' | 'facebook' | 'instagram', networkSize: number) =>
    shift.as(p).people.linkAccount(p, { platform, handle: `${p}-${platform}`, networkSize });
  await link(cora, 'linkedin', 1000);
  await link(piet, 'linkedin', 500);
  await link(anna, 'linkedin', 300);
  await link(anna, 'facebook', 200);
  await link(bram, 'facebook', 400);
  await link(dina, 'instagram', 150);
  await link(lea, 'linkedin', 250);
  await link(olaf, 'linkedin', 100);
  // A focus group around care.
  await master.focusGroups.create({
    name: 'Care stories',
    memberIds: [cora, piet],
    pillarIds: ['pillar_care'],
  });

  // ---- Step 3, content (12–22 January) ----
  at('2026-01-12T09:00:00.000Z');
  await master.cycles.moveTo({ step: 'content' });
  const asCora = shift.as(cora);
  const asCarl = shift.as(carl);
  const asEddie = shift.as(eddie);
  const asEsra = shift.as(esra);
  // Cora's photo (C1): submitted 12 Jan 10:00, accepted at once.
  const c1 = await asCora.contributions.create({
    kind: 'photo',
    title: 'Night shift',
    pillarIds: ['pillar_work'],
  });
  ids.c1 = c1.id;
  // A creator scoped to pillar_work may not contribute to pillar_care.
  refusals.creatorOutOfScope = await failure(
    asCora.contributions.create({ kind: 'text', title: 'Care', pillarIds: ['pillar_care'] }),
  );
  at('2026-01-12T10:00:00.000Z');
  await asCora.contributions.submit(c1.id);
  // A creator does not review (their own or anyone's): contributions.review is master and editor only.
  refusals.creatorReviews = await failure(asCora.contributions.startReview(c1.id));
  // Accepting before the review started is not a step of the workflow.
  refusals.acceptBeforeReview = await failure(asEddie.contributions.accept(c1.id));
  await asEddie.contributions.startReview(c1.id);
  at('2026-01-13T10:00:00.000Z');
  await asEddie.contributions.accept(c1.id);
  // Carl's text (C2): submitted 14 Jan 10:00, sent back, resubmitted 15 Jan 10:00, accepted.
  at('2026-01-14T10:00:00.000Z');
  const c2 = await asCarl.contributions.create({
    kind: 'text',
    title: 'A day in care',
    pillarIds: ['pillar_care'],
  });
  ids.c2 = c2.id;
  await asCarl.contributions.submit(c2.id);
  await asEddie.contributions.startReview(c2.id);
  await asEddie.contributions.requestChanges(c2.id, { note: 'Add a quote from a patient.' });
  refusals.editorEditsContribution = await failure(asEddie.contributions.update(c2.id, { title: 'x' }));
  at('2026-01-15T10:00:00.000Z');
  await asCarl.contributions.update(c2.id, { title: 'A day in care, with Mrs de Vries' });
  await asCarl.contributions.submit(c2.id);
  await asEsra.contributions.startReview(c2.id);
  await asEsra.contributions.accept(c2.id);
  // Carl's news item (C3): submitted 16 Jan 10:00 and declined.
  at('2026-01-16T10:00:00.000Z');
  const c3 = await asCarl.contributions.create({
    kind: 'news',
    title: 'New coffee machine',
    pillarIds: ['pillar_care'],
  });
  ids.c3 = c3.id;
  await asCarl.contributions.submit(c3.id);
  await asEddie.contributions.startReview(c3.id);
  await asEddie.contributions.decline(c3.id);

  // Posts. P1 from C1: submitted 19 Jan 10:00, sent back 12:00, resubmitted 20 Jan 10:00, approved 14:00.
  at('2026-01-19T09:00:00.000Z');
  refusals.creatorWritesPost = await failure(
    asCora.posts.create({ title: 'x', text: 'x', pillarIds: ['pillar_work'] }),
  );
  const p1 = await asEddie.posts.create({
    title: 'A night with Anne',
    text: 'A night with Anne on ward 3. #care',
    link: 'https://example.org/jobs/nurse',
    pillarIds: ['pillar_work'],
    goalIds: ['goal_recruit'],
    contributionIds: [c1.id],
  });
  ids.p1 = p1.id;
  refusals.approveDraft = await failure(asEsra.posts.approve(p1.id));
  at('2026-01-19T10:00:00.000Z');
  await asEddie.posts.submit(p1.id);
  refusals.authorApproves = await failure(asEddie.posts.approve(p1.id));
  at('2026-01-19T12:00:00.000Z');
  await asEsra.posts.requestChanges(p1.id, { note: 'Ask Anne for her consent to the photo.' });
  at('2026-01-20T10:00:00.000Z');
  await asEddie.posts.update(p1.id, { text: 'A night with Anne on ward 3 (with her consent). #care' });
  await asEddie.posts.submit(p1.id);
  at('2026-01-20T14:00:00.000Z');
  await asEsra.posts.approve(p1.id);
  // P2 from C2: submitted 21 Jan 10:00, approved 12:00.
  at('2026-01-21T10:00:00.000Z');
  const p2 = await asEddie.posts.create({
    title: 'A day in care',
    text: 'Mrs de Vries on a day in care.',
    pillarIds: ['pillar_care'],
    goalIds: ['goal_care'],
    contributionIds: [c2.id],
  });
  ids.p2 = p2.id;
  await asEddie.posts.submit(p2.id);
  at('2026-01-21T12:00:00.000Z');
  await asEsra.posts.approve(p2.id);
  // P3 from scratch, on two pillars and for both goals: submitted by Esra 22 Jan 10:00 (so Esra may not approve it
  // although Eddie wrote it), approved by the master at 16:00.
  at('2026-01-22T09:00:00.000Z');
  const p3 = await asEddie.posts.create({
    title: 'Spring on the ward',
    text: 'Spring on ward 3.',
    pillarIds: ['pillar_work', 'pillar_care'],
    goalIds: ['goal_recruit', 'goal_care'],
  });
  ids.p3 = p3.id;
  at('2026-01-22T10:00:00.000Z');
  await asEsra.posts.submit(p3.id);
  refusals.submitterApproves = await failure(asEsra.posts.approve(p3.id));
  at('2026-01-22T16:00:00.000Z');
  await master.posts.approve(p3.id);

  // ---- Step 4, campaigns ----
  at('2026-01-26T09:00:00.000Z');
  await master.cycles.moveTo({ step: 'campaigns' });
  // K1 "Winter": P1 and P2 to everyone with consent, 2 Feb 08:00 – 2 Mar 08:00.
  const k1 = await master.campaigns.create({
    name: 'Winter',
    pillarIds: ['pillar_work', 'pillar_care'],
    postIds: [p1.id, p2.id],
    audience: { everyone: true },
    startsAt: '2026-02-02T08:00:00.000Z',
    endsAt: '2026-03-02T08:00:00.000Z',
  });
  ids.k1 = k1.id;
  refusals.startDraft = await failure(master.campaigns.start(k1.id));
  await master.campaigns.schedule(k1.id);
  refusals.editorCancels = await failure(asEddie.campaigns.cancel(k1.id));
  refusals.publisherReadsCampaigns = await failure(shift.as(piet).campaigns.get(k1.id));
  at('2026-02-02T08:00:00.000Z');
  await shift.system.runDueTransitions();
  const offerOf = async (p: string, postId: string) => {
    const mine = await shift.as(p).offers.mine();
    const found = mine.find((o) => o.post.id === postId);
    if (found === undefined) throw new Error(`no offer of ${postId} to ${p}`);
    return found.offer.id;
  };
  ids.noorOffers = String((await shift.as(noor).offers.mine()).length);
  let keys = 0;
  const share = async (p: string, postId: string, platform: 'linkedin' | 'facebook', when: string) => {
    at(when);
    const s = await shift
      .as(p)
      .offers.share(await offerOf(p, postId), { platform, idempotencyKey: `s${++keys}` });
    return s.id;
  };
  const click = (shareId: string, when: string) => {
    at(when);
    return shift.platform.recordClick({ shareId, idempotencyKey: `k${++keys}` });
  };
  // February (CET), in time order: shares, and what happened on the platforms.
  const sPiet1 = await share(piet, p1.id, 'linkedin', '2026-02-03T09:00:00.000Z'); // network 500
  const sAnna1 = await share(anna, p1.id, 'linkedin', '2026-02-04T09:00:00.000Z'); // 300
  const sAnna1f = await share(anna, p1.id, 'facebook', '2026-02-04T09:30:00.000Z'); // 200
  await click(sPiet1, '2026-02-05T10:00:00.000Z');
  await click(sPiet1, '2026-02-05T11:00:00.000Z');
  await click(sPiet1, '2026-02-05T12:00:00.000Z');
  await click(sAnna1f, '2026-02-06T10:00:00.000Z');
  at('2026-02-06T11:00:00.000Z');
  await shift.platform.recordReaction({ shareId: sPiet1, count: 5, idempotencyKey: 'r1' });
  await shift.platform.recordComment({
    shareId: sPiet1,
    byAmbassador: false,
    count: 2,
    idempotencyKey: 'm1',
  });
  await shift.platform.recordComment({ shareId: sPiet1, byAmbassador: true, count: 1, idempotencyKey: 'm2' });
  await shift.platform.recordReshare({ shareId: sAnna1, count: 1, idempotencyKey: 'h1' });
  await shift.platform.recordReach({ shareId: sPiet1, reach: 800, idempotencyKey: 'a1' });
  const sLea2 = await share(lea, p2.id, 'linkedin', '2026-02-10T09:00:00.000Z'); // 250
  at('2026-02-10T12:00:00.000Z');
  await shift.platform.recordReaction({ shareId: sLea2, count: 2, idempotencyKey: 'r2' });
  await shift.platform.recordComment({ shareId: sLea2, byAmbassador: true, count: 1, idempotencyKey: 'm3' });
  const sOlaf1 = await share(olaf, p1.id, 'linkedin', '2026-02-11T09:00:00.000Z'); // 100
  // A retry with the same key records nothing new.
  at('2026-02-11T09:05:00.000Z');
  const retry = await shift
    .as(olaf)
    .offers.share(await offerOf(olaf, p1.id), { platform: 'linkedin', idempotencyKey: `s${keys}` });
  ids.retrySame = String(retry.id === sOlaf1);
  // Bram declines P1.
  at('2026-02-12T09:00:00.000Z');
  // What a publisher may not do: share someone else's offer, consent twice, read focus groups (posts: none).
  refusals.sharesOthersOffer = await failure(
    shift.as(piet).offers.share(await offerOf(anna, p2.id), { platform: 'linkedin', idempotencyKey: 'x1' }),
  );
  refusals.consentTwice = await failure(
    shift.as(piet).people.consent({ purposes: ['offers'], termsVersion: '2026-01' }),
  );
  refusals.publisherReadsFocusGroups = await failure(shift.as(piet).focusGroups.list());
  ids.publisherPosts = String((await shift.as(piet).posts.list()).length);
  // An editor may not give the editor role: the master's alone.
  refusals.editorAssignsEditor = await failure(asEddie.people.assignRole(carl, { role: 'editor' }));
  await shift.as(bram).offers.decline(await offerOf(bram, p1.id));
  ids.sPiet1 = sPiet1;
  ids.sAnna1 = sAnna1;
  ids.sAnna1f = sAnna1f;
  ids.sLea2 = sLea2;
  ids.sOlaf1 = sOlaf1;

  // K1 ends at 2 March 08:00: its open offers expire, and P1 and P2, which no other campaign holds.
  at('2026-03-02T08:00:00.000Z');
  ids.k1End = JSON.stringify(await shift.system.runDueTransitions());
  refusals.shareAfterEnd = await failure(
    shift.as(dina).offers.share(await offerOf(dina, p1.id), { platform: 'linkedin', idempotencyKey: 'late' }),
  );
  at('2026-03-10T09:00:00.000Z');
  refusals.editorEvaluates = await failure(asEddie.campaigns.evaluate(k1.id));
  await master.campaigns.evaluate(k1.id);

  // K2 "Spring": P3 to the ward team, 23 March 08:00 – 20 April 08:00, across the change to summer time.
  at('2026-03-16T09:00:00.000Z');
  const k2 = await master.campaigns.create({
    name: 'Spring',
    pillarIds: ['pillar_work', 'pillar_care'],
    postIds: [p3.id],
    audience: { teamIds: [ward.id] },
    startsAt: '2026-03-23T08:00:00.000Z',
    endsAt: '2026-04-20T08:00:00.000Z',
  });
  ids.k2 = k2.id;
  await master.campaigns.schedule(k2.id);
  at('2026-03-23T08:00:00.000Z');
  ids.k2Start = JSON.stringify(await shift.system.runDueTransitions());
  // Piet shares on Sunday 29 March 00:30Z (01:30 CET, before the clocks go forward at 01:00Z).
  const sPiet3 = await share(piet, p3.id, 'linkedin', '2026-03-29T00:30:00.000Z'); // 500
  // Cora's second photo (C4): submitted 30 March 22:15Z, 31 March 00:15 CEST (local March, week 14).
  at('2026-03-30T22:00:00.000Z');
  const c4 = await asCora.contributions.create({
    kind: 'photo',
    title: 'Spring garden',
    pillarIds: ['pillar_work'],
  });
  ids.c4 = c4.id;
  at('2026-03-30T22:15:00.000Z');
  await asCora.contributions.submit(c4.id);
  // A comment by the public on Piet's share, 31 March 21:45Z (23:45 CEST: still March in Amsterdam).
  at('2026-03-31T21:45:00.000Z');
  await shift.platform.recordComment({
    shareId: sPiet3,
    byAmbassador: false,
    count: 3,
    idempotencyKey: 'm4',
  });
  // Cora shares P3 on 31 March 22:30Z: 1 April 00:30 CEST, April in Amsterdam but March in UTC.
  const sCora3 = await share(cora, p3.id, 'linkedin', '2026-03-31T22:30:00.000Z'); // 1000
  await click(sCora3, '2026-04-01T08:00:00.000Z');
  at('2026-04-01T09:00:00.000Z');
  await shift.platform.recordComment({ shareId: sCora3, byAmbassador: true, count: 1, idempotencyKey: 'm5' });
  await asEddie.contributions.startReview(c4.id);
  await asEddie.contributions.accept(c4.id);
  const sAnna3 = await share(anna, p3.id, 'facebook', '2026-04-02T10:00:00.000Z'); // 200
  await click(sCora3, '2026-04-03T08:00:00.000Z');
  ids.sPiet3 = sPiet3;
  ids.sCora3 = sCora3;
  ids.sAnna3 = sAnna3;
  at('2026-04-20T08:00:00.000Z');
  ids.k2End = JSON.stringify(await shift.system.runDueTransitions());

  // ---- Step 5, measure and adjust ----
  at('2026-04-27T09:00:00.000Z');
  refusals.startBeforeMeasured = await failure(master.cycles.start());
  refusals.adjustBeforeMeasurement = await failure(master.cycles.adjust());
  refusals.editorMovesCycle = await failure(asEddie.cycles.moveTo({ step: 'measurement' }));
  await master.cycles.moveTo({ step: 'measurement' });
  at('2026-05-04T09:00:00.000Z');
  await master.cycles.adjust();
  // The adjustment: a new strategy version (News gets a goal), then the second cycle on it.
  await master.strategy.update({
    ...strategy,
    pillars: strategy.pillars.map((p) => (p.id === 'pillar_news' ? { ...p, goalIds: ['goal_care'] } : p)),
  });
  const cycle2 = await master.cycles.start();
  ids.cycle2 = JSON.stringify({ number: cycle2.number, strategyVersion: cycle2.strategyVersion });
  ids.cycle1After = (await master.cycles.list()).map((c) => `${c.number}:${c.status}`).join(',');

  // Lea leaves on 1 June.
  at('2026-06-01T09:00:00.000Z');
  await shift.as(lea).people.leave(lea);
  refusals.lastMasterLeaves = await failure(master.people.leave(masterId));

  // ---- Cycle 2: content and the autumn campaign ----
  at('2026-09-01T08:00:00.000Z');
  await master.cycles.moveTo({ step: 'activation' });
  await master.cycles.moveTo({ step: 'content' });
  const c5 = await asCarl.contributions.create({
    kind: 'text',
    title: 'Flu shots',
    pillarIds: ['pillar_care'],
  });
  ids.c5 = c5.id;
  await asCarl.contributions.submit(c5.id); // 1 September 08:00
  await asEsra.contributions.startReview(c5.id);
  await asEsra.contributions.accept(c5.id);
  at('2026-09-02T09:00:00.000Z');
  const p4 = await asEddie.posts.create({
    title: 'Flu shots',
    text: 'Flu shots for everyone on the ward.',
    pillarIds: ['pillar_news'],
    goalIds: ['goal_care'],
    // Cora's night-shift photo (C1, already in P1) goes into this post too: a contribution can be used twice.
    contributionIds: [c5.id, c1.id],
  });
  ids.p4 = p4.id;
  await asEddie.posts.submit(p4.id);
  at('2026-09-02T11:00:00.000Z');
  await asEsra.posts.approve(p4.id);
  await master.cycles.moveTo({ step: 'campaigns' });
  const focus = (await master.focusGroups.list())[0]!;
  const k3 = await master.campaigns.create({
    name: 'Autumn',
    pillarIds: ['pillar_news'],
    postIds: [p4.id],
    audience: { focusGroupIds: [focus.id], personIds: [bram] },
    startsAt: '2026-09-07T08:00:00.000Z',
    endsAt: '2026-10-05T08:00:00.000Z',
  });
  ids.k3 = k3.id;
  await master.campaigns.schedule(k3.id);
  at('2026-09-07T08:00:00.000Z');
  ids.k3Start = JSON.stringify(await shift.system.runDueTransitions());
  const sBram4 = await share(bram, p4.id, 'facebook', '2026-09-08T10:00:00.000Z'); // 400
  const sPiet4 = await share(piet, p4.id, 'linkedin', '2026-09-09T10:00:00.000Z'); // 500
  await click(sBram4, '2026-09-10T10:00:00.000Z');
  at('2026-09-10T11:00:00.000Z');
  await shift.platform.recordComment({ shareId: sBram4, byAmbassador: true, count: 1, idempotencyKey: 'm6' });
  await shift.platform.recordReach({ shareId: sBram4, reach: 1000, idempotencyKey: 'a2' });
  ids.sBram4 = sBram4;
  ids.sPiet4 = sPiet4;
  at('2026-10-05T08:00:00.000Z');
  ids.k3End = JSON.stringify(await shift.system.runDueTransitions());
  at('2026-11-02T09:00:00.000Z');
  await master.cycles.moveTo({ step: 'measurement' });
  at('2026-11-09T09:00:00.000Z');
  await master.cycles.adjust();
  return { shift, events: await shift.readEvents(), refusals, ids };
}

/** Fractions as exact as the arithmetic allows: the figures are floats. */
const close = (value: number | null | undefined, expected: number) => expect(value).toBeCloseTo(expected, 10);

describe('a social master runs Social Shift for a year', () => {
  let world: World;
  let context: MetricsContext;
  const report = (from: string, to: string, extra: MetricsContext = {}) => {
    const aggregate = foldEvents(world.events, { from, to });
    const figures = finishMetrics(aggregate, { ...context, ...extra });
    return { aggregate, figures, recommendations: adjustRules(aggregate, figures, { ...context, ...extra }) };
  };
  beforeAll(async () => {
    world = await year();
    const persons = Object.fromEntries(
      (await world.shift.as(world.ids.mira!).people.list()).map((p) => [p.id, p.displayName]),
    );
    context = {
      timeZone: 'Europe/Amsterdam',
      names: { persons },
      // The strategy as the SDK stores it (version 2: its goals, pillars and platform choices).
      strategy: await world.shift.as(world.ids.mira!).strategy.get(),
      pillarOverlap: { pillar_news: 0.4, pillar_work: 0.7 },
    };
  });

  it('refuses what the roles and workflows say it must, with the documented codes', () => {
    const r = world.refusals;
    // people.consent only once invited: the ambassador workflow has no GIVE_CONSENT from candidate.
    expect(r.consentBeforeInvite).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { allowed: ['INVITE', 'LEAVE'] },
    });
    // contributions.create is `assigned` for a creator: Cora is scoped to pillar_work.
    expect(r.creatorOutOfScope).toMatchObject({
      code: 'FORBIDDEN',
      details: { action: 'contributions.create' },
    });
    expect(r.creatorReviews).toMatchObject({
      code: 'FORBIDDEN',
      details: { action: 'contributions.review' },
    });
    expect(r.acceptBeforeReview).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { allowed: ['START_REVIEW'] },
    });
    // contributions.update is `own` for a creator and nobody else's.
    expect(r.editorEditsContribution).toMatchObject({
      code: 'FORBIDDEN',
      details: { action: 'contributions.update' },
    });
    expect(r.creatorWritesPost).toMatchObject({ code: 'FORBIDDEN', details: { action: 'posts.create' } });
    expect(r.approveDraft).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { allowed: ['UPDATE', 'SUBMIT', 'ARCHIVE'] },
    });
    // Four eyes: the author, and another editor who submitted the post.
    expect(r.authorApproves).toMatchObject({ code: 'FORBIDDEN', details: { action: 'posts.approve' } });
    expect(r.submitterApproves).toMatchObject({ code: 'FORBIDDEN', details: { action: 'posts.approve' } });
    expect(r.startDraft).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { allowed: ['UPDATE', 'SCHEDULE', 'CANCEL'] },
    });
    expect(r.editorCancels).toMatchObject({ code: 'FORBIDDEN', details: { action: 'campaigns.cancel' } });
    expect(r.editorEvaluates).toMatchObject({ code: 'FORBIDDEN', details: { action: 'campaigns.evaluate' } });
    expect(r.publisherReadsCampaigns).toMatchObject({
      code: 'FORBIDDEN',
      details: { action: 'campaigns.read' },
    });
    // Dina's offer expired with the campaign: no SHARE from `expired`.
    expect(r.shareAfterEnd).toMatchObject({ code: 'INVALID_TRANSITION', details: { allowed: [] } });
    expect(r.startBeforeMeasured).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(r.adjustBeforeMeasurement).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(r.editorMovesCycle).toMatchObject({ code: 'FORBIDDEN', details: { action: 'cycles.moveStep' } });
    expect(r.lastMasterLeaves).toMatchObject({ code: 'FORBIDDEN' });
    expect(r.sharesOthersOffer).toMatchObject({ code: 'FORBIDDEN', details: { action: 'offers.respond' } });
    // Consent only from `invited`: Piet is active.
    expect(r.consentTwice).toMatchObject({ code: 'INVALID_TRANSITION', details: { state: 'active' } });
    expect(r.publisherReadsFocusGroups).toMatchObject({
      code: 'FORBIDDEN',
      details: { action: 'focusGroups.read' },
    });
    expect(world.ids.publisherPosts).toBe('0');
    expect(r.editorAssignsEditor).toMatchObject({
      code: 'FORBIDDEN',
      details: { action: 'roles.assign.editor' },
    });
    // Noor never consented: nothing was offered to her. A share retried with its key is the same share.
    expect(world.ids.noorOffers).toBe('0');
    expect(world.ids.retrySame).toBe('true');
    // K1 (7 publishers with consent × 2 posts = 14 offers): 5 shared (Anna's two shares are one offer), Bram
    // declined one, so 14 − 4 − 1 = 9 expire at its end, with P1 and P2.
    expect(JSON.parse(world.ids.k1End!)).toMatchObject({
      campaignsCompleted: 1,
      postsExpired: 2,
      offersExpired: 9,
    });
    // 23 March: 60 days after 5 January (activation) and 12 January (Cora's contribution): Cora, Bram, Dina.
    expect(JSON.parse(world.ids.k2Start!)).toMatchObject({ campaignsStarted: 1, peopleDormant: 3 });
    expect(world.ids.cycle2).toBe('{"number":2,"strategyVersion":2}');
    expect(world.ids.cycle1After).toBe('1:closed,2:strategy');
  });

  it('the year 2026 in Amsterdam', () => {
    // 1 January 00:00 CET to 1 January 2027 00:00 CET. The log ends on 9 November (cycle 2 adjusted).
    const { figures: f, recommendations } = report('2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z');
    expect(f.events).toEqual({
      total: world.events.length,
      inWindow: world.events.length,
      first: '2026-01-05T08:00:00.000Z',
      last: '2026-11-09T09:00:00.000Z',
    });
    // Shares: s1 Piet P1 li 500, s2 Anna P1 li 300, s3 Anna P1 fb 200, s4 Lea P2 li 250, s5 Olaf P1 li 100,
    // s6 Piet P3 li 500, s7 Cora P3 li 1000, s8 Anna P3 fb 200, s9 Bram P4 fb 400, s10 Piet P4 li 500.
    // LinkedIn: 7 shares, potential reach 500+300+250+100+500+1000+500 = 3150; clicks 3 (s1) + 2 (s7) = 5;
    // reactions 5 (s1) + 2 (s4) = 7; comments 2+1 (s1) + 1 (s4) + 3 (s6) + 1 (s7) = 8, of them by the ambassador
    // 1+1+1 = 3; reshares 1 (s2); reported reach 800 (s1 only), so impressions are 800: CTR 5/800 = 0.00625,
    // measured; EMV 800/1000 × 30 + 5 × 5 + 7 × 0.25 = 24 + 25 + 1.75 = 50.75.
    // Facebook: 3 shares, 200+200+400 = 800; clicks 1 (s3) + 1 (s9) = 2; comments 1 (s9, by Bram); reach 1000
    // (s9): CTR 2/1000 = 0.002; EMV 1000/1000 × 8 + 2 × 1 = 10.
    expect(f.platforms).toEqual([
      {
        platform: 'linkedin',
        shares: 7,
        clicks: 5,
        reactions: 7,
        comments: 8,
        conversations: 3,
        reshares: 1,
        potentialReach: 3150,
        reportedReach: 800,
        ctr: { value: 5 / 800, basis: 'measured' },
        earnedMediaValue: { value: 50.75, basis: 'estimated' },
      },
      {
        platform: 'facebook',
        shares: 3,
        clicks: 2,
        reactions: 0,
        comments: 1,
        conversations: 1,
        reshares: 0,
        potentialReach: 800,
        reportedReach: 1000,
        ctr: { value: 2 / 1000, basis: 'measured' },
        earnedMediaValue: { value: 10, basis: 'estimated' },
      },
    ]);
    // Publishers with consent who have not left: Cora, Piet, Anna, Bram, Dina, Olaf (Lea left in June, Noor never
    // consented) = 6; of them Dina never shared: participation 5/6. Contributions: C1–C5 (C2's resubmission counts
    // once), by Cora (2) and Carl (3). Sharers: those 5 and Lea = 6; conversers Piet, Lea, Cora, Bram = 4.
    // CTR (5 + 2)/(800 + 1000) = 7/1800; EMV 50.75 + 10 = 60.75.
    expect(f.summary).toEqual({
      shares: { value: 10, basis: 'measured' },
      sharers: { value: 6, basis: 'measured' },
      publishersWithConsent: { value: 6, basis: 'measured' },
      participation: { value: 5 / 6, basis: 'measured' },
      contributions: { value: 5, basis: 'measured' },
      contributors: { value: 2, basis: 'measured' },
      conversations: { value: 4, basis: 'measured' },
      conversers: { value: 4, basis: 'measured' },
      clicks: { value: 7, basis: 'measured' },
      reactions: { value: 7, basis: 'measured' },
      comments: { value: 9, basis: 'measured' },
      reshares: { value: 1, basis: 'measured' },
      potentialReach: { value: 3950, basis: 'estimated' },
      reportedReach: { value: 1800, basis: 'measured' },
      ctr: { value: 7 / 1800, basis: 'measured' },
      earnedMediaValue: { value: 60.75, basis: 'estimated' },
    });
    expect(f.currency).toBe('EUR');
    // The ambassadors: the creator and publisher roles (Cora, Carl, Piet, Anna, Bram, Dina, Lea, Olaf, Noor); Lea
    // left but was active in the year. Clicks are those on their own shares.
    const row = (a: (typeof f.ambassadors)[number]) =>
      `${a.name}: ${a.contributions}/${a.shares}/${a.conversations}/${a.clicks} ${a.segment}`;
    expect(f.ambassadors.map(row)).toEqual([
      'Cora: 2/1/1/2 champion',
      'Carl: 3/0/0/0 contributor',
      'Piet: 0/3/1/3 conversationalist',
      'Anna: 0/3/0/1 sharer',
      'Bram: 0/1/1/1 conversationalist',
      'Dina: 0/0/0/0 lagging',
      'Lea: 0/1/1/0 conversationalist',
      'Olaf: 0/1/0/0 sharer',
      'Noor: 0/0/0/0 lagging',
    ]);
    expect(f.segments).toEqual({
      champion: 1,
      contributing_sharer: 0,
      contributing_conversationalist: 0,
      contributor: 1,
      conversationalist: 3,
      sharer: 2,
      commenter: 0,
      lagging: 2,
    });
    // Ward 3: Cora, Piet, Anna, Lea; shares 1+3+3+1 = 8, conversations 1+1+1 = 3. HR: Carl, Bram, Dina, Noor;
    // one sharer of 4: participation 0.25; it has a contributor, a sharer and a converser: champion as a team.
    expect(f.teams).toEqual([
      {
        teamId: world.ids.ward,
        name: 'Ward 3',
        members: 4,
        contributors: 1,
        sharers: 4,
        conversers: 3,
        lagging: 0,
        contributions: 2,
        shares: 8,
        conversations: 3,
        participation: 1,
        segment: 'champion',
      },
      {
        teamId: world.ids.hr,
        name: 'HR',
        members: 4,
        contributors: 1,
        sharers: 1,
        conversers: 1,
        lagging: 2,
        contributions: 3,
        shares: 1,
        conversations: 1,
        participation: 0.25,
        segment: 'champion',
      },
    ]);
    // 12 people added; 8 invited (the publishers); active now: Piet and Bram (reactivated by their September
    // shares; Cora, Anna, Dina and Olaf are dormant, Lea left, Noor invited, the others candidates); 6 shared.
    expect(f.activationFunnel).toEqual({ people: 12, invited: 8, active: 2, sharedInPeriod: 6 });
    // C1–C5 submitted; accepted (or used): C1, C2, C4, C5; used: C1 → P1 and P4, C2 → P2, C5 → P4; posts made
    // from them: P1, P2, P4 (each once); all three offered,
    // shared and conversed on (s1, s4, s9 carry a comment by their publisher).
    expect(f.contentFunnel).toEqual({
      contributionsSubmitted: 5,
      accepted: 4,
      usedInPosts: 3,
      postsFromContributions: 3,
      offered: 3,
      shared: 3,
      conversedOn: 3,
    });
    // Submission → offer: C1 12 Jan 10:00 → P1 2 Feb 08:00 (its first post's offer, not P4's of September) = 21 d
    // − 2 h = 502 h; C2 (first submission) 14 Jan
    // 10:00 → 2 Feb 08:00 = 454 h; C5 1 Sep 08:00 → 7 Sep 08:00 = 144 h. Median 454, p90 the 3rd of 3: 502.
    // Review → approval: P1 19 Jan 10:00 → 20 Jan 14:00 = 28 h (its first submission, through the rejection);
    // P2 2 h; P3 6 h; P4 2 h. Sorted 2, 2, 6, 28: median (2 + 6)/2 = 4; p90 rank ⌈3.6⌉ = 4: 28.
    expect(f.leadTimes).toEqual({
      submissionToOffer: { count: 3, medianHours: 454, p90Hours: 502 },
      reviewToApproval: { count: 4, medianHours: 4, p90Hours: 28 },
    });
    // Care: P2 (s4) and P3 (s6, s7, s8): 4 shares, clicks 2 (s7), conversations 1 (s4) + 1 (s7); 4/10.
    // News: P4 (s9, s10): 2 shares, 1 click, 1 conversation; 2/10. Work: P1 (s1, s2, s3, s5) and P3: 7 shares,
    // clicks 4 + 2, conversations 1 + 1; 7/10 (P3 counts for both of its pillars).
    expect(f.pillars).toEqual([
      {
        pillarId: 'pillar_care',
        name: 'Good care',
        posts: 2,
        shares: 4,
        clicks: 2,
        conversations: 2,
        shareOfShares: 0.4,
        targetWeight: 0.3,
        overlap: null,
      },
      {
        pillarId: 'pillar_news',
        name: 'News',
        posts: 1,
        shares: 2,
        clicks: 1,
        conversations: 1,
        shareOfShares: 0.2,
        targetWeight: 0.2,
        overlap: 0.4,
      },
      {
        pillarId: 'pillar_work',
        name: 'Working here',
        posts: 2,
        shares: 7,
        clicks: 6,
        conversations: 2,
        shareOfShares: 0.7,
        targetWeight: 0.5,
        overlap: 0.7,
      },
    ]);
    // Recruit (P1, P3): shares 4 + 3 = 7 of 10; clicks 4 + 2 = 6 of 4; reach 1100 + 1700 = 2800 of 2000
    // (estimated); participation 5/6 of 0.5 = 5/3. Care (P2, P3, P4): conversations 1 + 1 + 1 = 3 of 2;
    // contributions of its posts: C2 (P2), C5 and C1 (P4) = 3 of 1.
    expect(f.goals).toEqual([
      {
        goalId: 'goal_recruit',
        name: 'Recruit nurses',
        targets: [
          { metric: 'shares', target: 10, actual: { value: 7, basis: 'measured' }, attainment: 0.7 },
          { metric: 'clicks', target: 4, actual: { value: 6, basis: 'measured' }, attainment: 1.5 },
          { metric: 'reach', target: 2000, actual: { value: 2800, basis: 'estimated' }, attainment: 1.4 },
          {
            metric: 'participation',
            target: 0.5,
            actual: { value: 5 / 6, basis: 'measured' },
            attainment: 5 / 6 / 0.5,
          },
        ],
      },
      {
        goalId: 'goal_care',
        name: 'Show good care',
        targets: [
          { metric: 'conversations', target: 2, actual: { value: 3, basis: 'measured' }, attainment: 1.5 },
          { metric: 'contributions', target: 1, actual: { value: 3, basis: 'measured' }, attainment: 3 },
        ],
      },
    ]);
    // The organisation: internal people who have not left (not Olaf, not Lea): Mira (no team, department or
    // location), Eddie and Esra (Communicatie, Groningen), Cora, Piet, Anna (Ward 3, Zorg, Groningen), Carl, Bram,
    // Dina, Noor (HR, HR, Assen). Active: Cora, Carl, Piet, Anna, Bram.
    // Team: org W 3/7, H 4/7; active W 3/5, H 2/5: distance 6/35 + 6/35, index 1 − 6/35 = 29/35; ratios 7/5, 7/10.
    const rep = f.representativeness;
    close(rep.team.index, 29 / 35);
    expect(rep.team.groups.map((g) => g.group)).toEqual([world.ids.ward, world.ids.hr]);
    close(rep.team.groups[0]?.ratio ?? null, 1.4);
    close(rep.team.groups[1]?.ratio ?? null, 0.7);
    // Department: org Communicatie 2/9, HR 4/9, Zorg 3/9; active HR 2/5, Zorg 3/5. Distance 2/9 + 2/45 + 12/45 =
    // 24/45: index 1 − 12/45 = 33/45. Ratios 0, (2/5)/(4/9) = 0.9, (3/5)/(3/9) = 1.8.
    close(rep.department.index, 33 / 45);
    expect(rep.department.groups.map((g) => [g.group, Math.round((g.ratio ?? -1) * 1000) / 1000])).toEqual([
      ['Communicatie', 0],
      ['HR', 0.9],
      ['Zorg', 1.8],
    ]);
    // Location: org Assen 4/9, Groningen 5/9; active 2/5, 3/5: distance 2/45 + 2/45, index 43/45.
    close(rep.location.index, 43 / 45);
    // Points: share 10, contribution 15, conversation 5, click 1. Cora 10 + 30 + 5 + 2 = 47; Carl 45; Piet 30 + 5 +
    // 3 = 38; Anna 30 + 1 = 31; Bram 10 + 5 + 1 = 16; Lea 10 + 5 = 15; Olaf 10; Dina and Noor 0 are not listed.
    expect(f.leaderboard.entries.map((e) => `${e.rank} ${e.name} ${e.points}`)).toEqual([
      '1 Cora 47',
      '2 Carl 45',
      '3 Piet 38',
      '4 Anna 31',
      '5 Bram 16',
      '6 Lea 15',
      '7 Olaf 10',
    ]);
    // Months in Amsterdam from the first event (January) to the last (November): 11 rows, quiet months as zeros.
    // January: C1, C2, C3. February: s1–s5, clicks 3 + 1, reactions 5 + 2, comments 3 + 1. March: s6 (29 March
    // 01:30 CET), the 3 comments of 31 March 23:45 CEST, C4 (31 March 00:15 CEST). April: s7 (1 April 00:30 CEST,
    // still March in UTC), s8, its 2 clicks and 1 comment. September: s9, s10, 1 click, 1 comment, C5.
    const series = (rows: typeof f.series) =>
      rows.map(
        (r) =>
          `${r.period} ${r.start} ${r.shares}/${r.clicks}/${r.reactions}/${r.comments}/${r.contributions}`,
      );
    expect(series(f.series)).toEqual([
      '2026-01 2026-01-01 0/0/0/0/3',
      '2026-02 2026-02-01 5/4/7/4/0',
      '2026-03 2026-03-01 1/0/0/3/1',
      '2026-04 2026-04-01 2/2/0/1/0',
      '2026-05 2026-05-01 0/0/0/0/0',
      '2026-06 2026-06-01 0/0/0/0/0',
      '2026-07 2026-07-01 0/0/0/0/0',
      '2026-08 2026-08-01 0/0/0/0/0',
      '2026-09 2026-09-01 2/1/0/1/1',
      '2026-10 2026-10-01 0/0/0/0/0',
      '2026-11 2026-11-01 0/0/0/0/0',
    ]);

    // Adjust: participation 5/6 and both teams share; every pillar has posts, the average of 4, 2 and 7 is 13/3
    // and a quarter of it (1.08) is below each. News has overlap 0.4 < 0.5. Instagram is chosen and Dina linked an
    // account there, and nobody shared on it. The log ends 9 November 09:00Z (10:00 CET): 60 days earlier is
    // 10 September 10:00 CEST (08:00Z), so every publisher with consent is dormant, Piet (9 September) too.
    // Recruit is behind on shares (7 of 10). Department index 33/45 = 0.733 < 0.8: Communicatie (0), HR (0.9).
    // Conversers 4 of 6 sharers is not below 0.1.
    expect(recommendations).toEqual([
      {
        code: 'PILLAR_LOW_OVERLAP',
        severity: 'info',
        subject: 'pillar_news',
        params: { pillar: 'News', overlap: 0.4, threshold: 0.5 },
      },
      { code: 'PLATFORM_UNUSED', severity: 'info', subject: 'instagram', params: { platform: 'instagram' } },
      {
        code: 'DORMANT_AMBASSADORS',
        severity: 'warning',
        subject: null,
        params: { count: 6, days: 60, people: 'Anna, Bram, Cora, Dina, Olaf, Piet', more: 0 },
      },
      {
        code: 'GOAL_BEHIND_TARGET',
        severity: 'warning',
        subject: 'goal_recruit',
        params: { goal: 'Recruit nurses', metric: 'shares', target: 10, actual: 7 },
      },
      {
        code: 'UNREPRESENTATIVE_AMBASSADORS',
        severity: 'info',
        subject: 'department',
        params: {
          dimension: 'department',
          index: 0.733,
          threshold: 0.8,
          underRepresented: 'Communicatie, HR',
          more: 0,
        },
      },
    ]);
    expect(recommendations.map((r) => recommendationText(r, 'en'))).toEqual([
      'Pillar News has overlap 0.4 (below 0.5): its posts mostly push the organisation’s message.',
      'Nobody shared on Instagram: drop it from the strategy, or help ambassadors start there.',
      '6 ambassadors with consent have not shared for 60 days: re-activate them (Anna, Bram, Cora, Dina, Olaf, Piet).',
      'Goal Recruit nurses is behind on shares: 7 of 10.',
      'Active ambassadors do not reflect the organisation by department (index 0.73, below 0.8); under-represented: Communicatie, HR.',
    ]);
    expect(recommendations.map((r) => recommendationText(r, 'nl'))).toEqual([
      'Pijler News heeft overlap 0,4 (onder 0,5): de berichten zenden vooral de boodschap van de organisatie uit.',
      'Niemand deelde op Instagram: schrap het uit de strategie, of help ambassadeurs daar te beginnen.',
      '6 ambassadeurs met toestemming hebben al 60 dagen niets gedeeld: activeer ze opnieuw (Anna, Bram, Cora, Dina, Olaf, Piet).',
      'Doel Recruit nurses loopt achter op delingen: 7 van 10.',
      'De actieve ambassadeurs weerspiegelen de organisatie niet naar afdeling (index 0,73, onder 0,8); ondervertegenwoordigd: Communicatie, HR.',
    ]);
    // The report says the same, in Dutch: the period as local days, the last one included.
    const markdown = renderMarkdown(createReport(f, { language: 'nl', recommendations }));
    expect(markdown).toContain('Periode: 2026-01-01 – 2026-12-31 · Tijdzone: Europe/Amsterdam');
    expect(markdown).toContain('Doel Recruit nurses loopt achter op delingen: 7 van 10.');
    expect(markdown).toContain('| Deelnamegraad | 83,3% | gemeten |');
    expect(markdown).toContain('EUR 60,75');
  });

  it('March in Amsterdam: the month before the clocks change and the share at 00:30 on 1 April', () => {
    // 1 March 00:00 CET (28 February 23:00Z) to 1 April 00:00 CEST (31 March 22:00Z).
    const { figures: f, recommendations } = report('2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z');
    // In the window: s6 (Piet, LinkedIn, 500), the 3 public comments on it (21:45Z), C4 (Cora, 22:15Z on
    // 30 March). Not: s7 (22:30Z, 1 April local), nor C4's acceptance (1 April). The log goes on after it.
    expect(f.events.first).toBe('2026-01-05T08:00:00.000Z');
    expect(f.events.last).toBe('2026-03-31T21:45:00.000Z');
    // LinkedIn: no reach reported, so impressions are the potential reach 500: CTR 0/500 = 0 (estimated); EMV
    // 500/1000 × 30 = 15.
    expect(f.platforms).toEqual([
      {
        platform: 'linkedin',
        shares: 1,
        clicks: 0,
        reactions: 0,
        comments: 3,
        conversations: 0,
        reshares: 0,
        potentialReach: 500,
        reportedReach: 0,
        ctr: { value: 0, basis: 'estimated' },
        earnedMediaValue: { value: 15, basis: 'estimated' },
      },
    ]);
    // Lea has not left yet: 7 publishers with consent (Cora, Piet, Anna, Bram, Dina, Lea, Olaf), 1 shared: 1/7.
    const values = Object.fromEntries(Object.entries(f.summary).map(([k, v]) => [k, v.value]));
    expect(values).toEqual({
      shares: 1,
      sharers: 1,
      publishersWithConsent: 7,
      participation: 1 / 7,
      contributions: 1,
      contributors: 1,
      conversations: 0,
      conversers: 0,
      clicks: 0,
      reactions: 0,
      comments: 3,
      reshares: 0,
      potentialReach: 500,
      reportedReach: 0,
      ctr: 0,
      earnedMediaValue: 15,
    });
    expect(f.summary.ctr.basis).toBe('estimated');
    expect(f.segments).toMatchObject({ contributor: 1, sharer: 1, lagging: 7 });
    // Ward 3: Cora contributes, Piet shares, Anna and Lea lag: 1/4, contributes and shares. HR: 4 lagging.
    expect(
      f.teams.map((t) => [
        t.name,
        t.members,
        t.contributors,
        t.sharers,
        t.conversers,
        t.lagging,
        t.participation,
        t.segment,
      ]),
    ).toEqual([
      ['Ward 3', 4, 1, 1, 0, 2, 0.25, 'contributing_sharer'],
      ['HR', 4, 0, 0, 0, 4, 0, 'lagging'],
    ]);
    // Active on 31 March 22:00Z: Cora (reactivated by C4), Piet, Anna, Lea, Olaf; Bram and Dina dormant since
    // 23 March.
    expect(f.activationFunnel).toEqual({ people: 12, invited: 8, active: 5, sharedInPeriod: 1 });
    // C4 was accepted after the window: submitted 1, nothing further. No offer of a post from a contribution and
    // no approval fall in March.
    expect(f.contentFunnel).toEqual({
      contributionsSubmitted: 1,
      accepted: 0,
      usedInPosts: 0,
      postsFromContributions: 0,
      offered: 0,
      shared: 0,
      conversedOn: 0,
    });
    expect(f.leadTimes.submissionToOffer.count).toBe(0);
    expect(f.leadTimes.reviewToApproval.count).toBe(0);
    // Posts count whenever they were made (P1–P3 exist); shares in the window only: s6 is P3's (work and care).
    expect(f.pillars.map((p) => [p.pillarId, p.posts, p.shares, p.shareOfShares])).toEqual([
      ['pillar_care', 2, 1, 1],
      ['pillar_news', 0, 0, 0],
      ['pillar_work', 2, 1, 1],
    ]);
    // Recruit (P1, P3): 1 share of 10, 0 clicks of 4, reach 500 of 2000, participation 1/7 of 0.5.
    // Care (P2, P3): 0 conversations of 2, 0 contributions of 1 (C4 is in no post).
    expect(
      f.goals.flatMap((g) => g.targets.map((t) => [g.goalId, t.metric, t.actual.value, t.attainment])),
    ).toEqual([
      ['goal_recruit', 'shares', 1, 0.1],
      ['goal_recruit', 'clicks', 0, 0],
      ['goal_recruit', 'reach', 500, 0.25],
      ['goal_recruit', 'participation', 1 / 7, 1 / 7 / 0.5],
      ['goal_care', 'conversations', 0, 0],
      ['goal_care', 'contributions', 0, 0],
    ]);
    // Active: Cora and Piet, both Ward 3 / Zorg / Groningen. The organisation (Lea still in it): Ward 4, HR 4;
    // Communicatie 2, Zorg 4, HR 4; Groningen 6, Assen 4. Indexes 1 − ½(½ + ½) = 0.5; 1 − ½(0.2 + 0.6 + 0.4) =
    // 0.4; 1 − ½(0.4 + 0.4) = 0.6.
    close(f.representativeness.team.index, 0.5);
    close(f.representativeness.department.index, 0.4);
    close(f.representativeness.location.index, 0.6);
    expect(f.leaderboard.entries.map((e) => `${e.rank} ${e.name} ${e.points}`)).toEqual([
      '1 Cora 15',
      '2 Piet 10',
    ]);
    // The whole month, one row.
    expect(f.series.map((r) => [r.period, r.shares, r.comments, r.contributions])).toEqual([
      ['2026-03', 1, 3, 1],
    ]);
    // Dormant: the window ends at local midnight, so 60 local days back is 31 January 00:00 CET (30 January
    // 23:00Z). Without a share since then: Cora (s7 is after the window), Bram and Dina; Anna (4 February), Lea
    // (10 February) and Olaf (11 February) shared after it.
    expect(recommendations.map((r) => [r.code, r.subject, r.params])).toEqual([
      ['LOW_PARTICIPATION', null, { participation: 0.143, threshold: 0.3 }],
      ['TEAM_WITHOUT_SHARERS', world.ids.hr, { team: 'HR', members: 4 }],
      // News has no posts: "no posts yet", not also "its posts mostly push the organisation's message".
      ['PILLAR_WITHOUT_POSTS', 'pillar_news', { pillar: 'News' }],
      ['PLATFORM_UNUSED', 'facebook', { platform: 'facebook' }],
      ['PLATFORM_UNUSED', 'instagram', { platform: 'instagram' }],
      ['DORMANT_AMBASSADORS', null, { count: 3, days: 60, people: 'Bram, Cora, Dina', more: 0 }],
      [
        'GOAL_BEHIND_TARGET',
        'goal_recruit',
        { goal: 'Recruit nurses', metric: 'shares', target: 10, actual: 1 },
      ],
      [
        'GOAL_BEHIND_TARGET',
        'goal_recruit',
        { goal: 'Recruit nurses', metric: 'clicks', target: 4, actual: 0 },
      ],
      [
        'GOAL_BEHIND_TARGET',
        'goal_recruit',
        { goal: 'Recruit nurses', metric: 'reach', target: 2000, actual: 500 },
      ],
      [
        'GOAL_BEHIND_TARGET',
        'goal_recruit',
        { goal: 'Recruit nurses', metric: 'participation', target: 0.5, actual: 0.143 },
      ],
      [
        'GOAL_BEHIND_TARGET',
        'goal_care',
        { goal: 'Show good care', metric: 'conversations', target: 2, actual: 0 },
      ],
      [
        'GOAL_BEHIND_TARGET',
        'goal_care',
        { goal: 'Show good care', metric: 'contributions', target: 1, actual: 0 },
      ],
      [
        'UNREPRESENTATIVE_AMBASSADORS',
        'team',
        { dimension: 'team', index: 0.5, threshold: 0.8, underRepresented: 'HR', more: 0 },
      ],
      [
        'UNREPRESENTATIVE_AMBASSADORS',
        'department',
        {
          dimension: 'department',
          index: 0.4,
          threshold: 0.8,
          underRepresented: 'Communicatie, HR',
          more: 0,
        },
      ],
      [
        'UNREPRESENTATIVE_AMBASSADORS',
        'location',
        { dimension: 'location', index: 0.6, threshold: 0.8, underRepresented: 'Assen', more: 0 },
      ],
      ['CONVERSATION_LAGS', null, { sharers: 1, conversers: 0, threshold: 0.1 }],
    ]);
    expect(recommendations.map((r) => recommendationText(r, 'en'))).toEqual([
      'Participation is 14.3%, below 30.0%: ask why publishers do not share and make sharing easier.',
      'Team HR (4 ambassadors) shared nothing: find an ambassador there who can lead by example.',
      'Pillar News has no posts yet: gather contributions for it with the creators and turn them into posts.',
      'Nobody shared on Facebook: drop it from the strategy, or help ambassadors start there.',
      'Nobody shared on Instagram: drop it from the strategy, or help ambassadors start there.',
      '3 ambassadors with consent have not shared for 60 days: re-activate them (Bram, Cora, Dina).',
      'Goal Recruit nurses is behind on shares: 1 of 10.',
      'Goal Recruit nurses is behind on clicks: 0 of 4.',
      'Goal Recruit nurses is behind on reach (estimated): 500 of 2,000.',
      'Goal Recruit nurses is behind on participation: 14.3% of 50.0%.',
      'Goal Show good care is behind on conversations: 0 of 2.',
      'Goal Show good care is behind on contributions: 0 of 1.',
      'Active ambassadors do not reflect the organisation by team (index 0.5, below 0.8); under-represented: HR.',
      'Active ambassadors do not reflect the organisation by department (index 0.4, below 0.8); under-represented: Communicatie, HR.',
      'Active ambassadors do not reflect the organisation by location (index 0.6, below 0.8); under-represented: Assen.',
      'No ambassador conversed on the platforms, against 1 sharer: encourage replying to comments.',
    ]);
    expect(recommendations.map((r) => recommendationText(r, 'nl'))).toEqual([
      'De deelname is 14,3%, onder 30,0%: vraag waarom publishers niet delen en maak delen makkelijker.',
      'Team HR (4 ambassadeurs) deelde niets: zoek daar een ambassadeur die het goede voorbeeld geeft.',
      'Pijler News heeft nog geen berichten: verzamel er met de creators bijdragen voor en maak er berichten van.',
      'Niemand deelde op Facebook: schrap het uit de strategie, of help ambassadeurs daar te beginnen.',
      'Niemand deelde op Instagram: schrap het uit de strategie, of help ambassadeurs daar te beginnen.',
      '3 ambassadeurs met toestemming hebben al 60 dagen niets gedeeld: activeer ze opnieuw (Bram, Cora, Dina).',
      'Doel Recruit nurses loopt achter op delingen: 1 van 10.',
      'Doel Recruit nurses loopt achter op kliks: 0 van 4.',
      'Doel Recruit nurses loopt achter op bereik (geschat): 500 van 2.000.',
      'Doel Recruit nurses loopt achter op deelname: 14,3% van 50,0%.',
      'Doel Show good care loopt achter op gesprekken: 0 van 2.',
      'Doel Show good care loopt achter op bijdragen: 0 van 1.',
      'De actieve ambassadeurs weerspiegelen de organisatie niet naar team (index 0,5, onder 0,8); ondervertegenwoordigd: HR.',
      'De actieve ambassadeurs weerspiegelen de organisatie niet naar afdeling (index 0,4, onder 0,8); ondervertegenwoordigd: Communicatie, HR.',
      'De actieve ambassadeurs weerspiegelen de organisatie niet naar locatie (index 0,6, onder 0,8); ondervertegenwoordigd: Assen.',
      'Geen ambassadeur ging op de platforms in gesprek, tegen 1 deler: moedig aan om op opmerkingen te reageren.',
    ]);
    expect(renderMarkdown(createReport(f, { language: 'en', recommendations }))).toContain(
      'Period: 2026-03-01 – 2026-03-31 · Time zone: Europe/Amsterdam',
    );
    // In UTC the same month ends at 1 April 00:00Z and holds Cora's share of 22:30Z too.
    const utc = report('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', { timeZone: 'UTC' }).figures;
    expect(utc.summary.shares.value).toBe(2);
  });

  it('week 14 in Amsterdam, across the end of March', () => {
    // Monday 30 March 00:00 CEST (29 March 22:00Z) to Monday 6 April 00:00 CEST (5 April 22:00Z).
    const { figures: f, recommendations } = report('2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z', {
      period: 'week',
    });
    // In it: C4 (30 March 22:15Z) and its acceptance, the 3 public comments on s6 (31 March), s7 (Cora, LinkedIn,
    // 1000) with its 2 clicks and Cora's own comment, s8 (Anna, Facebook, 200). LinkedIn: CTR 2/1000, EMV 30 + 2
    // × 5 = 40; Facebook: CTR 0/200, EMV 200/1000 × 8 = 1.6; both estimated (no reach reported). The summary's
    // CTR: 2/1200.
    expect(
      f.platforms.map((p) => [
        p.platform,
        p.shares,
        p.clicks,
        p.comments,
        p.conversations,
        p.potentialReach,
        p.ctr.value,
        p.earnedMediaValue.value,
      ]),
    ).toEqual([
      ['linkedin', 1, 2, 4, 1, 1000, 2 / 1000, 40],
      ['facebook', 1, 0, 0, 0, 200, 0, 1.6],
    ]);
    close(f.summary.ctr.value, 2 / 1200);
    expect(f.summary.ctr.basis).toBe('estimated');
    close(f.summary.earnedMediaValue.value, 41.6);
    // Piet's comments are on a share of the week before: comments, not his activity. Participation 2/7.
    close(f.summary.participation.value, 2 / 7);
    expect(f.segments).toMatchObject({ champion: 1, sharer: 1, lagging: 7 });
    expect(f.contentFunnel).toMatchObject({ contributionsSubmitted: 1, accepted: 1, usedInPosts: 0 });
    // Cora 10 + 15 + 5 + 2 = 32, Anna 10.
    expect(f.leaderboard.entries.map((e) => `${e.rank} ${e.name} ${e.points}`)).toEqual([
      '1 Cora 32',
      '2 Anna 10',
    ]);
    expect(renderMarkdown(createReport(f))).toContain(
      'Period: 2026-03-30 – 2026-04-05 · Time zone: Europe/Amsterdam',
    );
    // One ISO week, its March and April days together.
    expect(f.series).toEqual([
      {
        period: '2026-W14',
        start: '2026-03-30',
        shares: 2,
        clicks: 2,
        reactions: 0,
        comments: 4,
        contributions: 1,
      },
    ]);
    // 6 April 00:00 CEST minus 60 local days: 5 February 00:00 CET. Only Bram and Dina never shared.
    expect(recommendations.find((r) => r.code === 'DORMANT_AMBASSADORS')?.params).toEqual({
      count: 2,
      days: 60,
      people: 'Bram, Dina',
      more: 0,
    });
    // The year by week has the same row for week 14, and week 13 (23–29 March) holds s6 of Sunday 01:30 CET.
    const weeks = report('2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z', { period: 'week' }).figures
      .series;
    expect(weeks.find((r) => r.period === '2026-W13')).toMatchObject({
      start: '2026-03-23',
      shares: 1,
      comments: 0,
    });
    expect(weeks.find((r) => r.period === '2026-W14')).toEqual(f.series[0]);
    // From week 2 (5 January) to week 46 (9 November): 45 rows, no gaps.
    expect(weeks.length).toBe(45);
    expect(weeks[0]?.period).toBe('2026-W02');
    expect(weeks.at(-1)?.period).toBe('2026-W46');
  });

  it('gives the same figures after a retention run folded the platform events into a summary', async () => {
    // A second, identical year; on 9 November the master keeps raw platform events for 30 days only: every click,
    // reaction, comment, reshare and reach of the year goes into one `platform.summary`.
    const again = await year();
    const retention = await again.shift.as(again.ids.mira!).privacy.applyRetention({ platformEventDays: 30 });
    // Raw platform events: clicks 3 + 1 + 2 + 1 = 7, reactions 2, comments m1–m6 = 6, a reshare, reach 2: 18.
    expect(retention).toMatchObject({ before: '2026-10-10T09:00:00.000Z', removed: 18 });
    const events = await again.shift.readEvents();
    expect(events.filter((e) => e.type.startsWith('platform.') && e.type !== 'platform.summary')).toEqual([]);
    for (const [from, to, period] of [
      ['2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z', 'month'],
      ['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', 'month'],
      ['2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00.000Z', 'week'],
    ] as const) {
      const before = finishMetrics(foldEvents(world.events, { from, to }), { ...context, period });
      const after = finishMetrics(foldEvents(events, { from, to }), { ...context, period });
      expect(after).toEqual(before);
    }
  });
});
