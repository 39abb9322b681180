import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { validateAdaptiveCard } from './adaptive-card-schema.js';
import type { Digest } from './digest.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createTeamsWebhookSender, digestToTeamsMessage, TEAMS_MESSAGE_BYTES_MAX } from './teams-webhook.js';

/** A digest of `count` posts with the longest texts the SDK allows: 200-character titles and campaign names. */
function heavyDigest(count: number, char: string): Digest {
  const base = hostileDigest();
  return {
    ...base,
    language: 'en',
    items: Array.from({ length: count }, (_, i) => ({
      offerId: `offer_${i}`,
      title: `${i} ${char.repeat(190)}`,
      excerpt: `${char.repeat(159)}…`,
      campaignName: char.repeat(200),
      isNew: i % 2 === 0,
      deadline: 'Share before 28 November',
      openUrl: `https://intranet.example/offers/${'x'.repeat(150)}/${i}`,
    })),
  };
}

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

describe('the Teams message stays within what a Teams webhook takes (about 28 KB)', () => {
  for (const [name, char] of [
    ['Chinese text (3 bytes a character in UTF-8)', '中'],
    ['Markdown characters (escaped, then JSON-escaped)', '*'],
  ] as const) {
    it(`leaves posts out, and counts them, rather than send a card Teams refuses: ${name}`, () => {
      const message = digestToTeamsMessage(heavyDigest(20, char));
      expect(bytes(message)).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES_MAX);
      const json = JSON.stringify(message);
      const shown = (json.match(/"type":"Container"/g) ?? []).length;
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(20);
      expect(json).toContain(`And ${20 - shown} more post`);
      // Soonest expiry first: what is shown is the start of the list.
      expect(json).toContain(`"0 ${char === '*' ? '\\\\*' : char}`);
      expect(validateAdaptiveCard(message.attachments[0].content)).toEqual([]);
    });
  }

  it('names its charset, so the webhook does not read the body as UTF-16 (which halves its size limit)', async () => {
    const { fetch, requests } = recordingFetch([{ status: 200, body: 1 }]);
    await createTeamsWebhookSender({ webhookUrl: 'https://example.webhook.office.example/hook', fetch }).send(
      heavyDigest(3, 'a'),
    );
    expect(requests[0]?.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('still lists 20 ordinary posts', () => {
    const base = hostileDigest();
    const digest: Digest = {
      ...base,
      language: 'en',
      items: Array.from({ length: 25 }, (_, i) => ({
        offerId: `offer_${i}`,
        title: 'Nieuwe vacature: senior verpleegkundige op de afdeling cardiologie',
        excerpt: `${'Kom werken in een team dat zorg en aandacht centraal zet. '.repeat(3).slice(0, 159)}…`,
        campaignName: 'Werken bij het Ziekenhuis 2026',
        isNew: true,
        deadline: 'Deel vóór 28 november',
        openUrl: `https://intranet.ziekenhuis.example/ambassadeurs/aanbod/offer_01HXYZ${i}`,
      })),
    };
    const json = JSON.stringify(digestToTeamsMessage(digest));
    expect((json.match(/"type":"Container"/g) ?? []).length).toBe(20);
    expect(json).toContain('And 5 more posts.');
  });
});
