import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createTeamsWebhookSender, digestToTeamsMessage, TEAMS_MESSAGE_BYTES_MAX } from './teams-webhook.js';

/** A digest whose own texts (not its posts) are over the budget: a very long name or overview link. */
const oversized = () => ({
  ...hostileDigest(),
  greeting: `Hi ${'A'.repeat(30_000)},`,
});
const tooLarge = expect.objectContaining({
  code: 'LIMIT_EXCEEDED',
  message: expect.stringMatching(/Teams.*even without posts/),
  details: expect.objectContaining({ limit: TEAMS_MESSAGE_BYTES_MAX, what: expect.any(String) }),
});

describe('a Teams card over the size budget even with no posts listed', () => {
  it('is a LIMIT_EXCEEDED error, not a card that Teams refuses with 413 (or a 200 saying so)', () => {
    expect(() => digestToTeamsMessage(oversized())).toThrow(tooLarge);
    expect(() =>
      digestToTeamsMessage({
        ...hostileDigest(),
        overviewUrl: `https://intranet.example/${'x'.repeat(25_000)}`,
      }),
    ).toThrow(tooLarge);
  });

  it('the sender refuses it before any request', async () => {
    const { fetch, requests } = recordingFetch([{ status: 202 }]);
    const teams = createTeamsWebhookSender({
      webhookUrl: 'https://example.webhook.office.example/hook',
      fetch,
    });
    await expect(teams.send(oversized())).rejects.toThrow(tooLarge);
    expect(requests).toHaveLength(0);
  });
});

describe('a Teams card whose post has very long texts', () => {
  type Block = { type: string; text?: string; items?: Block[]; facts?: { value: string }[] };
  const body = (message: ReturnType<typeof digestToTeamsMessage>) =>
    (message.attachments[0]!.content as { body: Block[] }).body;
  const withPost = (item: Partial<ReturnType<typeof hostileDigest>['items'][number]>) => {
    const base = hostileDigest();
    return digestToTeamsMessage({ ...base, items: [{ ...base.items[0]!, ...item }] });
  };

  it('lists the post with its texts cut, not none of it (“1 more post”), and stays within the budget', () => {
    const message = withPost({ title: 'Vacature '.repeat(2_000), excerpt: '中'.repeat(30_000) });
    const [post, ...rest] = body(message).filter((block) => block.type === 'Container');
    expect(rest).toEqual([]);
    const [title, excerpt] = post!.items!;
    expect(title!.text).toMatch(/^Vacature .*…( · nieuw)?$/);
    expect(title!.text!.length).toBeLessThan(720);
    expect(excerpt!.text).toBe(`${'中'.repeat(699)}…`);
    expect(JSON.stringify(body(message))).not.toMatch(/more|meer/);
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES_MAX);
  });

  /** A text of up to about 20,000 characters: one piece (Markdown's characters, emoji, accents, CJK) repeated whole. */
  const longText = fc
    .tuple(fc.constantFrom('Vacature ', '*_[]()#', '👩‍👩‍👧‍👦', 'e\u0301 ', '中文'), fc.nat(20_000))
    .map(([piece, length]) => piece.repeat(Math.max(1, Math.ceil(length / piece.length))));

  test.prop([longText, longText, longText, longText], { numRuns: 40 })(
    'always lists the post within the budget, never cutting inside an emoji or between a letter and its accent',
    (title, campaignName, excerpt, deadline) => {
      const message = withPost({ title, campaignName, excerpt, deadline });
      expect(body(message).filter((block) => block.type === 'Container')).toHaveLength(1);
      expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES_MAX);
      expect(JSON.stringify(message)).not.toMatch(/\\ud83d"|👩‍…|e…/);
    },
  );
});
