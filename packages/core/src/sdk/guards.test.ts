// Commands whose checks read documents they do not write, run at the same moment: without the guards both pass
// their checks (the reads of each happen before the other's commit) and the organisation ends up in a state its
// rules forbid. With them, one commits and the other is refused, and the rule holds.
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import {
  anApprovedPost,
  aRunningCampaign,
  createTestProgramme,
  type TestProgramme,
} from '../testing/programme.js';

/** Runs the commands at once; returns what each did: 'ok' or its error code. */
async function atOnce(...commands: (() => Promise<unknown>)[]): Promise<string[]> {
  const settled = await Promise.allSettled(commands.map((command) => command()));
  return settled.map((s) => {
    if (s.status === 'fulfilled') return 'ok';
    if (isSocialShiftError(s.reason)) return s.reason.code;
    throw s.reason;
  });
}

/** Waits `n` turns of the microtask queue: one command starts that much after the other. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

const activeMasters = async (world: TestProgramme, asMaster: string) => {
  const people = await world.shift.as(asMaster).people.list();
  const here = new Set(
    people.filter((p) => p.status !== 'left' && p.erasedAt === undefined).map((p) => p.id),
  );
  const holders = await Promise.all(
    [...here].map(async (id) =>
      (await world.shift.as(asMaster).people.roles(id)).some((r) => r.role === 'master') ? id : undefined,
    ),
  );
  return holders.filter((id) => id !== undefined);
};

describe('guards against write skew', () => {
  it('two masters revoking each other at once leave one master, and the other command is refused', async () => {
    const world = await createTestProgramme();
    const { master, editor } = world.people;
    await world.shift.as(master).people.assignRole(editor, { role: 'master' });
    const outcome = await atOnce(
      () => world.shift.as(master).people.revokeRole(editor, { role: 'master' }),
      () => world.shift.as(editor).people.revokeRole(master, { role: 'master' }),
    );
    expect(outcome.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcome.filter((o) => o !== 'ok')).toEqual([expect.stringMatching(/^(CONFLICT|FORBIDDEN)$/)]);
    expect(
      await activeMasters(world, (await activeMasters(world, master)).length > 0 ? master : editor),
    ).toHaveLength(1);
  });

  it('two masters leaving at once, or one leaving while the other is erased, leave one master', async () => {
    for (const second of ['leave', 'erase'] as const) {
      const world = await createTestProgramme();
      const { master, editor } = world.people;
      await world.shift.as(master).people.assignRole(editor, { role: 'master' });
      const outcome = await atOnce(
        () => world.shift.as(master).people.leave(master),
        () =>
          second === 'leave'
            ? world.shift.as(editor).people.leave(editor)
            : world.shift.as(master).privacy.erasePerson(editor),
      );
      expect(
        outcome.filter((o) => o === 'ok'),
        second,
      ).toHaveLength(1);
      const stayed = outcome[0] === 'ok' ? editor : master;
      expect(await activeMasters(world, stayed), second).toEqual([stayed]);
    }
  });

  it('the same role assigned twice at once is one assignment, and one revoke takes it away', async () => {
    const world = await createTestProgramme();
    const { master, outsider } = world.people;
    const outcome = await atOnce(
      () => world.shift.as(master).people.assignRole(outsider, { role: 'editor' }),
      () => world.shift.as(master).people.assignRole(outsider, { role: 'editor' }),
    );
    expect(outcome.sort()).toEqual([expect.stringMatching(/^(ALREADY_EXISTS|CONFLICT)$/), 'ok']);
    expect((await world.shift.as(master).people.roles(outsider)).map((r) => r.role)).toEqual(['editor']);
    await world.shift.as(master).people.revokeRole(outsider, { role: 'editor' });
    expect(await world.shift.as(master).people.roles(outsider)).toEqual([]);
  });

  it('an account linked twice at once on one platform is one account', async () => {
    const world = await createTestProgramme();
    const { master, publisher } = world.people;
    const before =
      (await world.shift.as(master).privacy.exportPerson(publisher)).records.social_account?.length ?? 0;
    const outcome = await atOnce(
      () =>
        world.shift
          .as(publisher)
          .people.linkAccount(publisher, { platform: 'mastodon', handle: '@a@example.org', networkSize: 10 }),
      () =>
        world.shift
          .as(publisher)
          .people.linkAccount(publisher, { platform: 'mastodon', handle: '@b@example.org', networkSize: 20 }),
    );
    expect(outcome.sort()).toEqual(['CONFLICT', 'ok']);
    const accounts =
      (await world.shift.as(master).privacy.exportPerson(publisher)).records.social_account ?? [];
    expect(accounts.filter((a) => a.platform === 'mastodon')).toHaveLength(1);
    expect(accounts).toHaveLength(before + 1);
  });

  it('two cycles started at once make one cycle with the next number', async () => {
    const world = await createTestProgramme();
    const { master } = world.people;
    const outcome = await atOnce(
      () => world.shift.as(master).cycles.start(),
      () => world.shift.as(master).cycles.start(),
    );
    expect(outcome.sort()).toEqual(['CONFLICT', 'ok']);
    expect((await world.shift.as(master).cycles.list()).map((c) => c.number)).toEqual([1]);
  });

  it('says why a new cycle cannot start while the current one has not been measured', async () => {
    const world = await createTestProgramme();
    const { master } = world.people;
    await world.shift.as(master).cycles.start();
    await expect(world.shift.as(master).cycles.start()).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('Cycle 1 is at the strategy step: a new cycle starts only after'),
    });
  });

  it('a campaign starting while a publisher withdraws consent, leaves or is erased leaves them no open offer', async () => {
    for (const [how, by] of [
      ['withdraw', 'command'],
      ['leave', 'command'],
      ['erase', 'command'],
      ['withdraw', 'due run'],
    ] as const) {
      const world = await createTestProgramme();
      const { master, publisher } = world.people;
      const asMaster = world.shift.as(master);
      const campaign = await asMaster.campaigns.create({
        name: 'Open day',
        pillarIds: [world.pillarId],
        postIds: [await anApprovedPost(world)],
        audience: { everyone: true },
        startsAt: new Date(world.clock.now() + 3_600_000).toISOString(),
        endsAt: new Date(world.clock.now() + 14 * 86_400_000).toISOString(),
      });
      await asMaster.campaigns.schedule(campaign.id);
      // The due run starts the campaign whose start time has come (and retries when another command got there first).
      if (by === 'due run') world.clock.advance(2 * 3_600_000);
      const start = () =>
        by === 'command' ? asMaster.campaigns.start(campaign.id) : world.shift.system.runDueTransitions();
      const remove = () =>
        how === 'withdraw'
          ? world.shift.as(publisher).people.withdrawConsent()
          : how === 'leave'
            ? asMaster.people.leave(publisher)
            : asMaster.privacy.erasePerson(publisher);
      const outcome = await atOnce(start, remove);
      expect(outcome, how).toContain('ok');
      expect(
        outcome.filter((o) => o !== 'ok'),
        how,
      ).toEqual(outcome.includes('CONFLICT') ? ['CONFLICT'] : []);
      // The refused command, run again, sees the other's result.
      if (outcome[0] !== 'ok') await start();
      if (outcome[1] !== 'ok') await remove();
      expect((await asMaster.campaigns.get(campaign.id)).status, how).toBe('running');
      const open = (await asMaster.offers.list({ campaignId: campaign.id })).filter(
        (o) => o.publisherId === publisher && (o.status === 'offered' || o.status === 'seen'),
      );
      expect(open, how).toEqual([]);
    }
  });

  it('a share at the same moment as the publisher withdraws consent, leaves, is erased or loses the role is refused or comes first', async () => {
    // Which reads land before the other's commit depends on timing: one command starts 0 to 24 turns of the
    // microtask queue after the other, in both orders, so the share's reads fall before, between and after.
    for (const how of ['withdraw', 'leave', 'erase', 'revoke'] as const)
      for (let lag = -24; lag <= 24; lag += 2) {
        const world = await createTestProgramme();
        const { master, publisher } = world.people;
        const asMaster = world.shift.as(master);
        await aRunningCampaign(world, [await anApprovedPost(world)]);
        const [mine] = await world.shift.as(publisher).offers.mine();
        if (!mine) throw new Error('the publisher has no offer');
        // Shared once: the offer stays shared, and ending someone's part expires only open offers.
        await world.shift
          .as(publisher)
          .offers.share(mine.offer.id, { platform: 'linkedin', idempotencyKey: 'one' });
        const share = async () => {
          await turns(Math.max(lag, 0));
          return world.shift
            .as(publisher)
            .offers.share(mine.offer.id, { platform: 'x', idempotencyKey: 'two' });
        };
        const remove = async () => {
          await turns(Math.max(-lag, 0));
          return how === 'withdraw'
            ? world.shift.as(publisher).people.withdrawConsent()
            : how === 'leave'
              ? asMaster.people.leave(publisher)
              : how === 'erase'
                ? asMaster.privacy.erasePerson(publisher)
                : asMaster.people.revokeRole(publisher, { role: 'publisher' });
        };
        const outcome = await atOnce(share, remove);
        const at = `${how}, lag ${lag}`;
        // The share may also be refused for what it read (no consent, no role): never anything unexpected.
        expect(outcome[1], at).toMatch(/^(ok|CONFLICT)$/);
        if (outcome[1] !== 'ok') await remove();
        // Whichever committed first, no share was recorded after the publisher's part ended.
        const types = (await world.shift.readEvents()).map((e) => e.type);
        const ended = types.findIndex((t) =>
          ['consent.withdrawn', 'person.left', 'person.erased', 'role.revoked'].includes(t),
        );
        expect(ended, at).toBeGreaterThan(0);
        expect(types.lastIndexOf('share.recorded'), at).toBeLessThan(ended);
      }
  });

  it('a role assigned or an account linked at the same moment as the erasure is refused or comes first', async () => {
    // The erasure reads the whole log before it commits: the other command starts up to 160 turns later.
    for (const what of ['role', 'account'] as const)
      for (let lag = -8; lag <= 160; lag += 4) {
        const world = await createTestProgramme();
        const { master, publisher } = world.people;
        const asMaster = world.shift.as(master);
        const add = async () => {
          await turns(Math.max(lag, 0));
          return what === 'role'
            ? asMaster.people.assignRole(publisher, { role: 'creator' })
            : world.shift
                .as(publisher)
                .people.linkAccount(publisher, { platform: 'x', handle: 'pub', networkSize: 10 });
        };
        const erase = async () => {
          await turns(Math.max(-lag, 0));
          return asMaster.privacy.erasePerson(publisher);
        };
        const outcome = await atOnce(add, erase);
        const at = `${what}, lag ${lag}`;
        expect(outcome[1], at).toMatch(/^(ok|CONFLICT)$/);
        if (outcome[1] !== 'ok') await erase();
        // Whichever committed first, nothing was given to the person after their erasure.
        const types = (await world.shift.readEvents()).map((e) => e.type);
        expect(types.lastIndexOf(what === 'role' ? 'role.assigned' : 'account.linked'), at).toBeLessThan(
          types.indexOf('person.erased'),
        );
      }
  });

  it('commands one after the other still pass: a guard only refuses a command that read it before another wrote it', async () => {
    const world = await createTestProgramme();
    const { master, editor, outsider } = world.people;
    await world.shift.as(master).people.assignRole(editor, { role: 'master' });
    await world.shift.as(master).people.revokeRole(editor, { role: 'master' });
    await world.shift.as(master).people.assignRole(outsider, { role: 'editor' });
    await world.shift.as(master).people.revokeRole(outsider, { role: 'editor' });
    await world.shift.as(master).people.assignRole(outsider, { role: 'editor' });
    expect((await world.shift.as(master).people.roles(outsider)).map((r) => r.role)).toEqual(['editor']);
  });
});
