// The docs pages generated from code, by path from the repository root. `pnpm docs:generate` writes them; a test
// fails when a committed page differs from what the code generates. Add a generator here for each new page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODE_LIST, ERROR_CODES } from '../src/errors/error-codes.js';
import { permissionTableMarkdown } from '../src/roles/permission-docs.js';
import { DEFAULT_PERMISSIONS } from '../src/roles/permission-table.js';
import { workflowMarkdown } from '../src/workflows/workflow-docs.js';
import { workflows } from '../src/workflows/workflows.js';
import { injectSnippets, snippetPages } from './doc-snippets.js';
import { strategyAndOverlapPage } from './strategy-docs.js';

function errorsPage(): string {
  const rows = ERROR_CODE_LIST.map(
    (code) => `| \`${code}\` | ${ERROR_CODES[code].status} | ${ERROR_CODES[code].description} |`,
  );
  return [
    '# Error codes',
    '',
    '<!-- Generated from packages/core/src/errors/error-codes.ts and packages/core/scripts/generated-docs.ts by `pnpm docs:generate`. Do not edit. -->',
    '',
    'Every error the SDK throws is a `SocialShiftError` with one of these stable codes, a message that says what to',
    'fix, `details` typed by code, and `cause` where there is one. `status` is the HTTP status that fits, for',
    'services that embed the SDK. Check with `isSocialShiftError(error, code)`.',
    '',
    '| code | status | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'Three codes cover more than their line says:',
    '',
    '- `MIGRATION` is also what `importAll` throws for a bundle of a newer SDK (a higher schema or export format',
    "  version), before it checks the bundle's fields: import it with that SDK or a newer one. `details.from` is the",
    "  bundle's version, `details.to` the one this SDK reads or writes. `importAll` also throws it when the storage",
    '  writes documents at another schema version than the import assumed (a storage not made by `createStorage`, or',
    "  a `schemaVersion` option that is not the storage's): pass the storage's `{ schemaVersion, migrations }` to",
    '  `importAll`. `exportAll` throws it when a storage port of your own gives documents at two schema versions (one',
    '  of `createStorage` reads each at its own version, migrating older ones as it reads them): migrate them, and',
    '  export again. Neither imports nor exports anything then.',
    '- `STORAGE` means that nothing was written, except when the commit itself failed (`details.operation` is',
    "  `'commit'`), for example when the connection to a database server is lost during it: the server may have",
    '  committed, and the message says so. Read what the command would have changed before you run it again; a',
    '  command that takes an idempotency key (`offers.share`, the `platform` commands) can simply be run again with',
    '  the same key, which never records it twice. A migration on open that fails this way (`details.operation` is',
    "  `'read documents to migrate'` or `'write migrated documents'`) keeps the organisations it migrated before the",
    '  failure: opening again migrates the rest.',
    '- `PLATFORM` from a publisher (X, Mastodon, Bluesky, LinkedIn) or a chat webhook (Slack, Teams) that refused',
    '  the request with `401`, `403`, `404` or `422` ends its message with one sentence on what to fix, also in',
    '  `details.advice` (`details.status` is the status). Nothing was posted; for a publisher, connect the account',
    "  again (`401`; a Bluesky login: make a new app password), check the token's scopes or the account's rights",
    '  (`403`), the server option (`404`) or the content (`422`); for a webhook, create a new one or check `webhookUrl`',
    '  (`401`, `403`, `404`), or change the message (`422`). A Slack code in the answer (`no_service`,',
    '  `channel_is_archived`, …) gets its own advice. Other refusals quote the answer and have no `details.advice`.',
    '  When it is unknown whether the platform took the request (no answer in time, a connection broken after it was',
    '  made, a `500`, `502` or `504`), `details.maybeDelivered` is `true` and the message says to check before sending',
    '  again (see [platforms](platforms/README.md) and [notifications](notifications.md)).',
    '',
    '## Across a worker or a frame',
    '',
    'An error passed to another thread or frame (`postMessage`, `structuredClone`) arrives as a plain `Error` with its',
    'message only: its name, `code` and `details` are lost, and `isSocialShiftError` says `false`. A UI that runs the',
    'SDK in a Web Worker posts `error.toJSON()` instead (`{ name, code, message, details }`) and rebuilds the error on',
    'the page with `new SocialShiftError(json.code, json.message, { details: json.details })`.',
    '',
  ].join('\n');
}

const root = join(import.meta.dirname, '..', '..', '..');

export const generatedDocs: Record<string, () => string> = {
  'docs/errors.md': errorsPage,
  // Every page with `<!-- snippet: examples/…#region -->` blocks: code copied from the examples (doc-snippets.ts).
  ...snippetPages(root),
  'docs/roles.md': () => permissionTableMarkdown(DEFAULT_PERMISSIONS),
  ...Object.fromEntries(
    Object.values(workflows).map((workflow) => [
      `docs/workflows/${workflow.id}.md`,
      () => workflowMarkdown(workflow, DEFAULT_PERMISSIONS),
    ]),
  ),
  // Generated, with its code block taken from examples/ like every other page's.
  'docs/strategy-and-overlap.md': () =>
    injectSnippets(strategyAndOverlapPage(), (path) => readFileSync(join(root, path), 'utf8')),
};
