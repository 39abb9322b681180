import { describe, expect, it } from 'vitest';
import { createTestProgramme } from '../testing/programme.js';
import { workflows } from '../workflows/workflows.js';
import { actionDescriptions } from './action-descriptions.js';
import type { Action } from './permission-table.js';

describe('the descriptions of the actions (docs/roles.md)', () => {
  it('describe an edit action without the events other actions govern', () => {
    // Overriding `posts.update` alone must not look like it grants submitting: SUBMIT is `posts.submit`'s.
    for (const id of ['post', 'contribution'] as const) {
      const { events } = workflows[id].config;
      const update = 'action' in events.UPDATE.sender ? events.UPDATE.sender.action : '';
      const submit = 'action' in events.SUBMIT.sender ? events.SUBMIT.sender.action : '';
      expect(submit).not.toBe(update);
      expect(actionDescriptions[update as keyof typeof actionDescriptions], update).not.toMatch(/submit/i);
    }
  });
});

/** A test programme with a second pillar and a creator and an editor responsible for the first one only. */
async function twoPillars() {
  const world = await createTestProgramme();
  const master = world.shift.as(world.people.master);
  await master.strategy.update({
    pillars: [
      { id: world.pillarId, name: 'Care with a face' },
      { id: 'pillar_jobs', name: 'Work with us' },
    ],
  });
  const scoped = async (displayName: string, role: 'creator' | 'editor') => {
    const person = await master.people.add({ displayName });
    await master.people.assignRole(person.id, { role, scope: { pillarIds: [world.pillarId] } });
    return person.id;
  };
  return {
    ...world,
    careCreator: await scoped('Cas Care', 'creator'),
    careEditor: await scoped('Eva Care', 'editor'),
  };
}

type World = Awaited<ReturnType<typeof twoPillars>>;

// Each: the action, a command that the action's row allows but the SDK refuses for a further rule, and the words
// that the action's description must use to tell that rule.
const furtherRules: readonly [Action, string, (w: World) => Promise<unknown>, RegExp][] = [
  [
    'people.update',
    'a publisher moving themselves into a team',
    async (w) => {
      const team = await w.shift.as(w.people.master).teams.create({ name: 'Ward 3' });
      return w.shift.as(w.people.publisher).people.update(w.people.publisher, { teamIds: [team.id] });
    },
    /`people\.add`/,
  ],
  [
    'contributions.update',
    'a creator moving their contribution to a pillar they are not responsible for',
    async (w) => {
      const creator = w.shift.as(w.careCreator).contributions;
      const mine = await creator.create({ kind: 'photo', title: 'Ward 3', pillarIds: [w.pillarId] });
      return creator.update(mine.id, { pillarIds: ['pillar_jobs'] });
    },
    /`contributions\.create`/,
  ],
  [
    'posts.create',
    "an editor writing a post from a contribution of another pillar's",
    async (w) => {
      const creator = w.shift.as(w.people.creator).contributions;
      const jobs = await creator.create({ kind: 'news', title: 'Vacancy', pillarIds: ['pillar_jobs'] });
      await creator.submit(jobs.id);
      await w.shift.as(w.people.master).contributions.startReview(jobs.id);
      await w.shift.as(w.people.master).contributions.accept(jobs.id);
      return w.shift.as(w.careEditor).posts.create({
        title: 'Join us',
        text: 'We hire.',
        pillarIds: [w.pillarId],
        contributionIds: [jobs.id],
      });
    },
    /may read|`contributions\.read`/,
  ],
  [
    'people.leave',
    'the last social master leaving',
    (w) => w.shift.as(w.people.master).people.leave(w.people.master),
    /last social master/,
  ],
  [
    'roles.assign.master',
    'the master role revoked from the last social master',
    (w) => w.shift.as(w.people.master).people.revokeRole(w.people.master, { role: 'master' }),
    /last social master/,
  ],
  [
    'privacy.erase',
    'the last social master erased',
    (w) => w.shift.as(w.people.master).privacy.erasePerson(w.people.master),
    /last social master/,
  ],
];

describe('the descriptions of the actions (docs/roles.md), for what the table alone does not tell', () => {
  it.each(furtherRules)('%s: names the rule that refuses %s', async (action, _, run, words) => {
    const world = await twoPillars();
    await expect(run(world)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(actionDescriptions[action]).toMatch(words);
  });
});

describe('the description of people.consent', () => {
  it('says that only an invited person may consent, as the ambassador workflow has it', async () => {
    const { shift, people } = await createTestProgramme();
    // The outsider was added, never invited: a candidate.
    await expect(
      shift.as(people.outsider).people.consent({ purposes: ['offers'], termsVersion: 'v1' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(actionDescriptions['people.consent']).toMatch(/only (once|when|after) .*invited/);
  });
});
