// The Dashboard's charts tell series apart by more than colour (WCAG 1.4.1): each series gets its own pair of
// colour and mark, also past the eight colours (one line per platform can make twelve series).
import { describe, expect, it } from 'vitest';
import { seriesColour, seriesDash, seriesHatch } from '../src/islands/charts';

const SERIES = Array.from({ length: 56 }, (_, i) => i);

describe('chart series marks', () => {
  it('give every line series up to 56 its own colour and dash', () => {
    const pairs = SERIES.map((i) => `${seriesColour(i)}|${seriesDash(i)}`);
    expect(new Set(pairs).size).toBe(SERIES.length);
  });

  it('give every bar series up to 56 its own colour and hatch (the first solid)', () => {
    const pairs = SERIES.map((i) => `${seriesColour(i)}|${i === 0 ? 'solid' : seriesHatch(i)}`);
    expect(new Set(pairs).size).toBe(SERIES.length);
  });

  it('keep the first series of each mark apart from the next ones by the mark alone', () => {
    const dashes = SERIES.slice(0, 7).map(seriesDash);
    expect(new Set(dashes).size).toBe(7);
    const hatches = SERIES.slice(1, 8).map(seriesHatch);
    expect(new Set(hatches).size).toBe(7);
  });
});
