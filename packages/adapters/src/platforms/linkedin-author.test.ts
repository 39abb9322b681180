import { isSocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';

// The member id that LinkedIn's /v2/userinfo gives as `sub` is not an author: the Posts API wants a URN, and refused
// such a post with a 422 that the error only quoted, after the request.
describe("createLinkedInPublisher's author option", () => {
  const base = { accessToken: 'tok-1', version: '202601' };

  for (const author of [
    '782bbtaQ',
    'person:782bbtaQ',
    ' urn:li:person:782bbtaQ',
    'urn:li:person:782bbtaQ\n',
    'urn:li:person:',
  ]) {
    it(`refuses ${JSON.stringify(author)} as VALIDATION naming author, before any request`, () => {
      const { fetch, requests } = recordingFetch([
        { status: 201, headers: { 'x-restli-id': 'urn:li:share:1' } },
      ]);
      let error: unknown;
      try {
        createLinkedInPublisher({ ...base, author, fetch });
      } catch (caught) {
        error = caught;
      }
      expect(isSocialShiftError(error, 'VALIDATION')).toBe(true);
      if (!isSocialShiftError(error, 'VALIDATION')) return;
      expect(error.details.issues?.[0]?.path).toEqual(['author']);
      expect(error.message).toContain('urn:li:person:');
      expect(requests).toHaveLength(0);
    });
  }

  it('posts as a person or an organisation given by URN', async () => {
    for (const author of ['urn:li:person:782bbtaQ', 'urn:li:organization:2414183']) {
      const { fetch, requests } = recordingFetch([
        { status: 201, headers: { 'x-restli-id': 'urn:li:share:1' } },
      ]);
      await createLinkedInPublisher({ ...base, author, fetch }).publish({ text: 'Hallo' });
      expect(requests[0]?.body).toMatchObject({ author });
    }
  });
});
