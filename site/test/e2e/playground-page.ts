// Helpers for the Playground's e2e tests: open it, wait until it has settled, click and wait, act as a person, find
// a row.
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { baseUrl } from './browser';

/** The Playground in each language. */
export const languages = [
  { lang: 'nl', path: '/playground/' },
  { lang: 'en', path: '/en/playground/' },
] as const;

/** Waits until the Playground is ready and runs no command. */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('#playground[data-ready]:not([data-busy])', { timeout: 120_000 });
}

/**
 * Opens the Playground at `path` in a fresh browser context (1280 × 900, plus `options`) and waits until it has
 * settled; `errors` collects the page's uncaught errors. Close the context when done.
 */
export async function openPlayground(
  browser: Browser,
  path: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl()}${path}`);
    await settled(page);
    return { context, page, errors };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Clicks and waits until the command it runs has settled. */
export async function click(page: Page, target: Locator): Promise<void> {
  await target.click();
  await settled(page);
}

/** Acts as the first person whose option in the "act as" list matches; returns their id. */
export async function actAs(
  page: Page,
  role: string,
  filter?: (text: string, value: string) => boolean,
): Promise<string> {
  const options = await page.$$eval(`[data-testid="act-as"] option[data-role="${role}"]`, (els) =>
    els.map((el) => ({ value: (el as HTMLOptionElement).value, text: el.textContent ?? '' })),
  );
  const chosen = options.find((o) => (filter ? filter(o.text, o.value) : true));
  if (!chosen) throw new Error(`nobody to act as with role ${role}`);
  await page.selectOption('[data-testid="act-as"]', chosen.value);
  await settled(page);
  return chosen.value;
}

/** The display name of the person acted as (the option's text before " — "). */
export async function actorName(page: Page): Promise<string> {
  const text = await page.$eval(
    '[data-testid="act-as"]',
    (select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
  );
  return text.split(' — ')[0]!.replace(/ \(.*\)$/, '');
}

/** The first row of a table (by `data-testid`) that holds `text`. */
export const row = (page: Page, table: string, text: string) =>
  page.locator(`[data-testid="${table}"] tbody tr`, { hasText: text }).first();

/** The text of the refusal shown (empty when the last command succeeded). */
export const alertText = async (page: Page) =>
  (await page.textContent('[data-testid="error-message"]')) ?? '';

/** The text of the notice that a file chosen for import while something else ran was not imported (or empty). */
export const busyNoticeText = async (page: Page) =>
  (await page.textContent('[data-testid="busy-notice"]')) ?? '';

/**
 * Offers a new post to every publisher, as the Playground's people would: an editor writes it and submits it, a
 * social master approves it (four eyes), the editor puts it in a campaign and starts it.
 */
export async function offerNewPost(page: Page, title: string): Promise<void> {
  const campaign = await campaignOfNewPost(page, title);
  await click(page, row(page, 'campaigns', campaign).locator('button[data-event="SCHEDULE"]'));
  const start = row(page, 'campaigns', campaign).locator('button[data-event="START"]');
  if ((await start.count()) > 0) await click(page, start);
  const failed = await alertText(page);
  if (failed) throw new Error(`offering "${title}" failed: ${failed}`);
}

/**
 * A draft campaign, starting now, of a new post: an editor writes it and submits it, a social master approves it
 * (four eyes), the editor puts it in a campaign. Returns the campaign's name; the editor is acted as.
 */
export async function campaignOfNewPost(page: Page, title: string): Promise<string> {
  const editor = await actAs(page, 'editor');
  const form = page.getByTestId('post-form');
  await form.locator('input[name="title"]').fill(title);
  await form
    .locator('textarea[name="text"]')
    .fill('Een dag op de afdeling, door de ogen van een verpleegkundige.');
  await click(page, form.getByTestId('save-post'));
  await click(page, row(page, 'posts', title).locator('button[data-event="SUBMIT"]'));
  await actAs(page, 'master');
  await click(page, row(page, 'posts', title).locator('button[data-event="APPROVE"]'));
  await page.selectOption('[data-testid="act-as"]', editor);
  await settled(page);
  const campaign = `${title} (campagne)`;
  await page.fill('[data-testid="campaign-form"] input[name="name"]', campaign);
  await page.locator('[data-testid="campaign-form"] label', { hasText: title }).locator('input').check();
  await click(page, page.locator('[data-testid="campaign-form"] button[type="submit"]'));
  const failed = await alertText(page);
  if (failed) throw new Error(`a campaign of "${title}" failed: ${failed}`);
  return campaign;
}

/** Acts as each publisher in turn until one was offered the post; returns that publisher's id and offer. */
export async function publisherOffered(
  page: Page,
  title: string,
): Promise<{ publisher: string; offer: Locator }> {
  const publishers = await page.$$eval('[data-testid="act-as"] option[data-role="publisher"]', (els) =>
    els.map((el) => (el as HTMLOptionElement).value),
  );
  for (const publisher of publishers) {
    await page.selectOption('[data-testid="act-as"]', publisher);
    await settled(page);
    const offer = page.locator('[data-testid="offers"] > li', { hasText: title });
    if ((await offer.count()) > 0) return { publisher, offer: offer.first() };
  }
  throw new Error(`none of ${publishers.length} publishers was offered "${title}"`);
}

/** The text of the summary of the programme shown (empty while none is). */
export const summary = async (page: Page) => (await page.textContent('[data-testid="summary"]')) ?? '';

/** The names of the Playground's IndexedDB databases in this browser, sorted. */
export const playgroundDatabases = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((name) => name.startsWith('social-shift-playground'))
      .sort(),
  );

/** The database this browser remembers as the Playground's programme (`null` before the first visit). */
export const rememberedDatabase = (page: Page) =>
  page.evaluate(() => localStorage.getItem('social-shift-playground:database'));
