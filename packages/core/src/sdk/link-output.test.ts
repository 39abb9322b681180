import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UrlSchema } from '../model/primitives.js';
import { aRunningCampaign, createTestProgramme } from '../testing/programme.js';

/** Payloads that try to leave a URL: into HTML, Markdown, a CSV cell, another scheme. */
const INJECTIONS = [
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://example.org/"><script>alert(1)</script>',
  'https://example.org/<img src=x onerror=alert(1)>',
  'https://example.org/a b',
  'https://example.org/`backtick`',
  'https://example.org/\\evil',
  'https://example.org/\u0000',
  'https://example.org/\r\nSet-Cookie: a=b',
  'https://example.org/\uD800',
  '=HYPERLINK("https://evil.example")',
  'mailto:someone@example.org?body=<script>',
];

describe('links that end up in share URLs, HTML, Markdown and CSV', () => {
  it.each(INJECTIONS)('refuses %j as a post link', async (link) => {
    const { shift, people, pillarId } = await createTestProgramme();
    const error = await shift
      .as(people.editor)
      .posts.create({ title: 'Hi', text: 'Hello', pillarIds: [pillarId], link })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION' });
    const paths = (error as { details: { issues: { path: unknown[] }[] } }).details.issues.map((i) => i.path);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toEqual(['link']);
  });

  it('accepts only URLs that hold no character able to end an attribute or a link', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
        (url) => {
          if (UrlSchema.safeParse(url).success) {
            expect(url).toMatch(/^https?:\/\//);
            expect(url).not.toMatch(/[\s"<>`\\]/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives every share a tracked URL that is itself a safe absolute URL', async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId } = world;
    const post = await shift.as(people.editor).posts.create({
      title: 'Hi',
      text: 'Hello',
      pillarIds: [pillarId],
      link: "https://example.org/o'brien?q=a%20b&x=(1)#top",
    });
    await shift.as(people.editor).posts.submit(post.id);
    await shift.as(people.master).posts.approve(post.id);
    await aRunningCampaign(world, [post.id]);
    const [offer] = await shift.as(people.publisher).offers.mine();
    const share = await shift
      .as(people.publisher)
      .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 'k' });
    expect(UrlSchema.safeParse(share.trackedUrl).success).toBe(true);
  });
});
