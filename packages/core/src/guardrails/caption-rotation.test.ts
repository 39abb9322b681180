import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { captionsFor, rotateCaptions } from './caption-rotation.js';

const post = {
  text: 'Basistekst',
  variants: [
    { platform: 'linkedin' as const, text: 'LinkedIn A' },
    { platform: 'x' as const, text: 'X A' },
    { platform: 'linkedin' as const, text: 'LinkedIn B' },
    { platform: 'linkedin' as const, text: 'LinkedIn C' },
  ],
};

describe('rotateCaptions', () => {
  it('gives neighbouring publishers different captions', () => {
    const captions = rotateCaptions(post, 'linkedin', ['p1', 'p2', 'p3', 'p4']);
    expect([...captions.values()]).toEqual(['LinkedIn A', 'LinkedIn B', 'LinkedIn C', 'LinkedIn A']);
  });

  it.each([
    ['a hole', Object.assign(new Array<string>(3), { 0: 'p1', 2: 'p3' }), 1],
    ['an empty id', ['p1', ''], 1],
    ['a number', [7], 0],
  ])('refuses a list of publishers with %s, naming where', (_, ids, at) => {
    expect(() => rotateCaptions(post, 'linkedin', ids as string[])).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ issues: [expect.objectContaining({ path: [at] })] }),
      }),
    );
  });

  it('falls back to the base text for a platform without variants', () => {
    expect(captionsFor(post, 'bluesky')).toEqual(['Basistekst']);
    expect(rotateCaptions(post, 'bluesky', ['p1']).get('p1')).toBe('Basistekst');
  });

  test.prop([fc.uniqueArray(fc.stringMatching(/^p[0-9]{1,4}$/), { maxLength: 60 })])(
    'uses every variant about equally (counts differ by at most one)',
    (publishers) => {
      const counts = new Map<string, number>();
      for (const caption of rotateCaptions(post, 'linkedin', publishers).values()) {
        counts.set(caption, (counts.get(caption) ?? 0) + 1);
      }
      const values = [...counts.values()];
      if (values.length > 0) expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    },
  );
});
