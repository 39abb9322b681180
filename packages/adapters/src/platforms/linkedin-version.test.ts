import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';

// A missing `version`, or `202601` given as a number, was refused with "LinkedIn-Version must be YYYYMM, e.g.
// 202601.": it named no option (the option is `version`), and told the caller who gave 202601 to give 202601.
describe("createLinkedInPublisher's version option", () => {
  const { fetch } = recordingFetch([]);
  const base = { author: 'urn:li:person:abc', accessToken: 't', fetch };
  const refusal = (version: unknown) => {
    try {
      createLinkedInPublisher({ ...base, version } as Parameters<typeof createLinkedInPublisher>[0]);
    } catch (error) {
      return error as { code: string; message: string; details: { issues: { path: string[] }[] } };
    }
    throw new Error('accepted');
  };

  it('names the option and says what is missing when there is none', () => {
    const error = refusal(undefined);
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues[0]?.path).toEqual(['version']);
    expect(error.message).toMatch(/^version: /);
    expect(error.message).toMatch(/give/i);
  });

  it('says that a number must be given as text', () => {
    const error = refusal(202601);
    expect(error.message).toMatch(/^version: /);
    expect(error.message).toContain("'202601'");
    expect(error.message).toContain('a number');
  });

  it('shows what it got for text of another form', () => {
    expect(refusal('2026-01').message).toMatch(/^version: .*got "2026-01"/);
  });

  it('takes six digits', () => {
    expect(createLinkedInPublisher({ ...base, version: '202601' }).platform).toBe('linkedin');
  });
});
