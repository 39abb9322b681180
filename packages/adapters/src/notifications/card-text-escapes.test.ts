import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { escapeCardText } from './teams-webhook.js';

/** CommonMark escapes only ASCII punctuation: a backslash before anything else is shown as a backslash. */
function shownBackslashes(escaped: string): number {
  let shown = 0;
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] !== '\\') continue;
    if (/^[!-/:-@[-`{-~]$/.test(escaped[i + 1] ?? '')) i++;
    else shown++;
  }
  return shown;
}

describe('escapeCardText writes only escapes Markdown reads as escapes', () => {
  it('escapes a numbered list marker after its digits (1\\.), not before them (\\1. shows the backslash)', () => {
    expect(escapeCardText('1. Vacature')).toBe('1\\. Vacature');
    expect(escapeCardText('Intro\n  2026. Een goed jaar')).toBe('Intro\n  2026\\. Een goed jaar');
    expect(escapeCardText('- lijst\n+ plus')).toBe('\\- lijst\n\\+ plus');
    expect(escapeCardText('Versie 1. niet aan het begin')).toBe('Versie 1. niet aan het begin');
  });

  test.prop([
    fc.string({ unit: fc.constantFrom('1', '9', '.', ')', ' ', '\n', '-', '+', '*', '\\', 'a', 'é') }),
  ])('leaves no backslash that Markdown would show, other than those of the text', (text) => {
    expect(shownBackslashes(escapeCardText(text))).toBe(0);
  });
});
