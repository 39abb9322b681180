// The guide docs/getting-started/demo-site.md describes this site: the names it quotes are the site's own, and
// what it says the Playground does is what the Playground does (buttons a role may not use stay visible, marked,
// and pressing one shows the SDK's refusal: the page hides nothing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n';
import { playgroundMessages } from '../src/messages/playground';

const guide = readFileSync(
  join(import.meta.dirname, '..', '..', 'docs', 'getting-started', 'demo-site.md'),
  'utf8',
);

describe('the guide to the demo site', () => {
  it('quotes the labels the site shows', () => {
    const en = playgroundMessages.en;
    for (const label of [en.actAs, en.reset, en.exportData, en.changedShow])
      expect(guide).toContain(`*${label}*`);
    expect(guide).toContain(`*${messages.nl.navLearn}*`);
    expect(guide).toContain(`*${messages.nl.navPlayground}*`);
  });

  it('does not say that a role sees only what it may do: the Playground shows the rest, marked', () => {
    expect(guide).not.toMatch(/sees only what their role allows/);
    expect(guide).toMatch(/stay visible/);
  });

  it('says where step 5 of the cycle is, and that the Dashboard shows representativeness', () => {
    expect(guide).toMatch(/step 5/i);
    expect(guide).toMatch(/representativeness/);
  });
});
