import { SocialShiftError } from '@social-shift/core';

/**
 * The major version of each driver that the adapters support (their peer dependency ranges): the install command an
 * error gives names it, as `pnpm add better-sqlite3` without it installs the newest major, outside that range.
 */
export const DRIVER_MAJORS: Readonly<Record<string, string>> = { 'better-sqlite3': '12', pg: '8' };

/**
 * Loads an adapter's driver, an optional peer dependency. `load` imports the driver by its name, written out at the
 * call so that bundlers and the peer-dependency test see the import. When the driver is not installed, the error
 * says which package to install instead of Node's bare "Cannot find package" (a STORAGE error: nothing was written).
 */
export async function loadDriver<T>(driver: string, adapter: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!driverMissing(error, driver)) throw error;
    const wanted = DRIVER_MAJORS[driver] ? `${driver}@${DRIVER_MAJORS[driver]}` : driver;
    throw new SocialShiftError(
      'STORAGE',
      `The ${adapter} adapter needs the package ${driver}, which is not installed: install it next to @social-shift/adapters (npm install ${wanted}). Nothing was written.`,
      { details: { adapter, operation: 'open', missingPackage: driver }, cause: error },
    );
  }
}

/** Node's "not found" for the driver itself (ESM or CommonJS), not for a file or a package the driver needs. */
function driverMissing(error: unknown, driver: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return error instanceof Error && error.message.includes(`'${driver}'`);
}

/**
 * better-sqlite3 is installed but its native addon was not built: pnpm 10 runs no dependency's install script
 * unless it is allowed, and better-sqlite3 builds its addon in one. Says so, instead of "Could not locate the
 * bindings file" and a list of paths; any other error is returned as it is.
 */
export function unbuiltAddonAdvice(error: unknown, driver: string, adapter: string): unknown {
  if (!(error instanceof Error) || !error.message.startsWith('Could not locate the bindings file'))
    return error;
  return new SocialShiftError(
    'STORAGE',
    `The ${adapter} adapter found ${driver}, but its native addon was not built (its install script did not run): allow the script and install again (pnpm: \`pnpm approve-builds\`, or onlyBuiltDependencies: [${driver}] in pnpm-workspace.yaml; npm: \`npm rebuild ${driver}\`). Nothing was written.`,
    { details: { adapter, operation: 'open', unbuiltPackage: driver }, cause: error },
  );
}
