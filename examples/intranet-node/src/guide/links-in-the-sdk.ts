// The link tracker wired into the SDK, as docs/tracked-links.md shows it: shares get tracked links, and a
// fetch-style handler (Request in, Response out) behind the links records each click and redirects. src/clicks.ts
// does the same on node:http, with short links.
// #region wiring
import { createSocialShift, isSocialShiftError, type StoragePort } from '@social-shift/core';
import { createGuardrailPolicy, type ShareGuardrails } from '@social-shift/core/guardrails';
import {
  createLinkTracker,
  isLinkPreview,
  recordTrackedClick,
  verifyTrackedClick,
} from '@social-shift/core/links';

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
    const url = request.url;
    // The id your proxy gives each request (a retried request is one click), else a new one. A client's own
    // x-request-id passed on unchecked could be reused on another link: src/clicks.ts adds a digest of the link.
    const clickId = request.headers.get('x-request-id') ?? crypto.randomUUID();
    try {
      // A platform drawing its preview card is no click: checked as one is, sent on, not counted.
      const { attribution } = isLinkPreview(request.headers.get('user-agent'))
        ? await verifyTrackedClick(shift, links, url)
        : await recordTrackedClick(shift, links, { url, clickId }).catch((error: unknown) => {
            // The publisher withdrew consent to tracking (or was erased): the visitor goes on, uncounted.
            if (isSocialShiftError(error, 'CONSENT_REQUIRED')) return verifyTrackedClick(shift, links, url);
            throw error;
          });
      return Response.redirect(attribution.destination, 302);
    } catch (error) {
      // Forged, edited or never shared: a page for the visitor, not an error for a program.
      if (isSocialShiftError(error, 'INVALID_LINK'))
        return new Response('This link does not work.', { status: 404 });
      throw error;
    }
  }
  return { shift, handleClick };
}
// #endregion wiring
