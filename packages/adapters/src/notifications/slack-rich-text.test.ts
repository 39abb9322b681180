import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createSlackWebhookSender } from './slack-webhook.js';

type Text = { type: string; text: string; style?: Record<string, boolean> };
type Block = { type: string; elements?: { type: string; elements: Text[] }[] };

/** The blocks of the JSON the sender posts for a digest. */
async function postedBlocks(digest: ReturnType<typeof hostileDigest>): Promise<Block[]> {
  const { fetch, requests } = recordingFetch([{ status: 200 }]);
  await createSlackWebhookSender({ webhookUrl: 'https://hooks.slack.example/services/T/B/X', fetch }).send(
    digest,
  );
  return (requests[0]?.body as { blocks: Block[] } | undefined)?.blocks ?? [];
}

describe('a Slack post whose texts hold mrkdwn characters', () => {
  it('sends the title bold as written: a * in it can neither end the bold nor format the rest', async () => {
    const base = hostileDigest();
    const digest = {
      ...base,
      items: [
        {
          ...base.items[0]!,
          title: 'Top 5* hotels & *vet* <https://evil.example|klik>',
          campaignName: 'snake_case_ campagne',
          excerpt: 'Prijs ~50 euro, ~10% korting, `code` en > citaat',
        },
      ],
    };
    const blocks = await postedBlocks(digest);
    expect(blocks[2]).toEqual({
      type: 'rich_text',
      elements: [
        {
          type: 'rich_text_section',
          elements: [
            {
              type: 'text',
              text: 'Top 5* hotels & *vet* <https://evil.example|klik>',
              style: { bold: true },
            },
            { type: 'text', text: ' · nieuw' },
            { type: 'text', text: '\nsnake_case_ campagne', style: { italic: true } },
            { type: 'text', text: '\nPrijs ~50 euro, ~10% korting, `code` en > citaat' },
            { type: 'text', text: '\nDeel vóór 28 november' },
          ],
        },
      ],
    });
    expect(blocks[3]).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Bekijk en deel' },
          url: 'https://intranet.example/offers/1?a=1&b=%222%22',
        },
      ],
    });
  });

  test.prop([fc.string({ minLength: 1, maxLength: 200 }), fc.string({ maxLength: 300 })])(
    'every title and excerpt reaches the message as written, the title alone in bold',
    async (title, excerpt) => {
      const base = hostileDigest();
      const blocks = await postedBlocks({ ...base, items: [{ ...base.items[1]!, title, excerpt }] });
      const texts = blocks[2]?.elements?.[0]?.elements ?? [];
      expect(texts[0]).toEqual({ type: 'text', text: title, style: { bold: true } });
      expect(texts.slice(1)).toEqual(excerpt === '' ? [] : [{ type: 'text', text: `\n${excerpt}` }]);
    },
  );

  it('never sends an empty text element, which Slack refuses', async () => {
    const base = hostileDigest();
    const blocks = await postedBlocks({
      ...base,
      items: [{ ...base.items[1]!, title: '', excerpt: '', campaignName: undefined, deadline: undefined }],
    });
    expect(blocks[2]?.elements?.[0]?.elements).toEqual([{ type: 'text', text: '…' }]);
  });
});
