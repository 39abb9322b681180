// Runs the code the docs show (src/guide/, copied into README.md, docs/commands.md, docs/privacy.md and
// docs/tracked-links.md by `pnpm docs:generate`), and checks what its comments promise.

import { finishMetrics, foldEvents } from '@social-shift/core/metrics';
import { createReport } from '@social-shift/core/reports';
import {
  anApprovedPost,
  aPost,
  aProgramme,
  aRunningCampaign,
  aStrategy,
  createTestProgramme,
} from '@social-shift/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reviewAPost, reviewQueue, saveThePostForm, shareTheNewestOffer } from '../src/guide/commands.js';
import { createTrackedProgramme } from '../src/guide/links-in-the-sdk.js';
import { applyRetention, exportPersonFile } from '../src/guide/privacy.js';
import { pseudonymousReport } from '../src/guide/pseudonymous-report.js';
import { strategyAtAGlance } from '../src/guide/strategy-at-a-glance.js';
import { checkDraft } from '../src/guide/strategy-check.js';

const LINK_SECRET = 'a-test-secret-of-at-least-32-bytes!!';

beforeEach(() => {
  vi.stubEnv('LINK_SECRET', LINK_SECRET);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the README', () => {
  it('first taste: the listener hears an approval, and the labels are Dutch', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { shift } = await import('../src/guide/first-taste.js');
    const { labels } = await import('@social-shift/core/labels');
    expect(labels('nl').steps.strategy.name).toBe('Strategie');

    const { masterId } = await shift.setup({
      organisation: { name: 'Acme' },
      programme: { name: 'Social Shift' },
      master: { displayName: 'Mira' },
    });
    const editor = await shift.as(masterId).people.add({ displayName: 'Eddie' });
    await shift.as(masterId).people.assignRole(editor.id, { role: 'editor' });
    const post = await shift.as(editor.id).posts.create({ title: 'Hello', text: 'Hello world' });
    await shift.as(editor.id).posts.submit(post.id);
    await shift.as(masterId).posts.approve(post.id);
    expect(log).toHaveBeenCalledWith('approved', post.id);
  });

  it("strategy at a glance (docs/strategy-and-overlap.md): findings, coverage, a post's score and the balance", () => {
    const strategy = aStrategy();
    const pillar = strategy.pillars[0]?.id ?? '';
    const posts = [aPost({ id: 'post_1', pillarIds: [pillar] }), aPost({ id: 'post_2', pillarIds: [] })];
    const glance = strategyAtAGlance(strategy, aProgramme(), posts[0] ?? aPost(), posts);
    expect(glance.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(glance.coverage).toBeDefined();
    expect(glance.score.subject).toMatchObject({ kind: 'post', id: 'post_1' });
    expect(glance.score.overall).toBeGreaterThan(0);
    expect(glance.view.overlapShare).toBeGreaterThanOrEqual(0);
    expect(glance.view.overlapShare).toBeLessThanOrEqual(1);
  });

  it('strategy check: findings for an incoherent strategy, and an overlap score for a draft', () => {
    const coherent = checkDraft(aStrategy(), aProgramme());
    expect(coherent.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(coherent.score.overall).toBeGreaterThanOrEqual(0);
    expect(coherent.score.overall).toBeLessThanOrEqual(1);
    expect(coherent.score.factors.length).toBeGreaterThan(0);

    const { findings } = checkDraft(aStrategy({ goals: [] }), aProgramme());
    expect(findings.map((finding) => finding.code)).toContain('NO_GOALS');
    expect(findings[0]?.message.nl).toBeTruthy();
    expect(findings[0]?.message.en).toBeTruthy();
  });
});

describe('docs/commands.md', () => {
  it("an editor's review queue holds the posts in review and the contributions submitted, and no others", async () => {
    const { shift, people, pillarId } = await createTestProgramme();
    const editor = shift.as(people.editor);
    const draft = await editor.posts.create({ title: 'Draft', text: 'Not yet', pillarIds: [pillarId] });
    const inReview = await editor.posts.create({ title: 'Ready', text: 'Look', pillarIds: [pillarId] });
    await editor.posts.submit(inReview.id);
    const creator = shift.as(people.creator);
    const idea = await creator.contributions.create({ kind: 'photo', title: 'Dawn', pillarIds: [pillarId] });
    await creator.contributions.create({ kind: 'photo', title: 'Later', pillarIds: [pillarId] });
    await creator.contributions.submit(idea.id);
    const queue = await reviewQueue(shift, people.editor);
    expect(queue.posts.map((p) => p.id)).toEqual([inReview.id]);
    expect(queue.contributions.map((c) => c.id)).toEqual([idea.id]);
    expect(queue.posts.map((p) => p.id)).not.toContain(draft.id);
    // A publisher reads no posts or contributions: an empty queue, not an error.
    expect(await reviewQueue(shift, people.publisher)).toEqual({ posts: [], contributions: [] });
  });

  it("an edit form saved late keeps another editor's change to another field, and refuses one to the same field", async () => {
    const { shift, people } = await createTestProgramme();
    const other = (await shift.as(people.master).people.add({ displayName: 'Olga' })).id;
    await shift.as(people.master).people.assignRole(other, { role: 'editor' });
    const loaded = await shift.as(people.editor).posts.create({ title: 'Old title', text: 'Old text' });
    // Another editor fixes the title while this one's form is open.
    await shift.as(other).posts.update(loaded.id, { title: 'Fixed title' });
    // A plain update of the whole form would put the old title back, without a word.
    const saved = await saveThePostForm(shift, people.editor, loaded, {
      title: loaded.title,
      text: 'New text',
    });
    expect(saved).toMatchObject({ title: 'Fixed title', text: 'New text' });
    // A field both changed is refused, and nothing is written.
    const refused = await saveThePostForm(shift, people.editor, loaded, { title: 'Mine' }).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'Changed meanwhile: title.' });
    expect(await shift.as(people.editor).posts.get(loaded.id)).toMatchObject({
      title: 'Fixed title',
      version: saved.version,
    });
    // Nothing changed: nothing is written.
    expect(await saveThePostForm(shift, people.editor, saved, { title: saved.title })).toBe(saved);
  });

  it('sets up the organisation once, with its first social master', async () => {
    const { shift, masterId } = await import('../src/guide/set-up.js');
    expect(shift.organisationId).toBe('org_zorg');
    expect(await shift.as(masterId).people.roles(masterId)).toEqual([
      expect.objectContaining({ role: 'master' }),
    ]);
  });

  it("runs in the page's order: the set-up gives the pillar and the editor that acting as a person uses", async () => {
    const { shift, masterId, editorId } = await import('../src/guide/set-up.js');
    expect(await shift.as(masterId).people.roles(editorId)).toEqual([
      expect.objectContaining({ role: 'editor' }),
    ]);
    const { post, allowed } = await reviewAPost(shift, editorId, masterId);
    expect((await shift.as(masterId).posts.get(post.id)).status).toBe('approved');
    expect(allowed).toEqual(['SCHEDULE', 'WITHDRAW', 'ARCHIVE']);
  });

  it('in what order: who consents while a campaign runs is not offered its posts at once; a pause and resume offers them', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const campaignId = await aRunningCampaign(world, [await anApprovedPost(world)]);
    const late = (await shift.as(people.master).people.add({ displayName: 'Lotte Late' })).id;
    await shift.as(people.master).people.assignRole(late, { role: 'publisher' });
    await shift.as(people.master).people.invite(late);
    await shift.as(late).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
    expect(await shift.as(late).offers.mine()).toEqual([]);

    await shift.as(people.master).campaigns.pause(campaignId);
    await shift.as(people.master).campaigns.resume(campaignId);
    expect(await shift.as(late).offers.mine()).toHaveLength(1);
  });

  it('in what order: the next due run offers a campaign that runs its posts to who consented meanwhile', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const late = (await shift.as(people.master).people.add({ displayName: 'Lotte Late' })).id;
    await shift.as(people.master).people.assignRole(late, { role: 'publisher' });
    await shift.as(people.master).people.invite(late);
    await shift.as(late).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
    expect(await shift.as(late).offers.mine()).toEqual([]);

    await shift.system.runDueTransitions();
    expect(await shift.as(late).offers.mine()).toHaveLength(1);
  });

  it('a post goes through four-eyes review, and allowedEvents says what its author may do next', async () => {
    const { shift, people } = await createTestProgramme();
    const { post, allowed } = await reviewAPost(shift, people.editor, people.master);
    expect((await shift.as(people.master).posts.get(post.id)).status).toBe('approved');
    expect(allowed).toEqual(['SCHEDULE', 'WITHDRAW', 'ARCHIVE']);
  });

  it('a publisher shares what is on offer, once per idempotency key, and a click is counted once', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    expect(await shareTheNewestOffer(shift, people.publisher)).toBeUndefined();

    const { post } = await reviewAPost(shift, people.editor, people.master);
    await aRunningCampaign(world, [post.id]);
    const share = await shareTheNewestOffer(shift, people.publisher);
    expect(share?.platform).toBe('linkedin');
    expect((await shareTheNewestOffer(shift, people.publisher))?.id).toBe(share?.id);
    const [mine] = await shift.as(people.publisher).offers.myShares();
    expect(mine?.share.id).toBe(share?.id);
    expect(mine?.figures.clicks).toBe(1);
  });
});

