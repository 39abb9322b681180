import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { validateAdaptiveCard } from './adaptive-card-schema.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createSlackWebhookSender, digestToSlackBlocks } from './slack-webhook.js';
import { createTeamsWebhookSender, digestToTeamsMessage } from './teams-webhook.js';

describe('Slack Block Kit digest', () => {
  it('escapes Slack control characters so user text cannot form links or mentions, and skips unsafe links', () => {
    const message = digestToSlackBlocks(hostileDigest());
    const json = JSON.stringify(message.blocks);
    expect(json).not.toMatch(/<@U123>|<script|<img|javascript:/);
    expect(json).toContain('&lt;@U123&gt;');
    const buttons = message.blocks.filter((b) => b.accessory !== undefined);
    expect(buttons).toHaveLength(1);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Deze week: 2 berichten <b>wachten</b>' },
    });
  });

  it('posts { text, blocks } to the webhook', async () => {
    const { fetch, requests } = recordingFetch([{ status: 200 }]);
    await createSlackWebhookSender({ webhookUrl: 'https://hooks.slack.example/services/T/B/X', fetch }).send(
      hostileDigest(),
    );
    expect(requests[0]?.body).toMatchObject({ text: 'Deze week: 2 berichten &lt;b&gt;wachten&lt;/b&gt;' });
    expect(() => createSlackWebhookSender({ webhookUrl: 'http://insecure.example', fetch })).toThrow(/https/);
  });
});

describe('Teams Adaptive Card digest', () => {
  it('is a valid Adaptive Card per the published schema', () => {
    const message = digestToTeamsMessage(hostileDigest());
    expect(validateAdaptiveCard(message.attachments[0].content)).toEqual([]);
  });

  it('escapes Markdown so user text cannot become a link or a list, and drops unsafe links', () => {
    const json = JSON.stringify(digestToTeamsMessage(hostileDigest()));
    expect(json).not.toContain('[klik](https://evil.example)');
    expect(json).toContain('\\\\[klik\\\\]\\\\(https://evil.example\\\\)');
    expect(json).toContain('\\\\- lijst\\n1\\\\. genummerd');
    expect(json).not.toContain('javascript:');
  });

  it('posts the card message to the webhook', async () => {
    const { fetch, requests } = recordingFetch([{ status: 200 }]);
    await createTeamsWebhookSender({ webhookUrl: 'https://example.webhook.office.example/hook', fetch }).send(
      hostileDigest(),
    );
    expect(requests[0]?.body).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }],
    });
  });
});

/**
 * Microsoft's own Adaptive Cards SDK (`adaptivecards`, the reference JavaScript renderer) as a second, independent
 * check: its parser reports unknown element and action types and invalid enum values, and `validateProperties()`
 * reports missing required properties such as `Action.OpenUrl.url`. Only the UMD bundle loads in Node (see ADR 052).
 */
interface AdaptiveCardsSdk {
  readonly AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { readonly validationEvents: readonly { readonly message: string }[] };
  };
  readonly SerializationContext: new () => {
    readonly eventCount: number;
    getEventAt(index: number): { readonly message: string };
  };
}
const sdk = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsSdk;

function microsoftParserProblems(card: unknown): string[] {
  const parsed = new sdk.AdaptiveCard();
  const context = new sdk.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}

describe('Teams card against the Microsoft Adaptive Cards SDK parser', () => {
  it('parses the digest card without a single warning or validation event', () => {
    const card = digestToTeamsMessage(hostileDigest()).attachments[0].content;
    expect(microsoftParserProblems(card)).toEqual([]);
  });

  // Each mutation breaks the real digest card in one way; both Microsoft's parser and our validator must see it.
  const mutations: readonly [string, (card: { body: Record<string, unknown>[] }) => void, RegExp][] = [
    ['an unknown element type', (c) => c.body.push({ type: 'Carousell', pages: [] }), /Unknown element type/],
    [
      'a weight outside the enum',
      (c) => Object.assign(c.body[0] ?? {}, { weight: 'Heavy' }),
      /Invalid value/,
    ],
    ['a size outside the enum', (c) => Object.assign(c.body[1] ?? {}, { size: 'Huge' }), /Invalid value/],
    [
      'an unknown action type',
      (c) => c.body.push({ type: 'ActionSet', actions: [{ type: 'Action.Explode', title: 'x' }] }),
      /Unknown action type/,
    ],
    [
      'an Action.OpenUrl without url',
      (c) => c.body.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'x' }] }),
      /"url" must be set/,
    ],
  ];
  for (const [name, mutate, expected] of mutations) {
    it(`rejects a card with ${name}, as our validator does`, () => {
      const card = structuredClone(digestToTeamsMessage(hostileDigest()).attachments[0].content) as {
        body: Record<string, unknown>[];
      };
      mutate(card);
      expect(microsoftParserProblems(card).join('\n')).toMatch(expected);
      expect(validateAdaptiveCard(card)).not.toEqual([]);
    });
  }
});

