// What the publisher reads when something fails, without a browser: in their language, with what to do, and the
// SDK's stable code; never the SDK's message for developers.
import { ERROR_CODE_LIST, SocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { browserLanguage, describeError, VIEW_TEXT } from '../src/view-text.js';

const storageError = (operation: string, cause: unknown, adapter = 'indexeddb') =>
  new SocialShiftError(
    'STORAGE',
    `The ${adapter} storage failed to ${operation}: … check the store and retry.`,
    {
      details: { adapter, operation },
      cause,
    },
  );

describe('describeError', () => {
  it('says in Dutch and English that the browser is full, and what to do', () => {
    const full = storageError('commit', new DOMException('quota', 'QuotaExceededError'));
    expect(describeError(full, 'nl')).toMatch(/^Je browser heeft geen ruimte meer .* \(STORAGE\)$/);
    expect(describeError(full, 'en')).toMatch(/^Your browser has no room left .*Free space .* \(STORAGE\)$/);
  });

  it('says that a private window or blocked site data keeps the page from storing, also before the SDK runs', () => {
    const blocked = new DOMException("Failed to read the 'localStorage' property", 'SecurityError');
    expect(describeError(blocked, 'en')).toMatch(/private window, or cookies and site data blocked/);
    expect(describeError(storageError('open', blocked), 'nl')).toMatch(/privévenster.*\(STORAGE\)$/);
    expect(describeError(new Error('IndexedDB is not available here; pass `indexedDB`'), 'nl')).toMatch(
      /privévenster/,
    );
  });

  it('says to close the other tabs when the database cannot be opened', () => {
    const open = storageError('open', new Error('blocks the upgrade'));
    expect(describeError(open, 'en')).toMatch(/close its other tabs and windows, then reload/);
  });

  it('says to allow site data, or free space, when the browser refuses to open the database (UnknownError), not to close tabs', () => {
    const refused = storageError('open', new DOMException('The user denied permission.', 'UnknownError'));
    expect(describeError(refused, 'en')).toMatch(
      /cookies and site data .*blocked.*allow site data.*free space.* \(STORAGE\)$/,
    );
    // Chromium says UnknownError also of a damaged or full store: the free-space advice stays.
    expect(describeError(refused, 'nl')).toMatch(/sitegegevens toe.*ruimte vrij/);
    expect(describeError(refused, 'en')).not.toMatch(/other tabs/);
  });

  it("does not blame blocked site data when the adapter's rebuild of its query keys fails while opening", () => {
    // The adapter's own operation for it: nothing was changed, and a reload (which opens again) may do.
    const rebuild = storageError('rebuild query keys', new DOMException('Internal error.', 'UnknownError'));
    expect(describeError(rebuild, 'en')).not.toMatch(/site data|private window|other tabs/);
    expect(describeError(rebuild, 'en')).toMatch(/nothing was changed\. Reload the page .* \(STORAGE\)$/);
    expect(describeError(rebuild, 'nl')).not.toMatch(/sitegegevens|privévenster/);
  });

  it('gives a refusal in the publisher language with its code, not the SDK message', () => {
    const conflict = new SocialShiftError('CONFLICT', 'The offer "offer_1" changed in another tab.', {
      details: { entityType: 'offer', id: 'offer_1', expectedVersion: 1, actualVersion: 2 },
    });
    expect(describeError(conflict, 'nl')).toBe(
      'Dit is intussen veranderd in een ander tabblad of venster. De pagina toont nu de laatste stand: probeer het opnieuw. (CONFLICT)',
    );
    expect(describeError('boom', 'nl')).toBe(
      'Er ging iets mis. Laad de pagina opnieuw en probeer het nog eens.',
    );
  });
});

describe('every error code', () => {
  const sdkMessage = 'The SDK message, for developers.';
  const said = (code: (typeof ERROR_CODE_LIST)[number], language: 'nl' | 'en') =>
    describeError(new SocialShiftError(code, sdkMessage, { details: {} as never }), language);
  const fallback = (language: 'nl' | 'en') => describeError('not an SDK error', language);

  it.each(ERROR_CODE_LIST)('%s has its own advice in Dutch and in English, with the code', (code) => {
    for (const language of ['nl', 'en'] as const) {
      expect(said(code, language)).toMatch(new RegExp(`\\S \\(${code}\\)$`));
      expect(said(code, language)).not.toContain(sdkMessage);
      // Not the "something went wrong" a code the view does not know falls back to.
      expect(said(code, language).startsWith(fallback(language))).toBe(false);
    }
    expect(said(code, 'nl')).not.toBe(said(code, 'en'));
  });

  it('gives each code other advice', () => {
    for (const language of ['nl', 'en'] as const) {
      const texts = ERROR_CODE_LIST.map((code) => said(code, language).replace(/ \(\w+\)$/, ''));
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('says an IndexedDB commit that failed saved nothing (the adapter says so): try again, then reload', () => {
    const commit = storageError('commit', new DOMException('aborted', 'AbortError'));
    expect(describeError(commit, 'en')).toMatch(
      /^Saving your data failed; nothing was saved\. Try again.*reload/,
    );
    expect(describeError(commit, 'nl')).toMatch(/er is niets opgeslagen\. Probeer het opnieuw/);
    expect(describeError(commit, 'en')).not.toMatch(/may still/);
  });

  it('says a write of another storage that failed may still have been saved, and a read that failed changed nothing', () => {
    const commit = storageError('commit', new Error('connection lost'), 'postgres');
    expect(describeError(commit, 'en')).toMatch(/may still have been saved/);
    expect(describeError(commit, 'nl')).toMatch(/misschien toch opgeslagen/);
    const migration = storageError('write migrated documents', new Error('boom'));
    expect(describeError(migration, 'en')).toMatch(/may still have been saved/);
    expect(describeError(storageError('read', new Error('gone')), 'en')).toMatch(/nothing was changed/);
  });
});

describe('the view text', () => {
  it('has every sentence in Dutch and English', () => {
    expect(Object.keys(VIEW_TEXT.nl).sort()).toEqual(Object.keys(VIEW_TEXT.en).sort());
    expect(VIEW_TEXT.nl.shareOn('LinkedIn')).toBe('Delen op LinkedIn');
  });

  it('takes Dutch or English from the browser, else English', () => {
    expect(browserLanguage(['nl-BE', 'en'])).toBe('nl');
    expect(browserLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(browserLanguage(['fr'])).toBe('en');
  });
});
