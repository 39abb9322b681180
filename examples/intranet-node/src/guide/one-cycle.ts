// One turn of the method, from a strategy to a shared post, as docs/one-cycle.md shows it: the strategy with goals,
// audiences, pillars and platforms, and the programme's cycle the master moves through its steps; the four roles; a creator's contribution reviewed and turned into a post; four
// eyes on the post; a campaign that offers it; a publisher who shares it. On memory storage with a manual clock, so
// it runs the same every time (a service passes an adapter and the system clock).
import {
  type Cycle,
  createManualClock,
  createMemoryStorage,
  createSequentialIds,
  createSocialShift,
  type SocialShift,
} from '@social-shift/core';
import { adjustRules, finishMetrics, foldEvents } from '@social-shift/core/metrics';
import { recommendationText } from '@social-shift/core/reports';

export async function oneCycle() {
  // #region sdk
  // A manual clock: the code moves time itself (clock.set) to the campaign's start. A service leaves `clock` and
  // `ids` out (the system clock, random ids) and passes a storage adapter.
  const clock = createManualClock('2026-03-02T09:00:00.000Z');
  const shift = createSocialShift({
    storage: createMemoryStorage(),
    organisationId: 'org_zorg',
    clock,
    ids: createSequentialIds(),
  });
  // #endregion sdk

  // #region strategy
  // Step 1, strategy: what the organisation needs to tell (goals), to whom (audiences, weighted over the five
  // information needs), about what (content pillars) and where (platforms).
  const { masterId } = await shift.setup({
    organisation: { name: 'Zorggroep Noord', timeZone: 'Europe/Amsterdam', defaultLanguage: 'nl' },
    programme: { name: 'Social Shift 2026', claimedPurposes: ['recruitment'] },
    strategy: {
      goals: [{ id: 'goal_recruit', name: 'Recruit nurses', purpose: 'recruitment', intent: 'inspire' }],
      audiences: [{ id: 'aud_nurses', name: 'Nurses', needs: { belonging: 0.8, knowledge: 0.4 } }],
      pillars: [
        {
          id: 'pillar_work',
          name: 'Working here',
          goalIds: ['goal_recruit'],
          audienceIds: ['aud_nurses'],
          needs: ['belonging'],
        },
        { id: 'pillar_care', name: 'Good care', audienceIds: ['aud_nurses'], needs: ['knowledge'] },
      ],
      platforms: [{ platform: 'linkedin', audienceIds: ['aud_nurses'] }],
    },
    master: { displayName: 'Mira' },
  });
  // The programme's cycle of five steps: it starts at the strategy step and pins this strategy version.
  const cycle = await shift.as(masterId).cycles.start();
  // #endregion strategy

  // #region activate
  // Step 2, activation: the master gives the roles; a publisher is invited and consents before anything is offered.
  const master = shift.as(masterId);
  await master.cycles.moveTo({ step: 'activation' }); // the master moves the cycle on, step by step
  const person = async (displayName: string) => (await master.people.add({ displayName })).id;
  const [creator, editor, reviewer, publisher] = [
    await person('Cora'),
    await person('Eddie'),
    await person('Esra'),
    await person('Piet'),
  ];
  await master.people.assignRole(creator, { role: 'creator', scope: { pillarIds: ['pillar_work'] } });
  await master.people.assignRole(editor, { role: 'editor' });
  await master.people.assignRole(reviewer, { role: 'editor' });
  await master.people.assignRole(publisher, { role: 'publisher' });
  await master.people.invite(publisher);
  await shift.as(publisher).people.consent({ purposes: ['offers', 'tracking'], termsVersion: '2026-01' });
  await shift
    .as(publisher)
    .people.linkAccount(publisher, { platform: 'linkedin', handle: 'piet', networkSize: 640 });
  // #endregion activate

  // #region content
  // Step 3, content: the creator supplies raw material; an editor reviews it and turns it into a post; another
  // editor approves the post (four eyes: whoever wrote, changed or submitted it cannot).
  await master.cycles.moveTo({ step: 'content' });
  const raw = await shift.as(creator).contributions.create({
    kind: 'photo',
    title: 'Night shift on ward 3',
    pillarIds: ['pillar_work'],
  });
  await shift.as(creator).contributions.submit(raw.id);
  await shift.as(editor).contributions.startReview(raw.id);
  await shift.as(editor).contributions.accept(raw.id);
  const post = await shift.as(editor).posts.create({
    title: 'A night with Anne',
    text: 'A night with Anne on ward 3. We are looking for colleagues! #care',
    link: 'https://example.org/jobs/nurse',
    pillarIds: ['pillar_work'],
    goalIds: ['goal_recruit'],
    audienceIds: ['aud_nurses'],
    contributionIds: [raw.id],
  });
  await shift.as(editor).posts.submit(post.id);
  await shift.as(reviewer).posts.approve(post.id);
  // #endregion content

  // #region campaign
  // Step 4, campaigns: the post goes to every publisher with consent; a publisher shares it with a tracked link.
  await master.cycles.moveTo({ step: 'campaigns' });
  const campaign = await master.campaigns.create({
    name: 'Night shifts',
    pillarIds: ['pillar_work'],
    postIds: [post.id],
    audience: { everyone: true },
    startsAt: '2026-03-02T10:00:00.000Z',
    endsAt: '2026-03-16T10:00:00.000Z',
  });
  await master.campaigns.schedule(campaign.id);
  clock.set('2026-03-02T10:00:00.000Z');
  await shift.system.runDueTransitions(); // starts it at startsAt: one offer per publisher
  const [offer] = await shift.as(publisher).offers.mine();
  const share = await shift.as(publisher).offers.share(offer!.offer.id, {
    platform: 'linkedin',
    idempotencyKey: `${offer!.offer.id}:linkedin`,
  });
  // #endregion campaign

  // #region measure
  // Step 5, measure and adjust: the figures of this cycle (measureCycle, below), and what to change in the next one.
  await master.cycles.moveTo({ step: 'measurement' });
  const { figures, recommendations, advice } = await measureCycle(shift, masterId, cycle);
  await master.cycles.adjust(); // measured: the cycle moves to adjustment; cycles.start() then begins the next one
  // #endregion measure

  return {
    shift,
    clock,
    people: { masterId, creator, editor, reviewer, publisher },
    cycle,
    post,
    campaign,
    share,
    figures,
    recommendations,
    advice,
  };
}

// #region measure-cycle
/**
 * The figures of one cycle from the event log, and what to change in the next one. The window is the cycle's own
 * time, from its start to its close (still open for the current cycle): the whole log would count the shares and
 * clicks of every cycle before it, and a goal's targets are per cycle.
 */
export async function measureCycle(shift: SocialShift, masterId: string, cycle: Cycle) {
  const aggregate = foldEvents(await shift.readEvents(), { from: cycle.startedAt, to: cycle.closedAt });
  // The stored strategy gives the pillars' and goals' targets (and the rules about them) to the figures.
  const context = { timeZone: 'Europe/Amsterdam', strategy: await shift.as(masterId).strategy.get() };
  const figures = finishMetrics(aggregate, context);
  const recommendations = adjustRules(aggregate, figures, context); // each a code with its parameters
  const advice = recommendations.map((r) => recommendationText(r, 'nl')); // in words (or 'en')
  return { figures, recommendations, advice };
}
// #endregion measure-cycle
