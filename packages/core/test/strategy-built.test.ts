// Imports the built strategy subpath (dist/) the way users do, as ESM and as CommonJS, in a separate Node
// process without the "source" condition. Needs `pnpm build` first; `pnpm test` builds before it runs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const run = (code: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], {
    cwd: join(root, 'packages', 'adapters'),
    encoding: 'utf8',
  }).trim();

const strategy = JSON.stringify({
  goals: [
    {
      id: 'g',
      name: 'Recruit',
      purpose: 'recruitment',
      intent: 'influence',
      audienceIds: ['a'],
      targets: [],
    },
  ],
  audiences: [{ id: 'a', name: 'Nurses', description: '', needs: { knowledge: 1 }, interests: [] }],
  pillars: [],
  platforms: [],
});

describe('the built strategy subpath', () => {
  it('imports as ESM and scores a draft', () => {
    const out = run(
      `import { scoreOverlap, subjectFromDraft } from '@social-shift/core/strategy';
       const s = scoreOverlap(${strategy}, subjectFromDraft({ text: 'x', goalIds: ['g'], needs: ['knowledge'] }));
       console.log(s.verdict, s.overall.toFixed(3));`,
      'module',
    );
    // O = 0.8 (goal without pillar); A = 0.75 × 1 + 0.25 × 1 = 1; √0.8 = 0.894.
    expect(out).toBe('overlap 0.894');
  });

  it('requires as CommonJS and checks a strategy', () => {
    const out = run(
      `const { checkStrategyCoherence } = require('@social-shift/core/strategy');
       console.log(checkStrategyCoherence(${strategy}).findings.map((f) => f.code).join(','));`,
      'commonjs',
    );
    expect(out).toBe('NO_PILLARS,NO_PLATFORMS,GOAL_WITHOUT_PILLAR');
  });
});
