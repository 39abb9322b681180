import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { workflowMarkdown } from '../workflows/workflow-docs.js';
import { workflows } from '../workflows/workflows.js';
import { permissionTableMarkdown } from './permission-docs.js';
import { ACTION_LIST, DEFAULT_PERMISSIONS, GRANTEES } from './permission-table.js';

/** Renders, or refuses with VALIDATION: never a TypeError, whatever a JavaScript caller passes as the table. */
const rendersOrRefuses = (render: () => string) => {
  try {
    expect(typeof render()).toBe('string');
  } catch (error) {
    if (!isSocialShiftError(error, 'VALIDATION')) throw error;
  }
};

// Tables a JavaScript caller may pass: anything, or a table with rows missing, null or of the wrong kind.
const tables = fc.oneof(
  fc.anything(),
  fc.dictionary(
    fc.constantFrom(...ACTION_LIST),
    fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...GRANTEES), fc.anything())),
  ),
);

test.prop([tables])('permissionTableMarkdown renders any table or refuses it with VALIDATION', (table) => {
  rendersOrRefuses(() => permissionTableMarkdown(table as never));
});

test.prop([tables])('workflowMarkdown renders any table or refuses it with VALIDATION', (table) => {
  for (const workflow of Object.values(workflows))
    rendersOrRefuses(() => workflowMarkdown(workflow, table as never));
});

test.prop([fc.constantFrom(...ACTION_LIST)])(
  'a table with the row of an action missing shows nobody in it',
  (action) => {
    const { [action]: _, ...rest } = DEFAULT_PERMISSIONS;
    const row = permissionTableMarkdown(rest as never)
      .split('\n')
      .find((line) => line.startsWith(`| \`${action}\` |`));
    expect(row).toContain(`| ${GRANTEES.map(() => '—').join(' | ')} |`);
  },
);
