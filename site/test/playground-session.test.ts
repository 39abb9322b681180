// The Playground's seeding helpers, without a browser: the sample organisation always has a social master to
// act as, and its year of history ends before today.
import { parseExportBundle } from '@social-shift/core';
import { simulateExportBundle } from '@social-shift/core/simulation';
import { describe, expect, it } from 'vitest';
import { sampleStart, withSocialMaster } from '../src/islands/sample';

const small = () => simulateExportBundle({ seed: 3, people: 12, teams: 2, days: 30, events: 400 });
const masters = (bundle: ReturnType<typeof small>) =>
  (bundle.documents.role_assignment ?? []).filter((r) => (r as { role?: string }).role === 'master');

describe('the Playground’s sample organisation', () => {
  it('has a social master to act as, whose person record exists, and stays a valid export bundle', () => {
    const bundle = withSocialMaster(small());
    const [master] = masters(bundle) as { personId: string }[];
    expect(master).toBeDefined();
    expect(
      (bundle.documents.person ?? []).some((p: unknown) => (p as { id: string }).id === master!.personId),
    ).toBe(true);
    expect(() => parseExportBundle(bundle)).not.toThrow();
  });

  it('adds nothing when the bundle has a master already', () => {
    const once = withSocialMaster(small());
    expect(withSocialMaster(once)).toBe(once);
    expect(masters(withSocialMaster(once))).toHaveLength(1);
  });

  it('starts its year of history so that it ends before today', () => {
    const now = Date.parse('2026-11-26T12:00:00.000Z');
    expect(sampleStart(now)).toBe('2025-11-25');
  });
});
