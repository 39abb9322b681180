import { describe, expect, it } from 'vitest';
import { aContribution, aPost } from '../testing/factories.js';
import { hashtagsOf, subjectFromContribution, subjectFromDraft, subjectFromPost } from './overlap-subject.js';

describe('overlap subjects', () => {
  it('maps a post field by field', () => {
    expect(subjectFromPost(aPost())).toEqual({
      kind: 'post',
      id: 'post_1',
      pillarIds: ['pillar_work'],
      goalIds: ['goal_recruit'],
      audienceIds: ['aud_nurses'],
      tags: ['care'],
      needs: ['relationships'],
      personal: true,
    });
  });

  it('maps a contribution to its pillars and tags only', () => {
    expect(subjectFromContribution(aContribution())).toEqual({
      kind: 'contribution',
      id: 'contrib_1',
      pillarIds: ['pillar_work'],
      goalIds: [],
      audienceIds: [],
      tags: ['care'],
      needs: [],
      personal: false,
    });
  });

  it('takes the hashtags of a draft as lower-case tags, each once, after its own tags', () => {
    const subject = subjectFromDraft({
      text: 'Werken in de #Zorg? #zorg #nacht-dienst, #2026!',
      tags: ['care'],
    });
    expect(subject.tags).toEqual(['care', 'zorg', 'nacht-dienst', '2026']);
    expect(subject).toMatchObject({ kind: 'draft', pillarIds: [], personal: false });
    expect('id' in subject).toBe(false);
  });

  it("reads a draft's own tags as the model writes tags: composed and lower-cased, each once", () => {
    // Interests are stored as `zorg` and `café`: a tag picked as `Zorg`, or typed with a combining accent, must match.
    const subject = subjectFromDraft({ text: 'Hallo #zorg', tags: ['Zorg', 'cafe\u0301', 'café'] });
    expect(subject.tags).toEqual(['zorg', 'café']);
  });

  it.each([
    ['null', null, [], "Invalid draft: (root): Use an object such as { text: 'Onze #nachtdienst' }."],
    [
      'a string',
      'Onze #nachtdienst',
      [],
      "Invalid draft: (root): Use an object such as { text: 'Onze #nachtdienst' }.",
    ],
    ['a list', [], [], "Invalid draft: (root): Use an object such as { text: 'Onze #nachtdienst' }."],
    [
      'a draft without text',
      { tags: ['zorg'] },
      ['text'],
      "Invalid draft: text: Give the text typed so far, a string ('' before anything is typed).",
    ],
  ])('refuses %s as a draft with VALIDATION naming it, not a TypeError', (_, draft, path, message) => {
    expect(() => subjectFromDraft(draft as never)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message,
        details: expect.objectContaining({ input: 'draft', issues: [expect.objectContaining({ path })] }),
      }),
    );
  });

  it.each([
    ['pillarIds', { pillarIds: 'pillar_work' }, ['pillarIds'], "Use a list of strings, such as ['zorg']"],
    ['goalIds', { goalIds: 'goal_recruit' }, ['goalIds'], "Use a list of strings, such as ['zorg']"],
    [
      'audienceIds',
      { audienceIds: 'aud_nurses' },
      ['audienceIds'],
      "Use a list of strings, such as ['zorg']",
    ],
    ['tags', { tags: 'zorg' }, ['tags'], "Use a list of strings, such as ['zorg']"],
    ['tags', { tags: [7] }, ['tags'], "Use a list of strings, such as ['zorg']"],
    ['needs', { needs: 'knowledge' }, ['needs'], "Use a list of strings, such as ['zorg']"],
    [
      'needs',
      { needs: ['knowledge', 'Kennis'] },
      ['needs', 1],
      'Use one of stance, relationships, belonging, inspiration, knowledge',
    ],
    ['personal', { personal: 'false' }, ['personal'], 'Use true or false'],
  ])(
    "refuses a draft's %s that a form gave in another shape with VALIDATION naming it (%j)",
    (_, fields, path, message) => {
      // A single choice gives a string: read as the list of its letters, it named ids that do not exist, silently.
      expect(() => subjectFromDraft({ text: 'Onze #nachtdienst', ...fields } as never)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: `Invalid draft: ${path.join('.')}: ${message}.`,
          details: expect.objectContaining({ input: 'draft', issues: [expect.objectContaining({ path })] }),
        }),
      );
    },
  );

  it('takes a draft whose lists and personal angle are left undefined or given in their shapes', () => {
    const subject = subjectFromDraft({
      text: '',
      tags: ['zorg'],
      pillarIds: ['pillar_work'],
      goalIds: [],
      audienceIds: undefined,
      needs: ['knowledge'],
      personal: false,
    });
    expect(subject).toMatchObject({ pillarIds: ['pillar_work'], needs: ['knowledge'], personal: false });
  });

  it('finds no hashtag in a bare "#" or in an anchor-less text', () => {
    expect(hashtagsOf('# kop, C# en een mail#')).toEqual([]);
    expect(hashtagsOf('Geen tags hier.')).toEqual([]);
  });

  it('reads an accent typed as a combining mark (NFD, as text pasted from some editors is) as the same tag', () => {
    // An interest is stored composed ("café", the tag format has no combining marks): a draft must match it.
    expect(hashtagsOf('Koffie in het #cafe\u0301 van #Ziekenhuis')).toEqual(['café', 'ziekenhuis']);
  });

  it('takes no tag from a link fragment, an HTML entity or the middle of a word', () => {
    expect(
      hashtagsOf(
        'Solliciteer via https://example.org/jobs#apply, example.org/#team, 1&#39;s of zorg#avond #echt',
      ),
    ).toEqual(['echt']);
  });

  it('reads a hashtag across the soft hyphens that hyphenating editors put in long words', () => {
    // U+00AD is invisible: the reader sees #wijkverpleging, not #wijk followed by "verpleging".
    expect(hashtagsOf('Trots op onze #wijk\u00adverpleeg\u00adkundigen!')).toEqual(['wijkverpleegkundigen']);
  });

  it('reads hashtags with accented letters', () => {
    expect(hashtagsOf('#Café #zorgverleners')).toEqual(['café', 'zorgverleners']);
  });
});