describe('docs/privacy.md', () => {
  it('exports everything about a person as a JSON file', async () => {
    const { shift, people } = await createTestProgramme();
    const file = JSON.parse(await exportPersonFile(shift, people.publisher));
    expect(JSON.stringify(file)).toContain('Piet Publisher');
  });

  it('reports without names, with the same figures', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const { post } = await reviewAPost(shift, people.editor, people.master);
    await aRunningCampaign(world, [post.id]);
    await shareTheNewestOffer(shift, people.publisher);

    const report = await pseudonymousReport(shift, new Uint8Array(32).fill(7));
    const text = JSON.stringify(report);
    expect(text).not.toContain('Piet Publisher');
    expect(report.figures.summary.shares.value).toBe(1);
    expect(report.figures.summary.clicks.value).toBe(1);
    const named = createReport(finishMetrics(foldEvents(await shift.readEvents())), { language: 'nl' });
    expect(report.figures.summary).toEqual(named.figures.summary);
  });

  it('applies the configured retention policy, and a social master’s own', async () => {
    const { storage, people } = await createTestProgramme();
    const { done, own } = await applyRetention(storage, 'org_acme', people.master);
    expect(done).toEqual(expect.objectContaining({ removed: expect.any(Number) }));
    expect(own).toEqual(expect.objectContaining({ removed: expect.any(Number) }));
  });
});

