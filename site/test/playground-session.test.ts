// The Playground's sample organisation, without a browser: a social master to act as, a campaign running now and
// past ones with their posts, and a year of history that ends before today.
import { parseExportBundle } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { sampleBundle, sampleStart } from '../src/islands/sample';

describe('the Playground’s sample organisation', () => {
  const now = Date.parse('2026-11-26T12:00:00.000Z');
  const bundle = sampleBundle(now);
  const docs = (type: string) =>
    (bundle.documents[type as keyof typeof bundle.documents] ?? []) as Record<string, unknown>[];

  it('has a social master to act as, whose person record exists, and is a valid export bundle', () => {
    const masters = docs('role_assignment').filter((r) => r.role === 'master' && r.revokedAt === undefined);
    expect(masters).toHaveLength(1);
    expect(docs('person').some((p) => p.id === masters[0]?.personId)).toBe(true);
    expect(() => parseExportBundle(bundle)).not.toThrow();
  });

  it('has a campaign running now with posts on offer, and past campaigns with their posts', () => {
    const running = docs('campaign').filter((c) => c.status === 'running');
    expect(running).toHaveLength(1);
    const onOffer = new Set(
      docs('post')
        .filter((p) => p.status === 'offered')
        .map((p) => p.id),
    );
    expect(((running[0]?.postIds ?? []) as string[]).filter((id) => onOffer.has(id)).length).toBeGreaterThan(
      0,
    );
    const past = docs('campaign').filter((c) => c.status === 'evaluated' || c.status === 'completed');
    expect(past.length).toBeGreaterThan(6);
    for (const campaign of past) expect((campaign.postIds as string[]).length).toBeGreaterThan(0);
  });

  it('starts its year of history so that it ends before today', () => {
    expect(sampleStart(now)).toBe('2025-11-25');
  });
});
