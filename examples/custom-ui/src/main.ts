// The custom UI's entry point: the SDK with IndexedDB storage, in the browser, with no server behind it.
import { indexedDbStorage } from '@social-shift/adapters/indexeddb';
import { createSocialShift, isSocialShiftError, type RoleAssignment } from '@social-shift/core';
import { seedDemoProgramme } from './demo-programme.js';
import { renderPublisherView, showError, speak } from './publisher-view.js';
import { browserLanguage, VIEW_TEXT } from './view-text.js';

const SIGNED_IN = 'social-shift-example:publisher-id';

// #region create
const storage = indexedDbStorage({ databaseName: 'social-shift-custom-ui' });
const shift = createSocialShift({ storage, organisationId: 'org_korenschoof' });
// #endregion create

/** The demo's publisher when the programme is stored already (seeded by another tab, whose note is not here yet). */
async function storedPublisher(): Promise<string | undefined> {
  const assignments = await storage.query(shift.organisationId, 'role_assignment');
  const publisher = assignments
    .map((doc) => doc.data as Partial<RoleAssignment>)
    .find((assignment) => assignment.role === 'publisher' && !assignment.revokedAt);
  return publisher?.personId;
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
    const publisherId =
      (await remembered()) ??
      (await storedPublisher()) ??
      (await seedDemoProgramme(shift, new Date())).publisherId;
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

// A failure to start (site data blocked, a private window without IndexedDB, a full disk) is said in the browser's
// language, with what to do.
start().catch((error: unknown) => {
  // The page has stopped loading: "Loading…" must not stay next to the failure (a failure after the person was
  // known keeps "Signed in as …").
  const who = document.getElementById('who')!;
  if (Object.values(VIEW_TEXT).some((words) => who.textContent === words.loading)) who.textContent = '';
  showError(error);
  document.body.dataset.ready = 'error';
});
