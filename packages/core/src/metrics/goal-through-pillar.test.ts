import { describe, expect, it } from 'vitest';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';

// A post serves the goals it names and the goals of its pillars: the overlap score counts them so ("serves goal
// Recruit through pillar Work"), and the guide's posts name pillars only. The goal figures counted only posts that
// named the goal, so a goal whose pillar's posts were shared read 0 of its target, and GOAL_BEHIND_TARGET fired.
describe('a goal reached through its pillar', () => {
  it("counts the pillar's posts for the goal, each post once, and no other goal", async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId } = world;
    await shift.as(people.master).strategy.update({
      goals: [
        { id: 'goal_recruit', name: 'Recruit', purpose: 'recruitment', intent: 'inspire' },
        { id: 'goal_brand', name: 'Brand', purpose: 'recruitment', intent: 'inspire' },
      ],
      pillars: [{ id: pillarId, name: 'Care', goalIds: ['goal_recruit'] }],
    });
    // One post of the pillar only, one of the pillar that also names the goal itself.
    const onlyPillar = await anApprovedPost(world);
    const named = await shift.as(people.editor).posts.create({
      title: 'Nights at the ward',
      text: 'Who keeps watch.',
      link: 'https://example.org/nights',
      pillarIds: [pillarId],
      goalIds: ['goal_recruit'],
    });
    await shift.as(people.editor).posts.submit(named.id);
    await shift.as(people.master).posts.approve(named.id);
    await aRunningCampaign(world, [onlyPillar, named.id]);
    for (const offer of await shift.as(people.publisher).offers.mine())
      await shift
        .as(people.publisher)
        .offers.share(offer.offer.id, { platform: 'linkedin', idempotencyKey: offer.offer.id });

    const aggregate = foldEvents(await shift.readEvents());
    const figures = finishMetrics(aggregate, {
      strategy: {
        goals: [
          { id: 'goal_recruit', targets: [{ metric: 'shares', value: 2 }] },
          { id: 'goal_brand', targets: [{ metric: 'shares', value: 1 }] },
        ],
        pillars: [{ id: pillarId, goalIds: ['goal_recruit'] }],
      },
    });
    const [recruit, brand] = figures.goals;
    expect(recruit?.targets[0]?.actual.value).toBe(2);
    expect(recruit?.targets[0]?.attainment).toBe(1);
    expect(brand?.targets[0]?.actual.value).toBe(0);
    const behind = adjustRules(aggregate, figures).filter((r) => r.code === 'GOAL_BEHIND_TARGET');
    expect(behind.map((r) => r.subject)).toEqual(['goal_brand']);
  });
});
