// The helper every accessibility check relies on (`axeViolations`): it must find what fails, or the checks that
// expect none would pass on any page. A page with one violation of each kind it reports: a serious or critical one
// (an image without a text alternative, a button without a name) and the two rules that fail whatever their impact
// (a heading that skips a level, a table header without text); and a page with none.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, e2eEnabled, launchChromium } from './browser';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>axe</title></head><body><main>${body}</main></body></html>`;

describe.skipIf(!e2eEnabled)('axeViolations', () => {
  let browser: Browser;
  let tab: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    tab = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reports the serious and critical violations and the rules that always fail, naming their elements', async () => {
    await tab.setContent(
      page(
        '<h1>Title</h1><h4 id="skipped">Skips two levels</h4><img id="bare" src="data:,">' +
          '<button id="nameless"></button>' +
          '<table><tr><th id="blank"></th><th>Reach</th></tr><tr><td>1</td><td>2</td></tr></table>',
      ),
    );
    const found = await axeViolations(tab);
    expect(Object.fromEntries(found.map((v) => [v.id, v.targets]))).toEqual({
      'image-alt': ['#bare'],
      'button-name': ['#nameless'],
      'heading-order': ['#skipped'],
      'empty-table-header': ['#blank'],
    });
    expect(found.find((v) => v.id === 'image-alt')).toMatchObject({ impact: 'critical' });
  });

  it('reports nothing on a page without violations, also when run twice on it', async () => {
    await tab.setContent(
      page('<h1>Title</h1><h2>Part</h2><img src="data:," alt="A dot"><button>Save</button>'),
    );
    expect(await axeViolations(tab)).toEqual([]);
    expect(await axeViolations(tab)).toEqual([]);
  });
});
