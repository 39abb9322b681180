import { isSocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';

// LinkedIn serves each LinkedIn-Version for about a year; after that every request is refused with
// 426 NONEXISTENT_VERSION. The error only quoted that answer, without naming the option that fixes it.
describe('a LinkedIn-Version that LinkedIn no longer serves', () => {
  const sunset = {
    status: 426,
    body: { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 20250101 is not active' },
  };

  it('is a PLATFORM error that names the version option and says nothing was posted, after one request', async () => {
    const { fetch, requests } = recordingFetch([sunset]);
    const linkedin = createLinkedInPublisher({
      author: 'urn:li:person:abc',
      accessToken: 'tok-1',
      version: '202501',
      fetch,
    });
    let error: unknown;
    try {
      await linkedin.publish({ text: 'Hallo', link: 'https://example.org/jobs' });
    } catch (caught) {
      error = caught;
    }
    expect(isSocialShiftError(error, 'PLATFORM')).toBe(true);
    if (!isSocialShiftError(error, 'PLATFORM')) return;
    expect(error.message).toContain("version '202501'");
    expect(error.message).toMatch(/nothing was posted/);
    expect(error.message).toContain('NONEXISTENT_VERSION');
    expect(error.details).toMatchObject({ platform: 'linkedin', status: 426 });
    expect(error.details.maybeDelivered).toBeUndefined();
    expect(requests).toHaveLength(1);
  });
});
