import type { Sql } from 'postgres';
import { describe, expect, it } from 'vitest';
import { postgresJsClient } from './postgres-js.js';

describe('postgresJsClient: what it is given', () => {
  it('refuses anything but a postgres.js sql instance with VALIDATION when wired, not on the first query', () => {
    for (const bad of [undefined, null, 'postgres://app@127.0.0.1/app', { unsafe: () => [] }]) {
      expect(() => postgresJsClient(bad as unknown as Sql)).toThrow(
        expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/postgres\(url\)/) }),
      );
    }
  });
});
