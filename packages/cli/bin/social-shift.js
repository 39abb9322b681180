#!/usr/bin/env node
// The `social-shift` command: runs the built command in dist/. It is a committed file of its own, not dist/bin.js
// itself, so that a package manager can link the command when it installs the workspace, before anything is built
// (pnpm warned "Failed to create bin" and left `pnpm exec social-shift` unlinked for good).
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    'social-shift: the command is not built yet (no dist/bin.js): run `pnpm build` at the root of the repository.\n',
  );
  // EXIT_CODES.unexpected: not a gate, usage, input or file problem of the report.
  process.exitCode = 3;
}
