import { describe, expect, it } from 'vitest';
import { addUtmTags } from './add-utm-tags.js';
import type { UtmTags } from './utm.js';

const TAGS: UtmTags = { source: 'linkedin', campaign: 'campaign_1', content: 'post_1' };

/** The code, the path of the first issue and the message of what `run` throws. */
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, details, message } = error as {
      code?: string;
      details?: { issues?: { path: unknown[] }[] };
      message: string;
    };
    return { code, path: details?.issues?.[0]?.path, message };
  }
  throw new Error('expected a refusal');
};

describe('addUtmTags', () => {
  it('tags an absolute http:// or https:// link', () => {
    expect(addUtmTags('http://example.org/a', TAGS)).toBe(
      'http://example.org/a?utm_source=linkedin&utm_medium=social&utm_campaign=campaign_1&utm_content=post_1',
    );
  });

  it.each([
    ['a link that is no URL', 'not a url'],
    ['a relative link', '/jobs'],
    ['a javascript: link', 'javascript:alert(1)//'],
    ['a data: link', 'data:text/html,<script>alert(1)</script>'],
    ['a mailto: link', 'mailto:jobs@example.org'],
    ['no link', undefined],
  ])('refuses %s with VALIDATION on link, instead of a TypeError or a tagged link', (_, link) => {
    expect(refusal(() => addUtmTags(link as string, TAGS))).toEqual({
      code: 'VALIDATION',
      path: ['link'],
      message: 'Invalid link to tag: link: Use an absolute http:// or https:// URL.',
    });
  });

  it.each([
    ['no tags', undefined, ['tags']],
    ['tags that are a string', 'linkedin', ['tags']],
    ['no source', { campaign: 'c', content: 'p' }, ['tags', 'source']],
    ['a source that is no platform', { ...TAGS, source: 'myspace' }, ['tags', 'source']],
    ['no campaign', { source: 'linkedin', content: 'p' }, ['tags', 'campaign']],
    ['an empty campaign', { ...TAGS, campaign: '' }, ['tags', 'campaign']],
    ['a campaign that is a number', { ...TAGS, campaign: 7 }, ['tags', 'campaign']],
    ['no content', { source: 'linkedin', campaign: 'c' }, ['tags', 'content']],
    ['an empty content', { ...TAGS, content: '' }, ['tags', 'content']],
  ])('refuses %s with VALIDATION naming the field, instead of writing "undefined"', (_, tags, path) => {
    const error = refusal(() => addUtmTags('https://example.org', tags as unknown as UtmTags));
    expect(error.code).toBe('VALIDATION');
    expect(error.path).toEqual(path);
    expect(error.message).toMatch(new RegExp(`^Invalid link to tag: ${path.join('\\.')}: (Use|Pass) `));
  });

  it('says which platforms a source may be, and what campaign and content hold', () => {
    expect(
      refusal(() => addUtmTags('https://example.org', { ...TAGS, source: 'x ' as never })).message,
    ).toMatch(/tags\.source: Use one of linkedin, .*\.$/);
    expect(refusal(() => addUtmTags('https://example.org', { ...TAGS, content: '' })).message).toBe(
      'Invalid link to tag: tags.content: Use a non-empty string: the post id.',
    );
  });
});
