// Throughput of SDK commands on memory storage: what one command costs in the domain (parse, role check,
// workflow, transaction, events) without a database. Run: pnpm --filter @social-shift/core bench
import { bench, describe } from 'vitest';
import { replayEvents } from '../src/sdk/projection.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../src/testing/programme.js';

const programme = await createTestProgramme();
const { shift, people, pillarId } = programme;
let n = 0;

const sharing = await createTestProgramme();
const publishers: string[] = [];
for (let i = 0; i < 50; i++) {
  const person = await sharing.shift.as(sharing.people.master).people.add({ displayName: `Publisher ${i}` });
  await sharing.shift.as(sharing.people.master).people.assignRole(person.id, { role: 'publisher' });
  await sharing.shift.as(sharing.people.master).people.invite(person.id);
  await sharing.shift.as(person.id).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
  publishers.push(person.id);
}
const postIds = await Promise.all([1, 2, 3, 4].map(() => anApprovedPost(sharing)));
await aRunningCampaign(sharing, postIds);
const offers = await sharing.shift.as(sharing.people.master).offers.list();
const events = await sharing.shift.readEvents();

describe('commands on memory storage', () => {
  bench('posts.create + submit + approve (3 commands)', async () => {
    const post = await shift
      .as(people.editor)
      .posts.create({ title: `Post ${n++}`, text: 'Hi', pillarIds: [pillarId] });
    await shift.as(people.editor).posts.submit(post.id);
    await shift.as(people.master).posts.approve(post.id);
  });

  bench('offers.share (new idempotency key each time)', async () => {
    const offer = offers[n++ % offers.length];
    if (!offer) return;
    await sharing.shift
      .as(offer.publisherId)
      .offers.share(offer.id, { platform: 'linkedin', idempotencyKey: `bench-${n}` });
  });

  bench('posts.allowedEvents', async () => {
    await shift.as(people.master).posts.allowedEvents(postIds[0] ?? '');
  });
});

describe('replay', () => {
  bench(`replayEvents over ${events.length} events`, () => {
    replayEvents(events);
  });
});