describe('validateAdaptiveCard', () => {
  it('reports unknown types, unknown or missing properties, bad enums and bad URLs', () => {
    const issues = validateAdaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      colour: 'red',
      body: [
        { type: 'TextBlok', text: 'x' },
        { type: 'TextBlock', size: 'Huge' },
        { type: 'FactSet', facts: [{ title: 'a' }] },
      ],
      actions: [{ type: 'Action.OpenUrl', title: 'x', url: 'not a url' }],
    });
    expect(issues.map((i) => i.path)).toEqual([
      '$.colour',
      '$.body[0].type',
      '$.body[1].text',
      '$.body[1].size',
      '$.body[2].facts[0].value',
      '$.actions[0].url',
    ]);
    expect(validateAdaptiveCard({ type: 'AdaptiveCard' })).toEqual([
      { path: '$.version', message: 'is required: a version such as "1.5"' },
    ]);
  });
});

describe('Slack text limits', () => {
  const longDigest = (subject: string, intro: string) => ({
    ...hostileDigest(),
    subject,
    greeting: '',
    intro,
  });
  const header = (message: ReturnType<typeof digestToSlackBlocks>): string =>
    (message.blocks[0] as { text: { text: string } }).text.text;
  const introText = (message: ReturnType<typeof digestToSlackBlocks>): string =>
    (message.blocks[1] as { text: { text: string } }).text.text;

  it('cuts a long header at a code point boundary, never through a surrogate pair', () => {
    // 148 units, then an emoji whose halves sit at 148 and 149: a cut at 149 would leave a lone \ud83d.
    const text = header(digestToSlackBlocks(longDigest(`${'a'.repeat(148)}😀${'b'.repeat(10)}`, 'x')));
    expect(text).toBe(`${'a'.repeat(148)}…`);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(text.length).toBeLessThanOrEqual(150);
  });

  it('never cuts inside an escaped entity such as &amp;', () => {
    // The intro starts with a space (empty greeting); after escaping, `&amp;` straddles the 2999-unit cut.
    const intro = `${'a'.repeat(2996)}&${'b'.repeat(10)}`;
    const text = introText(digestToSlackBlocks(longDigest('s', intro)));
    expect(text).toBe(` ${'a'.repeat(2996)}…`);
    expect(text).not.toMatch(/&[a-z]*…$/);
    expect(text.length).toBeLessThanOrEqual(3000);
    // An entity that ends before the cut is kept whole.
    const kept = introText(digestToSlackBlocks(longDigest('s', `${'a'.repeat(2990)}&${'b'.repeat(20)}`)));
    expect(kept).toBe(` ${'a'.repeat(2990)}&amp;${'b'.repeat(3)}…`);
  });
});

describe('a digest with more posts than a chat message shows', () => {
  /** A digest of `count` posts, in `language`. */
  const bigDigest = (count: number, language: 'nl' | 'en') => {
    const base = hostileDigest();
    const item = base.items[0] as (typeof base.items)[number];
    return {
      ...base,
      language,
      overviewLabel: language === 'nl' ? 'Alle berichten' : 'All posts',
      items: Array.from({ length: count }, (_, i) => ({
        ...item,
        offerId: `offer_${i}`,
        title: `Post ${i}`,
      })),
    };
  };

  it('Slack says how many posts did not fit, and links the overview', () => {
    const message = digestToSlackBlocks(bigDigest(25, 'nl'));
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('Post 19');
    expect(json).not.toContain('Post 20');
    expect(json).toContain('En nog 5 berichten.');
    expect(message.blocks).toContainEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Alle berichten' },
          url: 'https://intranet.example/offers',
        },
      ],
    });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(digestToSlackBlocks(bigDigest(21, 'en')).blocks)).toContain('And 1 more post.');
    expect(JSON.stringify(digestToSlackBlocks(bigDigest(20, 'en')).blocks)).not.toMatch(/more post/);
  });

  it('Teams says how many posts did not fit, and the card stays valid', () => {
    const content = digestToTeamsMessage(bigDigest(22, 'en')).attachments[0].content;
    expect(JSON.stringify(content)).toContain('And 2 more posts.');
    expect(validateAdaptiveCard(content)).toEqual([]);
    expect(JSON.stringify(digestToTeamsMessage(bigDigest(20, 'nl')))).not.toContain('En nog');
  });
});
