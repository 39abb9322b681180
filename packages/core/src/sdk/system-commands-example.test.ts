// The @example of SystemCommands is what a team pastes into its server to run the time-driven steps. It ran
// `runDueTransitions()` from setInterval and dropped the promise: one failed run (the database away for a moment)
// was an unhandled rejection, which ends a Node process. The example's code is run here as written.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';

/** The code of the `@example` of `SystemCommands`, without the doc comment's ` * `. */
function exampleCode(): string {
  const source = readFileSync(new URL('./create-social-shift.ts', import.meta.url), 'utf8');
  const comment = source.slice(0, source.indexOf('export interface SystemCommands'));
  const block = /```ts\n([\s\S]*?)```/.exec(comment.slice(comment.lastIndexOf('/**')))?.[1];
  if (!block) throw new Error('SystemCommands has no @example');
  return block.replace(/^\s*\* ?/gm, '');
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  unhandled.length = 0;
});

describe('the SystemCommands example', () => {
  it('keeps the process running when a run fails: the failure is caught and logged', async () => {
    process.on('unhandledRejection', onUnhandled);
    const failure = new Error('connection refused');
    const shift = { system: { runDueTransitions: () => Promise.reject(failure) } };
    const ticks: (() => unknown)[] = [];
    const setInterval = (tick: () => unknown, ms: number) => {
      expect(ms).toBeGreaterThan(0);
      ticks.push(tick);
    };
    const logged: unknown[] = [];
    const console = { error: (...args: unknown[]) => logged.push(...args) };
    new Function('shift', 'setInterval', 'console', exampleCode())(shift, setInterval, console);
    expect(ticks).toHaveLength(1);
    // A timer drops what its callback returns.
    ticks[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
    expect(logged).toEqual([failure]);
  });
});