describe('docs/tracked-links.md', () => {
  it('tracks a link and resolves a click on it back to its attribution', async () => {
    const { linkForAShare, attributionOf } = await import('../src/guide/track-a-link.js');
    const { url = '', sharerToken } = await linkForAShare(); // a post with a link gets a tracked one
    expect(url).toMatch(
      /^https:\/\/example\.org\/jobs\?utm_source=linkedin&utm_medium=social&utm_campaign=campaign_1&utm_content=post_1&ss_ref=[\w-]{22}&ss_sig=/,
    );
    expect(await attributionOf(url)).toEqual({
      organisationId: 'org_acme',
      campaignId: 'campaign_1',
      postId: 'post_1',
      platform: 'linkedin',
      sharerToken,
      destination: 'https://example.org/jobs',
    });
    await expect(attributionOf(url.replace('post_1', 'post_2'))).rejects.toMatchObject({
      code: 'INVALID_LINK',
    });
  });

  it('wired into the SDK: shares get tracked links, and a click on one is recorded once and redirects', async () => {
    const world = await createTestProgramme();
    world.clock.set(Date.now()); // the tracked programme runs on the system clock
    const { shift, handleClick } = createTrackedProgramme(world.storage, { blockedWords: ['competitor'] });
    await aRunningCampaign(world, [await anApprovedPost(world)]); // a post with a link
    const share = await shareTheNewestOffer(shift, world.people.publisher);
    expect(share?.trackedUrl).toContain('ss_sig=');

    const click = () =>
      handleClick(new Request(share?.trackedUrl ?? '', { headers: { 'x-request-id': 'request-1' } }));
    const response = await click();
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://example.org/ward');
    await click(); // a retried request
    const [mine] = await shift.as(world.people.publisher).offers.myShares();
    // shareTheNewestOffer recorded one click itself (its own idempotency key), the link one more.
    expect(mine?.figures.clicks).toBe(2);

    expect((await handleClick(new Request('https://example.org/ward?ss_ref=x'))).status).toBe(404);
  });

  it('wired into the SDK: a preview fetcher and a visitor of a publisher who withdrew consent go on uncounted', async () => {
    // As the page says: a platform drawing its preview card is no click, and the visitor of a link whose publisher
    // no longer consents to tracking still gets the page (the snippet once counted the one and refused the other).
    const world = await createTestProgramme();
    world.clock.set(Date.now());
    const { shift, handleClick } = createTrackedProgramme(world.storage, {});
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const share = await shareTheNewestOffer(shift, world.people.publisher);
    const clicks = async () =>
      (await world.shift.readEvents()).filter((e) => e.type === 'platform.click').length;
    const before = await clicks();
    const visit = (headers: Record<string, string>) =>
      handleClick(new Request(share?.trackedUrl ?? '', { headers }));

    const preview = await visit({
      'user-agent': 'LinkedInBot/1.0 (compatible; Mozilla/5.0; +http://www.linkedin.com)',
    });
    expect(preview.headers.get('location')).toBe('https://example.org/ward');
    expect(await clicks()).toBe(before);

    await shift.as(world.people.publisher).people.withdrawConsent();
    const visitor = await visit({ 'x-request-id': 'request-2' });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get('location')).toBe('https://example.org/ward');
    expect(await clicks()).toBe(before);
  });
});
