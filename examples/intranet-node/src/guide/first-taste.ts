// The first taste of the SDK that the repository's README shows: an SDK instance on memory storage, a listener on
// its domain events, and the method's labels in Dutch. test/guide.test.ts imports it and approves a post.
// #region first-taste
import { createMemoryStorage, createSocialShift } from '@social-shift/core';
import { labels } from '@social-shift/core/labels';

const shift = createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_acme' });
shift.events.on('post.approved', (event) => console.log('approved', event.entityId));

labels('nl').steps.strategy.name; // 'Strategie'

// #endregion first-taste

export { shift };
