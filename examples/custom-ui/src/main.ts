// The custom UI's entry point: the SDK with IndexedDB storage, in the browser, with no server behind it.
import { indexedDbStorage } from '@social-shift/adapters/indexeddb';
import { createSocialShift, isSocialShiftError } from '@social-shift/core';
import { seedDemoProgramme } from './demo-programme.js';
import { renderPublisherView, showError, speak } from './publisher-view.js';
import { browserLanguage, VIEW_TEXT } from './view-text.js';

const SIGNED_IN = 'social-shift-example:publisher-id';

// #region create
const storage = indexedDbStorage({ databaseName: 'social-shift-custom-ui' });
const shift = createSocialShift({ storage, organisationId: 'org_korenschoof' });
// #endregion create

/** The database of the storage above, for starting afresh. */
const DATABASE_NAME = 'social-shift-custom-ui';
/**
 * Written last by the seeding, in the same database: each command of the seeding commits on its own, so a seeding
 * cut off midway (the tab closed, a full disk) leaves part of the programme and no marker.
 */
const SEEDED = { collection: '_demo', id: 'seeded' } as const;

/** The demo's publisher once the programme is seeded whole (by this tab or another, whose note is not here yet). */
async function seededPublisher(): Promise<string | undefined> {
  const marker = await storage.get(shift.organisationId, SEEDED.collection, SEEDED.id);
  return (marker?.data as { publisherId?: string } | undefined)?.publisherId;
}

/**
 * Seeds the demo programme and marks it seeded. A programme whose seeding was cut off would be refused on every
 * visit (the organisation exists, ALREADY_EXISTS) or show a publisher with nothing offered: its database is deleted
 * and the page loaded again, to seed from nothing.
 */
async function seedAfresh(): Promise<string> {
  if ((await storage.readEvents(shift.organisationId, { limit: 1 })).length > 0) {
    await storage.close();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DATABASE_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    location.reload();
    return new Promise<never>(() => undefined);
  }
  const { publisherId } = await seedDemoProgramme(shift, new Date());
  await storage.transaction(shift.organisationId, (tx) =>
    tx.put(SEEDED.collection, SEEDED.id, { publisherId }, 0),
  );
  return publisherId;
}

/**
 * Whether the programme in this browser still holds the person. A remembered id can outlive its data (the database
 * was deleted, or renamed by a new version of the app): that id is forgotten instead of failing every visit.
 */
async function holds(personId: string): Promise<boolean> {
  try {
    await shift.as(personId).people.get(personId);
    return true;
  } catch (error) {
    if (isSocialShiftError(error) && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION'))
      return false;
    throw error;
  }
}

/**
 * The publisher this browser signs in as. The first visit creates a demo programme in this browser; later visits
 * find it in IndexedDB. Seeding runs under a Web Lock, so two tabs opened at once do not both seed (the second
 * would be refused: the organisation exists already): the second waits, then finds the programme the first one
 * stored (one tab's localStorage write can reach another tab later than its IndexedDB data).
 */
async function signedInPublisher(): Promise<string> {
  const remembered = async (): Promise<string | undefined> => {
    const publisherId = localStorage.getItem(SIGNED_IN);
    return publisherId && (await holds(publisherId)) ? publisherId : undefined;
  };
  const seedOnce = async (): Promise<string> => {
    const publisherId = (await remembered()) ?? (await seededPublisher()) ?? (await seedAfresh());
    localStorage.setItem(SIGNED_IN, publisherId);
    return publisherId;
  };
  return (
    (await remembered()) ?? ('locks' in navigator ? navigator.locks.request(SIGNED_IN, seedOnce) : seedOnce())
  );
}

async function start(): Promise<void> {
  // Until the signed-in person (and their language) is known, the page speaks the browser's language.
  const language = browserLanguage(navigator.languages);
  speak(language);
  document.getElementById('who')!.textContent = VIEW_TEXT[language].loading;
  await renderPublisherView(shift, await signedInPublisher());
  document.body.dataset.ready = 'true';
}

// A failure to start (site data blocked, a private window without IndexedDB, a full disk) is said, with what to do,
// in the language the page speaks: the browser's, or the signed-in person's once they are known.
start().catch((error: unknown) => {
  // The page has stopped loading: "Loading…" must not stay next to the failure (a failure after the person was
  // known keeps "Signed in as …").
  const who = document.getElementById('who')!;
  if (Object.values(VIEW_TEXT).some((words) => who.textContent === words.loading)) who.textContent = '';
  showError(error);
  document.body.dataset.ready = 'error';
});
