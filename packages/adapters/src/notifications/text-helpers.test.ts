import { SocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html-escape.js';
import { escapeSlack } from './slack-webhook.js';
import { encodeHeaderValue } from './smtp-client.js';
import { escapeCardText } from './teams-webhook.js';

describe('the exported text helpers given something other than a string', () => {
  const helpers = { escapeHtml, escapeSlack, escapeCardText, encodeHeaderValue };
  for (const [name, helper] of Object.entries(helpers)) {
    for (const value of [undefined, null, 42, ['a']]) {
      it(`${name}(${JSON.stringify(value)}) is a VALIDATION error naming the text, not a TypeError`, () => {
        let thrown: unknown;
        try {
          (helper as (text: unknown) => string)(value);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(SocialShiftError);
        expect(thrown).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^text: /) });
      });
    }
    it(`${name} still takes the empty string`, () => {
      expect(helper('')).toBe('');
    });
  }
});
