// Access, portability and retention, as docs/privacy.md shows them.
import { createSocialShift, type SocialShift, type StoragePort } from '@social-shift/core';

/** Everything the programme holds about a person, as a JSON file to hand over. */
export async function exportPersonFile(shift: SocialShift, personId: string): Promise<string> {
  // #region export-person
  const data = await shift.as(personId).privacy.exportPerson(personId);
  const file = JSON.stringify(data, null, 2); // hand it over as a file
  // #endregion export-person
  return file;
}

/** A retention policy in the SDK's configuration, applied by the scheduler and by a social master. */
export async function applyRetention(storage: StoragePort, organisationId: string, masterId: string) {
  // #region retention
  const shift = createSocialShift({
    storage,
    organisationId,
    config: { retention: { platformEventDays: 90 } },
  });
  // the scheduler, daily, as the service:
  const done = await shift.system.applyRetention(); // { before, removed, idempotencyRecords, summaries }
  // or a social master, now, with a policy of their own:
  const own = await shift.as(masterId).privacy.applyRetention({ platformEventDays: 30 });
  // #endregion retention
  return { done, own };
}
