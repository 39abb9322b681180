// The link tracker wired into the SDK, as docs/tracked-links.md shows it: shares get tracked links, and a
// fetch-style handler (Request in, Response out) behind the links records each click and redirects. src/clicks.ts
// does the same on node:http, with short links.
// #region wiring
import { createSocialShift, type StoragePort } from '@social-shift/core';
import { createGuardrailPolicy, type ShareGuardrails } from '@social-shift/core/guardrails';
import { createLinkTracker, recordTrackedClick } from '@social-shift/core/links';

export function createTrackedProgramme(storage: StoragePort, guardrails: ShareGuardrails) {
  const links = createLinkTracker({ secret: process.env.LINK_SECRET! });
  const shift = createSocialShift({
    storage,
    organisationId: 'org_acme',
    links,
    sharePolicy: createGuardrailPolicy(guardrails),
  });

  // offers.share now records shares whose trackedUrl and sharerToken come from the tracker.
  // In the service behind the links:
  async function handleClick(request: Request): Promise<Response> {
    const requestId = request.headers.get('x-request-id') ?? crypto.randomUUID();
    const { attribution } = await recordTrackedClick(shift, links, { url: request.url, clickId: requestId });
    return Response.redirect(attribution.destination, 302);
  }
  return { shift, handleClick };
}
// #endregion wiring
