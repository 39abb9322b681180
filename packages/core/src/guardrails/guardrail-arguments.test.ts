// Calls without types (plain JavaScript, JSON from a form) that leave a field out get VALIDATION naming it, not a
// TypeError from deep inside the rules.
import { describe, expect, it } from 'vitest';
import type { ShareAttempt } from '../ports/share-policy.js';
import { captionsFor, rotateCaptions } from './caption-rotation.js';
import { checkGuardrails, createGuardrailPolicy } from './share-guardrails.js';
import { findNearIdenticalTexts, textSimilarity } from './text-similarity.js';

const attempt: ShareAttempt = {
  organisationId: 'org_1',
  publisherId: 'person_1',
  postId: 'post_1',
  campaignId: 'campaign_1',
  platform: 'linkedin',
  text: 'Wij zoeken een collega. #medewerker',
  at: '2026-11-26T10:00:00.000Z',
  timeZone: 'Europe/Amsterdam',
  previousShareTimes: [],
};

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { code?: string; details?: { issues?: { path: unknown[] }[] }; message: string };
  }
  throw new Error('expected a refusal');
};

describe('guardrail arguments', () => {
  it.each([
    ['text', { ...attempt, text: undefined }, ['text']],
    ['a text that is no string', { ...attempt, text: 42 }, ['text']],
    ['previousShareTimes', { ...attempt, previousShareTimes: undefined }, ['previousShareTimes']],
    ['the attempt', undefined, []],
  ])(
    'checkGuardrails and the policy refuse an attempt without %s with VALIDATION and its path',
    (_, bad, path) => {
      for (const run of [
        () =>
          checkGuardrails({ blockedWords: ['gratis'], maxSharesPerDay: 2 }, bad as unknown as ShareAttempt),
        () => createGuardrailPolicy({ requiredDisclosure: '#medewerker' })(bad as unknown as ShareAttempt),
      ]) {
        const error = refusal(run);
        expect(error.code).toBe('VALIDATION');
        expect(error.details?.issues?.[0]?.path).toEqual(path);
      }
    },
  );

  it.each([
    ['no post', undefined, ['text']],
    ['a post without variants', { text: 'Wij zoeken een collega.' }, ['variants']],
    ['a post whose text is no string', { text: null, variants: [] }, ['text']],
  ])('captionsFor and rotateCaptions refuse %s with VALIDATION and its path', (_, post, path) => {
    for (const run of [
      () => captionsFor(post as never, 'linkedin'),
      () => rotateCaptions(post as never, 'linkedin', ['p1']),
    ]) {
      const error = refusal(run);
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.[0]?.path).toEqual(path);
    }
  });

  it('rotateCaptions refuses publishers that are not a list with VALIDATION', () => {
    const post = { text: 'Wij zoeken een collega.', variants: [] };
    expect(refusal(() => rotateCaptions(post, 'linkedin', 'p1' as never)).code).toBe('VALIDATION');
  });

  it('textSimilarity refuses what is not two strings with VALIDATION', () => {
    const error = refusal(() => textSimilarity('Wij zoeken', undefined as unknown as string));
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.[0]?.path).toEqual([1]);
  });

  it('findNearIdenticalTexts refuses a list that is not one, or an entry without text, with VALIDATION', () => {
    expect(refusal(() => findNearIdenticalTexts(undefined as never)).code).toBe('VALIDATION');
    const error = refusal(() =>
      findNearIdenticalTexts([{ publisherId: 'p1', text: 'Wij zoeken' }, { publisherId: 'p2' } as never]),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.[0]?.path).toEqual([1]);
  });

  it('findNearIdenticalTexts refuses a hole in the list (which forEach skips) with VALIDATION naming it', () => {
    const planned = Object.assign(new Array(3), {
      0: { publisherId: 'p1', text: 'Wij zoeken' },
      2: { publisherId: 'p2', text: 'Wij zoeken' },
    });
    const error = refusal(() => findNearIdenticalTexts(planned, { minPublishers: 2 }));
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.[0]?.path).toEqual([1]);
  });

  it.each([
    ['null', null],
    ['without text', { platform: 'linkedin' }],
    ['a string', 'LinkedIn A'],
  ])('captionsFor and rotateCaptions refuse a variant that is %s with VALIDATION naming it', (_, variant) => {
    const post = { text: 'Basistekst', variants: [{ platform: 'x', text: 'X A' }, variant] };
    for (const run of [
      () => captionsFor(post as never, 'linkedin'),
      () => rotateCaptions(post as never, 'linkedin', ['p1']),
    ]) {
      const error = refusal(run);
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.[0]?.path).toEqual(['variants', 1]);
    }
  });

  it.each([[null], ['strict'], [0.8], [[]]])(
    'findNearIdenticalTexts refuses options of %j with VALIDATION on the options, not a TypeError',
    (options) => {
      const error = refusal(() => findNearIdenticalTexts([], options as never));
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.[0]?.path).toEqual([]);
      expect(error.message).toMatch(/^Invalid near-identical options: \(root\): Pass an object/);
    },
  );

  it('still checks a well-formed attempt (the checks refuse only what is missing)', () => {
    expect(checkGuardrails({ blockedWords: ['gratis'] }, attempt)).toEqual([]);
    expect(findNearIdenticalTexts([{ publisherId: 'p1', text: 'Wij zoeken' }])).toEqual([]);
  });
});
