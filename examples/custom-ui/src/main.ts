// The custom UI's entry point: the SDK with IndexedDB storage, in the browser, with no server behind it.
import { indexedDbStorage } from '@social-shift/adapters/indexeddb';
import { createSocialShift, isSocialShiftError } from '@social-shift/core';
import { seedDemoProgramme } from './demo-programme.js';
import { renderPublisherView } from './publisher-view.js';

const SIGNED_IN = 'social-shift-example:publisher-id';

// #region create
const storage = indexedDbStorage({ databaseName: 'social-shift-custom-ui' });
const shift = createSocialShift({ storage, organisationId: 'org_korenschoof' });
// #endregion create

async function start(): Promise<void> {
  // The first visit creates a demo programme in this browser; later visits find it in IndexedDB.
  let publisherId = localStorage.getItem(SIGNED_IN);
  if (!publisherId) {
    ({ publisherId } = await seedDemoProgramme(shift, new Date()));
    localStorage.setItem(SIGNED_IN, publisherId);
  }
  await renderPublisherView(shift, publisherId);
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  const status = document.getElementById('status')!;
  status.textContent = isSocialShiftError(error) ? `${error.code}: ${error.message}` : String(error);
  document.body.dataset.ready = 'error';
});
