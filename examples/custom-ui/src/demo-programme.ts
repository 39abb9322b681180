// A small programme to start from, created through the SDK's own commands the first time the app opens an empty
// database: an organisation, a social master, two editors, a publisher who has given consent, an approved post
// and a running campaign that offers it. A real app would connect to its organisation's data instead.
import type { SocialShift } from '@social-shift/core';

/** The people the app knows after seeding; the UI acts as the publisher. */
export interface DemoPeople {
  readonly masterId: string;
  readonly publisherId: string;
}

// #region seed
/** Seeds the demo programme, once; returns who is who. */
export async function seedDemoProgramme(shift: SocialShift, now: Date): Promise<DemoPeople> {
  // #region first-steps
  const { masterId } = await shift.setup({
    organisation: { name: 'Bakkerij De Korenschoof', defaultLanguage: 'en', timeZone: 'Europe/Amsterdam' },
    programme: { name: 'Social Shift 2026', claimedPurposes: ['recruitment'] },
    master: { displayName: 'Mira de Vries' },
  });
  const master = shift.as(masterId);
  const author = await master.people.add({ displayName: 'Eddie Bakker' });
  const reviewer = await master.people.add({ displayName: 'Esra Yilmaz' });
  await master.people.assignRole(author.id, { role: 'editor' });
  await master.people.assignRole(reviewer.id, { role: 'editor' });
  // #endregion first-steps

  const publisher = await master.people.add({
    displayName: 'Pia Jansen',
    customerFacing: true,
    language: 'en', // the page speaks the signed-in person's language (without one: the organisation's)
  });
  await master.people.assignRole(publisher.id, { role: 'publisher' });
  await master.people.invite(publisher.id);
  await shift.as(publisher.id).people.consent({ purposes: ['offers', 'tracking'], termsVersion: '2026-01' });
  await master.people.linkAccount(publisher.id, {
    platform: 'linkedin',
    handle: 'pia-jansen',
    networkSize: 640,
  });

  const post = await shift.as(author.id).posts.create({
    title: 'Bakers wanted for the night shift',
    text: 'Our night bakers start at 4 and are home before the school run. We are hiring: come and taste!',
    link: 'https://example.org/vacancies/night-baker',
    language: 'en',
  });
  await shift.as(author.id).posts.submit(post.id);
  await shift.as(reviewer.id).posts.approve(post.id); // four eyes: the author cannot approve their own post

  const day = 24 * 60 * 60 * 1000;
  const campaign = await master.campaigns.create({
    name: 'Night shift recruitment',
    postIds: [post.id],
    audience: { everyone: true },
    startsAt: new Date(now.getTime() + 60_000).toISOString(),
    endsAt: new Date(now.getTime() + 14 * day).toISOString(),
  });
  await master.campaigns.schedule(campaign.id);
  await master.campaigns.start(campaign.id); // start now: offers the post to every publisher with consent
  return { masterId, publisherId: publisher.id };
}
// #endregion seed
