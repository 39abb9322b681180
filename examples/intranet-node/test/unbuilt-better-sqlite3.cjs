// Preloaded (`node --require`) by start-failures.test.ts: better-sqlite3 as it is when its install script never ran
// (pnpm 10 runs it only when allowed). Its `bindings` loader looks for an addon that was never built and throws
// its own error, a list of the paths it tried.
const Module = require('node:module');

const bindings = Module.createRequire(require.resolve('better-sqlite3'))('bindings');
const load = Module.prototype.require;
Module.prototype.require = function (id, ...rest) {
  if (id === 'bindings')
    return () => bindings({ bindings: 'better_sqlite3_never_built.node', module_root: process.cwd() });
  return load.call(this, id, ...rest);
};
