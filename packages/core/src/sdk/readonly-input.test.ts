// A UI keeps its form state in readonly arrays (a frozen store, a list `as const`) and passes the SDK's own readonly
// constants: `people.consent({ purposes: CONSENT_PURPOSES })` for "agree to all". The commands read their input and
// never change it, so their input types take readonly arrays, also nested ones; the type check of this file
// (`tsc -p tsconfig.test.json`) refused every call below when the input types were zod's mutable `string[]`.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ContentPillar } from '../model/strategy.js';
import { CONSENT_PURPOSES } from '../model/vocabulary.js';
import { createTestProgramme } from '../testing/programme.js';
import type { CreateCampaignInput, UpdateCampaignInput } from './commands/campaigns.js';
import type { CreateContributionInput, UpdateContributionInput } from './commands/contributions.js';
import type { CreateFocusGroupInput, FocusGroupCommands } from './commands/focus-groups.js';
import type { AddPersonInput, AssignRoleInput, ConsentInput, UpdatePersonInput } from './commands/people.js';
import type { CreatePostInput, UpdatePostInput } from './commands/posts.js';
import type { UpdateStrategyInput } from './commands/strategy.js';

const DAY = 86_400_000;
const ids: readonly string[] = Object.freeze(['id_1']);

describe('command inputs with readonly arrays', () => {
  it('are accepted by the types of every input with a list', () => {
    expectTypeOf({ purposes: CONSENT_PURPOSES, termsVersion: 'v1' }).toExtend<ConsentInput>();
    expectTypeOf({ displayName: 'Piet', teamIds: ids }).toExtend<AddPersonInput>();
    expectTypeOf({ teamIds: ids }).toExtend<UpdatePersonInput>();
    expectTypeOf({
      role: 'editor',
      scope: { pillarIds: ids, teamIds: ids },
    } as const).toExtend<AssignRoleInput>();
    expectTypeOf({ title: 't', text: 't', pillarIds: ids }).toExtend<CreatePostInput>();
    expectTypeOf({ pillarIds: ids }).toExtend<UpdatePostInput>();
    expectTypeOf({ pillarIds: ids, postIds: ids, goalIds: ids }).toExtend<UpdateCampaignInput>();
    expectTypeOf({ name: 'n', memberIds: ids }).toExtend<CreateFocusGroupInput>();
    expectTypeOf({ memberIds: ids }).toExtend<Parameters<FocusGroupCommands['setMembers']>[1]>();
    expectTypeOf<{ pillars: readonly ContentPillar[] }>().toExtend<UpdateStrategyInput>();
    expectTypeOf({
      kind: 'news',
      title: 't',
      pillarIds: ids,
      tags: ids,
    } as const).toExtend<CreateContributionInput>();
    expectTypeOf({ mediaUrls: ids }).toExtend<UpdateContributionInput>();
    expectTypeOf<CreateCampaignInput['postIds']>().toEqualTypeOf<readonly string[] | undefined>();
  });

  it('are taken by the commands, which leave them as they were', async () => {
    const { shift, people, pillarId, clock } = await createTestProgramme();
    const master = shift.as(people.master);
    const team = await master.teams.create({ name: 'Ward 3' });
    const teamIds = Object.freeze([team.id]) as readonly string[];
    const person = await master.people.add({ displayName: 'Piet', teamIds });
    expect(person.teamIds).toEqual([team.id]);
    await master.people.invite(person.id);
    // "Agree to all": the SDK's own list of purposes.
    await shift.as(person.id).people.consent({ purposes: CONSENT_PURPOSES, termsVersion: 'v1' });
    expect((await shift.as(person.id).privacy.consents(person.id))[0]?.purposes).toEqual([
      ...CONSENT_PURPOSES,
    ]);
    const members = Object.freeze([person.id, people.publisher]) as readonly string[];
    const group = await master.focusGroups.create({ name: 'Night shift', memberIds: members });
    await master.focusGroups.setMembers(group.id, { memberIds: members.slice(0, 1) as readonly string[] });
    const pillarIds = Object.freeze([pillarId]) as readonly string[];
    const editor = shift.as(people.editor);
    const post = await editor.posts.create({ title: 'Ward news', text: 'x', pillarIds });
    await editor.posts.submit(post.id);
    await master.posts.approve(post.id);
    const campaign = await editor.campaigns.create({
      name: 'Ward news',
      pillarIds,
      postIds: Object.freeze([post.id]) as readonly string[],
      audience: { focusGroupIds: Object.freeze([group.id]) as readonly string[] },
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 7 * DAY).toISOString(),
    });
    expect(campaign.postIds).toEqual([post.id]);
    const pillars: readonly ContentPillar[] = Object.freeze((await master.strategy.get()).pillars);
    await expect(master.strategy.update({ pillars })).resolves.toMatchObject({ pillars });
    expect(Object.isFrozen(teamIds) && Object.isFrozen(members) && Object.isFrozen(pillars)).toBe(true);
  });
});
