import { describe, expect, it } from 'vitest';
import { parseEventLine } from './event-log-reader.js';

describe('a line that holds two events (files without a final line end joined with cat)', () => {
  it('says so, and where the second starts, instead of "Unexpected non-whitespace character after JSON"', () => {
    const event = '{"id":"evt_1","type":"share.recorded"}';
    expect(parseEventLine(`${event}${event}`)).toEqual({
      ok: false,
      message: `two events on one line (the second starts at column ${event.length + 1}): give each event a line of its own; a file joined to another with cat needs a line end at its end`,
    });
    expect(parseEventLine(`${event} {"id":`)).toMatchObject({
      message: expect.stringContaining(
        `two events on one line (the second starts at column ${event.length + 2})`,
      ),
    });
    // Anything else after the JSON is still said as it is.
    expect(parseEventLine(`${event} x`)).toMatchObject({
      message: expect.stringMatching(/^not valid JSON \(/),
    });
  });
});
