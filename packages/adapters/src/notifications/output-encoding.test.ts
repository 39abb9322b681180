import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { validateAdaptiveCard } from './adaptive-card-schema.js';
import type { Digest } from './digest.js';
import { renderDigestEmail } from './digest-email.js';
import { escapeHtml } from './html-escape.js';
import { digestToSlackBlocks } from './slack-webhook.js';
import { digestToTeamsMessage } from './teams-webhook.js';

const text = fc.string({ unit: 'grapheme', maxLength: 80 });
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>', 'https://ok.example/"><script>'),
  text,
);

const digestArb: fc.Arbitrary<Digest> = fc.record({
  language: fc.constantFrom('nl' as const, 'en' as const),
  frequency: fc.constantFrom('daily' as const, 'weekly' as const),
  subject: text,
  greeting: text,
  intro: text,
  items: fc.array(
    fc.record({
      offerId: fc.constant('offer_1'),
      title: text,
      excerpt: text,
      campaignName: fc.option(text, { nil: undefined }),
      isNew: fc.boolean(),
      deadline: fc.option(text, { nil: undefined }),
      openUrl: fc.option(url, { nil: undefined }),
    }),
    { minLength: 1, maxLength: 4 }, // a digest lists at least one post (none: buildDigest returns undefined)
  ),
  openLabel: text,
  overviewLabel: text,
  overviewUrl: fc.option(url, { nil: undefined }),
  footer: text,
});

/** The same digest with every user text replaced by a harmless word: the markup the template itself makes. */
function benign(digest: Digest): Digest {
  return {
    ...digest,
    subject: 'x',
    greeting: 'x',
    intro: 'x',
    openLabel: 'x',
    overviewLabel: 'x',
    footer: 'x',
    items: digest.items.map((item) => ({
      ...item,
      title: 'x',
      excerpt: 'x',
      campaignName: item.campaignName === undefined ? undefined : 'x',
      deadline: item.deadline === undefined ? undefined : 'x',
    })),
  };
}

const tags = (html: string): string[] => [...html.matchAll(/<\/?([a-z!]+)/gi)].map((m) => m[1] as string);

describe('no user text breaks out of its place', () => {
  test.prop([fc.string()])('escapeHtml leaves no markup characters', (s) => {
    expect(escapeHtml(s)).not.toMatch(/[<>"']/);
  });

  test.prop([digestArb], { numRuns: 200 })(
    'e-mail HTML has exactly the template’s tags, whatever the text',
    (digest) => {
      const { html } = renderDigestEmail(digest);
      expect(tags(html)).toEqual(tags(renderDigestEmail(benign(digest)).html));
      expect(html).not.toMatch(/href="(?!https?:|mailto:)/);
    },
  );

  test.prop([digestArb], { numRuns: 200 })(
    'Slack mrkdwn carries no raw < or > from user text (no links, no mentions)',
    (digest) => {
      const message = digestToSlackBlocks(digest);
      // The top-level text is mrkdwn: the notification and the fallback show it with links and mentions.
      const mrkdwn: string[] = [message.text];
      JSON.stringify(message.blocks, (key, value: unknown) => {
        if (
          key === 'text' &&
          typeof value === 'object' &&
          value !== null &&
          (value as { type?: string }).type === 'mrkdwn'
        ) {
          mrkdwn.push((value as { text: string }).text);
        }
        if (key === 'elements' && Array.isArray(value))
          for (const e of value as { type: string; text: string }[])
            if (e.type === 'mrkdwn') mrkdwn.push(e.text);
        return value;
      });
      expect(mrkdwn.length).toBeGreaterThan(1);
      for (const t of mrkdwn) expect(t).not.toMatch(/[<>]/);
    },
  );

  test.prop([digestArb], { numRuns: 200 })(
    'the Teams card is a valid Adaptive Card for any digest',
    (digest) => {
      expect(validateAdaptiveCard(digestToTeamsMessage(digest).attachments[0].content)).toEqual([]);
    },
  );
});
