// The diagrams of the Learn pages, as Chromium lays them out, in both languages: every label stays inside the
// drawing, no two labels overlap, and a label in a box (a step of the cycle or the funnel, a role) fits in its box.
// The Dutch headings of the overlap diagram once ran into each other ("…van de organisatie" over "Informatie…").
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled, launchChromium } from './browser';

interface Box {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly right: number;
  readonly bottom: number;
}

interface Layout {
  readonly viewBox: { readonly width: number; readonly height: number };
  readonly labels: readonly Box[];
  /** The labels drawn in a box (a `<g>` of a `<rect>` and a `<text>`), with that box. */
  readonly boxed: readonly { readonly label: Box; readonly box: Box }[];
}

const overlaps = (a: Box, b: Box) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;

describe.skipIf(!e2eEnabled)('the diagrams of the Learn pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.for(['/learn/overlap/', '/en/learn/overlap/'])(
    '%s draws the intents in the organisation’s circle, the needs in the audience’s, and good content in the overlap',
    async (path) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl()}${path}`);
        const misplaced = await page.$eval('[data-testid="overlap-diagram"]', (svg) => {
          const circles = [...svg.querySelectorAll<SVGCircleElement>('circle[data-side]')].map((c) => ({
            side: c.dataset.side,
            x: c.cx.baseVal.value,
            y: c.cy.baseVal.value,
            r: c.r.baseVal.value,
          }));
          const inside = (c: (typeof circles)[number], x: number, y: number) =>
            (x - c.x) ** 2 + (y - c.y) ** 2 <= c.r ** 2;
          const labels = [...svg.querySelectorAll<SVGTextElement>('text[data-in]')];
          return {
            count: labels.length,
            misplaced: labels.flatMap((label) => {
              const b = label.getBBox();
              const corners = [
                [b.x, b.y],
                [b.x + b.width, b.y],
                [b.x, b.y + b.height],
                [b.x + b.width, b.y + b.height],
              ] as const;
              // "both": the overlap, inside the two circles.
              const ok =
                label.dataset.in === 'both'
                  ? corners.every(([x, y]) => circles.every((c) => inside(c, x, y)))
                  : corners.every(([x, y]) =>
                      circles.every((c) => inside(c, x, y) === (c.side === label.dataset.in)),
                    );
              return ok ? [] : [label.textContent ?? ''];
            }),
          };
        });
        expect(misplaced.count).toBe(9);
        expect(misplaced.misplaced).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it.for(
    ['cycle', 'roles', 'overlap', 'measure'].flatMap((topic) => [`/learn/${topic}/`, `/en/learn/${topic}/`]),
  )('%s keeps every label inside the drawing, apart from the others and inside its box', async (path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl()}${path}`);
      const layouts: Layout[] = await page.$$eval('figure.diagram svg', (svgs) =>
        svgs.map((svg) => {
          const box = (element: SVGGraphicsElement) => {
            const r = element.getBBox();
            return {
              text: element.textContent ?? '',
              x: r.x,
              y: r.y,
              right: r.x + r.width,
              bottom: r.y + r.height,
            };
          };
          const viewBox = (svg as SVGSVGElement).viewBox.baseVal;
          return {
            viewBox: { width: viewBox.width, height: viewBox.height },
            labels: [...svg.querySelectorAll('text')].map(box),
            boxed: [...svg.querySelectorAll('g')].flatMap((g) => {
              const rect = g.querySelector<SVGRectElement>(':scope > rect');
              const text = g.querySelector<SVGTextElement>(':scope > text');
              return rect && text ? [{ label: box(text), box: box(rect) }] : [];
            }),
          };
        }),
      );
      expect(layouts.length).toBeGreaterThan(0);
      for (const { viewBox, labels, boxed } of layouts) {
        expect(labels.length).toBeGreaterThan(0);
        for (const label of labels) {
          expect(label.x >= 0 && label.y >= 0, label.text).toBe(true);
          expect(label.right <= viewBox.width && label.bottom <= viewBox.height, label.text).toBe(true);
        }
        const clashes = labels.flatMap((a, i) =>
          labels.slice(i + 1).flatMap((b) => (overlaps(a, b) ? [`${a.text} / ${b.text}`] : [])),
        );
        expect(clashes).toEqual([]);
        for (const { label, box } of boxed) {
          expect(label.x >= box.x && label.right <= box.right, label.text).toBe(true);
        }
      }
    } finally {
      await context.close();
    }
  });

  // The roles diagram's lower "activates" once sat on the arrow from the editor to the creator: the line struck
  // through its last letters.
  it.for(
    ['cycle', 'roles', 'overlap', 'measure'].flatMap((topic) => [`/learn/${topic}/`, `/en/learn/${topic}/`]),
  )('%s draws no line through a label', async (path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl()}${path}`);
      const crossings: string[] = await page.$$eval('figure.diagram svg', (svgs) =>
        svgs.flatMap((svg) => {
          const labels = [...svg.querySelectorAll('text')].map((text) => ({
            text: text.textContent ?? '',
            box: text.getBBox(),
          }));
          // The lines of the drawing, not the arrowheads' shapes in <defs>; each widened by half its stroke.
          return [...svg.querySelectorAll<SVGPathElement>('path')]
            .filter((line) => !line.closest('defs'))
            .flatMap((line) => {
              const pad = Number.parseFloat(getComputedStyle(line).strokeWidth || '0') / 2;
              const hit = new Set<string>();
              const length = line.getTotalLength();
              for (let at = 0; at <= length; at += 0.5) {
                const { x, y } = line.getPointAtLength(at);
                for (const { text, box } of labels)
                  if (
                    x + pad > box.x &&
                    x - pad < box.x + box.width &&
                    y + pad > box.y &&
                    y - pad < box.y + box.height
                  )
                    hit.add(text);
              }
              return [...hit];
            });
        }),
      );
      expect(crossings).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
