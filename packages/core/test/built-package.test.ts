// Imports the built packages (dist/) the way users do, as ESM and as CommonJS, in a separate Node process
// without the "source" condition. Needs `pnpm build` first; `pnpm test` builds before it runs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const run = (code: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], {
    cwd: join(root, 'packages', 'adapters'),
    encoding: 'utf8',
  });

describe('the built packages', () => {
  it('exist (run `pnpm build`)', () => {
    expect(existsSync(join(root, 'packages/core/dist/index.js'))).toBe(true);
    expect(existsSync(join(root, 'packages/core/dist/index.cjs'))).toBe(true);
    expect(existsSync(join(root, 'packages/core/dist/index.d.ts'))).toBe(true);
    expect(existsSync(join(root, 'packages/core/dist/index.d.cts'))).toBe(true);
    expect(existsSync(join(root, 'packages/adapters/dist/memory.d.ts'))).toBe(true);
  });

  it('import as ESM', () => {
    const out = run(
      `import { createSocialShift } from '@social-shift/core';
       import { labels } from '@social-shift/core/labels';
       import { pseudonymiseEvents } from '@social-shift/core/privacy';
       import { memoryStorage } from '@social-shift/adapters/memory';
       const shift = createSocialShift({ storage: memoryStorage(), organisationId: 'org_a' });
       const key = crypto.getRandomValues(new Uint8Array(32));
       const pseudonymous = await pseudonymiseEvents(await shift.readEvents(), { key });
       console.log(labels('nl').steps.strategy.name, shift.organisationId, pseudonymous.length);`,
      'module',
    );
    expect(out.trim()).toBe('Strategie org_a 0');
  });

  it('require as CommonJS', () => {
    const out = run(
      `const { parsePost } = require('@social-shift/core');
       const { labels } = require('@social-shift/core/labels');
       const { memoryStorage } = require('@social-shift/adapters/memory');
       let code; try { parsePost({}); } catch (e) { code = e.code; }
       console.log(labels('en').roles.master.name, code, typeof memoryStorage);`,
      'commonjs',
    );
    expect(out.trim()).toBe('Social master VALIDATION function');
  });
});
