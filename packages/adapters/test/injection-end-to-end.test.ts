// User text from the SDK (names, titles, post texts, campaign names) carried all the way into what goes out: share
// links and mailto links, the digest e-mail (HTML, text, subject), Slack blocks and Teams cards. Named injection
// payloads, each of which must arrive as inert text.

import { buildDigest, renderDigestEmail } from '@social-shift/adapters/digest';
import { buildMimeMessage } from '@social-shift/adapters/email';
import { buildShareLink, SHARE_INTENTS } from '@social-shift/adapters/share-links';
import { digestToSlackBlocks } from '@social-shift/adapters/slack';
import { digestToTeamsMessage, validateAdaptiveCard } from '@social-shift/adapters/teams';
import { isoNow, PLATFORMS } from '@social-shift/core';
import { aRunningCampaign, createTestProgramme } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';

/** Payloads that try to become markup, a link, a formula, a mention or an extra header. */
const PAYLOADS = {
  title: '"><script>alert("title")</script>',
  text: [
    '<img src=x onerror=alert(1)>',
    '[click me](javascript:alert(1))',
    '<javascript:alert(1)|click>',
    '<!channel> <@U123> *bold* _it_',
    '=HYPERLINK("https://evil.example","x")',
    '&lt;already escaped&gt; &amp;',
    '${{7*7}} {{constructor.constructor("alert(1)")()}}',
  ].join('\n'),
  name: '<b onmouseover=alert(1)>Piet</b>',
  campaign: "'><svg onload=alert(1)> & co",
};

async function hostileProgramme() {
  const world = await createTestProgramme();
  const { shift, people, pillarId } = world;
  await shift.as(people.master).people.update(people.publisher, { displayName: PAYLOADS.name });
  const post = await shift.as(people.editor).posts.create({
    title: PAYLOADS.title,
    text: PAYLOADS.text,
    link: 'https://example.org/ward?a=1&b=2',
    pillarIds: [pillarId],
  });
  await shift.as(people.editor).posts.submit(post.id);
  await shift.as(people.master).posts.approve(post.id);
  await aRunningCampaign(world, [post.id]);
  return world;
}

describe('user text from the SDK, into everything that goes out', () => {
  it('stays text in the digest e-mail, its subject, Slack and Teams', async () => {
    const world = await hostileProgramme();
    const recipients = await world.shift.system.digestRecipients();
    const mine = recipients.find((r) => r.person.id === world.people.publisher);
    expect(mine?.person.displayName).toBe(PAYLOADS.name);
    const digest = buildDigest({
      publisherName: mine!.person.displayName,
      language: 'en',
      frequency: 'daily',
      now: isoNow(world.clock),
      waiting: mine!.waiting.map(({ offer, post }) => ({
        offer,
        post,
        campaignName: PAYLOADS.campaign,
        openUrl: `https://intranet.example/offers/${offer.id}`,
      })),
    });
    expect(digest).toBeDefined();
    const email = renderDigestEmail(digest!);
    for (const raw of ['<script', '<img', '<b ', '<svg']) expect(email.html).not.toContain(raw);
    const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.subject).not.toMatch(/[\r\n]/);
    const mime = buildMimeMessage({
      from: 'programme@zorggroep.example',
      to: ['piet@zorggroep.example'],
      subject: `${email.subject}\r\nBcc: victim@example.org`,
      text: email.text,
      html: email.html,
    });
    const headers = mime.split(/\r\n\r\n/)[0] ?? '';
    expect(headers).not.toMatch(/^Bcc:/im);

    const slack = JSON.stringify(digestToSlackBlocks(digest!));
    expect(slack).not.toMatch(/<!channel>|<@U123>|<javascript:/);
    const teams = digestToTeamsMessage(digest!);
    expect(validateAdaptiveCard(teams.attachments[0].content)).toEqual([]);
    expect(JSON.stringify(teams)).not.toContain('](javascript:');
  });

  it('stays inside its parameter in every share link and mailto link', async () => {
    const world = await hostileProgramme();
    const [offer] = await world.shift.as(world.people.publisher).offers.mine();
    const share = await world.shift
      .as(world.people.publisher)
      .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 'k' });
    const text = `${offer!.post.title}\r\nBcc: victim@example.org\n${offer!.post.text}`;
    for (const platform of PLATFORMS) {
      if (platform === 'instagram') continue;
      const link = buildShareLink(platform, {
        text,
        url: share.trackedUrl!,
        mastodonInstance: 'social.example',
        fit: false,
      });
      const href = link.href!;
      expect(href, platform).not.toMatch(/[\s<>"]/);
      if (platform === 'email') {
        const query = new URLSearchParams(href.slice('mailto:?'.length).replace(/\+/g, '%2B'));
        expect([...query.keys()]).toEqual(['subject', 'body']);
        expect(href.startsWith('mailto:?')).toBe(true);
        continue;
      }
      const parsed = new URL(href);
      const base = SHARE_INTENTS[platform].base?.replace('{instance}', 'social.example');
      expect(`${parsed.origin}${parsed.pathname}`, platform).toBe(base);
      const keys = [...parsed.searchParams.keys()];
      expect(new Set(keys).size, platform).toBe(keys.length);
      // No parameter came out of the user text, and the tracked link arrives exactly as recorded.
      for (const key of keys) expect(key, platform).toMatch(/^[a-z]+$/);
      const values = [...parsed.searchParams.values()];
      expect(
        values.some((value) => value === share.trackedUrl || value.endsWith(share.trackedUrl!)),
        platform,
      ).toBe(true);
    }
  });
});
