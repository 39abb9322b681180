import { describe, expect, it } from 'vitest';
import { hostileDigest } from './fixtures.test-support.js';
import { digestToSlackBlocks } from './slack-webhook.js';

/** Every mrkdwn text object in the blocks, however deep. */
function mrkdwnObjects(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) mrkdwnObjects(v, found);
  else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    if (object.type === 'mrkdwn') found.push(object);
    for (const v of Object.values(object)) mrkdwnObjects(v, found);
  }
  return found;
}

describe('Slack mrkdwn with user text', () => {
  it('asks Slack not to parse plain text into mentions, channel links or links (verbatim)', () => {
    const base = hostileDigest();
    const digest = {
      ...base,
      intro: 'Zeg het voort @channel @here #algemeen https://evil.example',
      items: base.items.map((item) => ({ ...item, title: '@everyone kijk', excerpt: '@channel #random' })),
    };
    const objects = mrkdwnObjects(digestToSlackBlocks(digest).blocks);
    expect(objects.length).toBeGreaterThan(3);
    for (const object of objects) expect(object).toMatchObject({ type: 'mrkdwn', verbatim: true });
  });
});
