// The link tracker on its own, as docs/tracked-links.md shows it: a tracked link for a share, and the attribution
// of a click on it. Pure: runs in the browser and Node. The secret comes from the environment, as in src/main.ts.
// #region track
import { createLinkTracker } from '@social-shift/core/links';

const tracker = createLinkTracker({ secret: process.env.LINK_SECRET! /* ≥ 32 bytes */ });

/** When a publisher shares: the link they post, and the token that stands for them. */
export async function linkForAShare() {
  const { url, sharerToken } = await tracker.track({
    organisationId: 'org_acme',
    link: 'https://example.org/jobs',
    platform: 'linkedin',
    campaignId: 'campaign_1',
    postId: 'post_1',
    publisherId: 'person_7',
  });
  // https://example.org/jobs?utm_source=linkedin&utm_medium=social&utm_campaign=campaign_1&utm_content=post_1&ss_ref=…&ss_sig=…
  return { url, sharerToken };
}

/** When someone clicks it: what the click is about. */
export async function attributionOf(incomingUrl: string) {
  const attribution = await tracker.resolve(incomingUrl, { organisationId: 'org_acme' });
  // { organisationId, campaignId, postId, platform, sharerToken, destination }
  return attribution;
}
// #endregion track
