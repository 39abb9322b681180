import { describe, expect, it } from 'vitest';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import { mergeAggregates } from './merge-aggregates.js';

describe('posts moved to other pillars or goals', () => {
  it('counts a post under the pillars and goals it has now, folded whole or in parts', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const master = shift.as(people.master);
    await master.strategy.update({
      goals: [
        { id: 'goal_a', name: 'A', purpose: 'recruitment', intent: 'inspire' },
        { id: 'goal_b', name: 'B', purpose: 'recruitment', intent: 'inspire' },
      ],
      pillars: [
        { id: world.pillarId, name: 'Care' },
        { id: 'pillar_jobs', name: 'Jobs' },
      ],
    });
    const editor = shift.as(people.editor);
    const post = await editor.posts.create({
      title: 'T',
      text: 'x',
      pillarIds: [world.pillarId],
      goalIds: ['goal_a'],
    });
    const middle = (await shift.readEvents()).length;
    await editor.posts.update(post.id, { pillarIds: ['pillar_jobs'], goalIds: ['goal_b'] });
    await editor.posts.submit(post.id);
    await master.posts.approve(post.id);
    await aRunningCampaign(world, [post.id, await anApprovedPost(world)]);
    const [offer] = (await shift.as(people.publisher).offers.mine()).filter((o) => o.post.id === post.id);
    await shift
      .as(people.publisher)
      .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 'k' });

    const events = await shift.readEvents();
    const context = {
      strategy: {
        goals: [
          { id: 'goal_a', targets: [{ metric: 'shares' as const, value: 1 }] },
          { id: 'goal_b', targets: [{ metric: 'shares' as const, value: 1 }] },
        ],
      },
    };
    const whole = finishMetrics(foldEvents(events), context);
    const parts = finishMetrics(
      mergeAggregates(foldEvents(events.slice(0, middle)), foldEvents(events.slice(middle))),
      context,
    );
    for (const figures of [whole, parts]) {
      const pillar = (id: string) => figures.pillars.find((p) => p.pillarId === id);
      expect(pillar('pillar_jobs')).toMatchObject({ posts: 1, shares: 1 });
      expect(pillar(world.pillarId)).toMatchObject({ posts: 1, shares: 0 }); // the other, unmoved post
      const goal = (id: string) => figures.goals.find((g) => g.goalId === id)?.targets[0]?.actual.value;
      expect([goal('goal_a'), goal('goal_b')]).toEqual([0, 1]);
    }
    expect(parts).toEqual(whole);
  });
});
