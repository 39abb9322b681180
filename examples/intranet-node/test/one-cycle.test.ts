// Runs the walk-through of docs/one-cycle.md (src/guide/one-cycle.ts) and checks what its comments say happens.
import { describe, expect, it } from 'vitest';
import { measureCycle, oneCycle } from '../src/guide/one-cycle.js';

describe('one turn of the method', () => {
  it('goes from a strategy to a shared post, and measures it', async () => {
    const { shift, people, post, campaign, share, figures, recommendations, advice } = await oneCycle();
    expect(share).toMatchObject({ postId: post.id, publisherId: people.publisher, platform: 'linkedin' });
    expect(share.trackedUrl).toContain('utm_source=linkedin');
    const master = shift.as(people.masterId);
    expect((await master.campaigns.get(campaign.id)).status).toBe('running');
    expect((await master.posts.get(post.id)).status).toBe('offered');
    const [contribution] = await master.contributions.list();
    expect(contribution).toMatchObject({ status: 'used', postIds: [post.id] });
    // Four eyes: the editor who wrote the post could not have approved it.
    expect((await master.posts.get(post.id)).approvedBy).toBe(people.reviewer);
    expect(figures.summary.shares.value).toBe(1);
    expect(recommendations.every((r) => typeof r.code === 'string')).toBe(true);
    // The stored strategy reached the figures: its pillars by name, the one without posts too; the advice in words.
    expect(figures.pillars.map((p) => [p.name, p.posts])).toEqual([
      ['Good care', 0],
      ['Working here', 1],
    ]);
    expect(advice).toHaveLength(recommendations.length);
    expect(advice.length).toBeGreaterThan(0);
    expect(advice.every((text) => typeof text === 'string' && text.length > 0)).toBe(true);
  });

  it("walks the programme's cycle through the five steps, and files the campaign under it", async () => {
    const { shift, people, cycle, campaign } = await oneCycle();
    const master = shift.as(people.masterId);
    expect(cycle).toMatchObject({ number: 1, status: 'strategy' });
    expect(await master.cycles.current()).toMatchObject({ id: cycle.id, status: 'adjustment' });
    expect((await master.campaigns.get(campaign.id)).cycleId).toBe(cycle.id);
    expect(await master.cycles.allowedEvents()).toContain('CLOSE');
    const next = await master.cycles.start();
    expect(next).toMatchObject({ number: 2, status: 'strategy', strategyVersion: cycle.strategyVersion });
    expect((await master.cycles.list()).find(({ id }) => id === cycle.id)?.status).toBe('closed');
  });

  it('measures each cycle on its own: the next one does not count the shares of the one before', async () => {
    const { shift, clock, people, cycle } = await oneCycle();
    const master = shift.as(people.masterId);
    clock.set('2026-04-01T09:00:00.000Z');
    const next = await master.cycles.start();
    // Cycle 2 sets a target of one share for the goal: per cycle, so cycle 1's share does not meet it.
    const [goal] = (await master.strategy.get()).goals;
    await master.strategy.update({ goals: [{ ...goal!, targets: [{ metric: 'shares', value: 1 }] }] });
    for (const step of ['activation', 'content', 'campaigns', 'measurement'] as const)
      await master.cycles.moveTo({ step });
    const second = await measureCycle(shift, people.masterId, next);
    expect(second.figures.summary.shares.value).toBe(0);
    expect(second.recommendations.map((r) => r.code)).toContain('GOAL_BEHIND_TARGET');
    // The closed cycle 1 keeps its own figures: its window ends where cycle 2 starts.
    const first = (await master.cycles.list()).find(({ id }) => id === cycle.id)!;
    expect((await measureCycle(shift, people.masterId, first)).figures.summary.shares.value).toBe(1);
  });

  it('stops the post writer approving their own post', async () => {
    const { shift, people } = await oneCycle();
    const own = await shift
      .as(people.editor)
      .posts.create({ title: 'Again', text: 'More.', pillarIds: ['pillar_care'] });
    await shift.as(people.editor).posts.submit(own.id);
    await expect(shift.as(people.editor).posts.approve(own.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
