import type { StorageCapabilities } from '@social-shift/core';
import type { ConformanceGroup } from './conformance-cases.js';
import { CONFORMANCE_GROUPS, GROUP_INFO, groupApplies } from './conformance-cases.js';

/** A row of the capability matrix: an adapter (or one setup of it) and its flags. */
export interface CapabilityRow {
  readonly name: string;
  readonly capabilities: StorageCapabilities;
}

const FLAGS: readonly (keyof StorageCapabilities)[] = [
  'persistent',
  'multiProcess',
  'browser',
  'node',
  'batchedReads',
];
const mark = (yes: boolean | undefined) => (yes ? 'yes' : '—');

/**
 * The capability matrix as a Markdown table: one row per adapter, its capability flags, and which conformance
 * groups run on it. The suite prints it; `docs/storage/capabilities.md` shows it.
 *
 * @example
 * ```ts
 * console.log(capabilityMatrix([{ name: 'memory', capabilities: createMemoryStorage().capabilities }]));
 * ```
 */
export function capabilityMatrix(rows: readonly CapabilityRow[]): string {
  const gated = CONFORMANCE_GROUPS.filter((group) => GROUP_INFO[group].requires !== undefined);
  const header = ['adapter', ...FLAGS, ...gated.map((g) => `group: ${g}`)];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(
      (row) =>
        `| ${[
          row.name,
          ...FLAGS.map((flag) => mark(row.capabilities[flag])),
          ...gated.map((g) => mark(groupApplies(g, row.capabilities).runs)),
        ].join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}

/**
 * The groups of the suite as a Markdown table: name, what it checks, what it needs.
 *
 * @example
 * ```ts
 * console.log(conformanceGroupTable());
 * ```
 */
export function conformanceGroupTable(): string {
  const row = (group: ConformanceGroup) =>
    `| \`${group}\` | ${GROUP_INFO[group].description} | ${GROUP_INFO[group].requires ?? 'every adapter'} |`;
  return ['| group | checks | runs on |', '| --- | --- | --- |', ...CONFORMANCE_GROUPS.map(row)].join('\n');
}
