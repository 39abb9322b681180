import { describe, expect, it } from 'vitest';
import { ERROR_CODE_LIST, ERROR_CODES } from './error-codes.js';
import { ERROR_STATUS } from './error-status.js';
import { SocialShiftError } from './social-shift-error.js';

describe('the status of each error code', () => {
  it('is the status of the code table, for every code and no other', () => {
    expect(Object.keys(ERROR_STATUS)).toEqual(Object.keys(ERROR_CODES));
    expect(ERROR_CODE_LIST).toEqual(Object.keys(ERROR_CODES));
    for (const code of ERROR_CODE_LIST) expect(ERROR_STATUS[code]).toBe(ERROR_CODES[code].status);
  });

  it('is what a SocialShiftError reports', () => {
    expect(
      new SocialShiftError('NOT_FOUND', 'No post "p".', { details: { entityType: 'post', id: 'p' } }).status,
    ).toBe(404);
  });
});
