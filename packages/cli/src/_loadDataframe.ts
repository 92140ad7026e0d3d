import { PiError } from '@pi/core';

/** How to add `@pi/dataframe`, said by `pi dataframe` when it is missing. */
export const DATAFRAME_HELP =
  '@pi/dataframe is not installed; it is an optional peer of @pi/cli because danfo.js pulls in tfjs and xlsx. ' +
  "Add both to a project (npm i @pi/cli @pi/dataframe, then npx pi dataframe) with the overrides in @pi/dataframe's " +
  'README, which keep the install on the npm registry (npm applies overrides in a project, not to npm i -g)';

/** The same, short enough for a row of the bench table. */
export const DATAFRAME_BENCH_NOTE = '@pi/dataframe is not installed: npm i @pi/dataframe (overrides in its README)';

/** Whether `error` is Node's "cannot find package" for `name` itself (not for one of its dependencies). */
function isMissingPackage(error: unknown, name: string): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'ERR_MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${name}'`);
}

/**
 * Imports `@pi/dataframe` (or its danfo-free `tableSize` entry) when a command needs it. It is an optional
 * peer: where it, or a dependency it needs, is missing the caller gets BACKEND_UNAVAILABLE (exit 3) that
 * says how to add it.
 */
export async function loadDataframe<T>(load: () => Promise<T>, help = DATAFRAME_HELP): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissingPackage(error, '@pi/dataframe')) throw new PiError('BACKEND_UNAVAILABLE', help, { cause: error });
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') {
      throw new PiError(
        'BACKEND_UNAVAILABLE',
        `@pi/dataframe is installed but could not load (${(error as Error).message}); its README lists what it needs`,
        { cause: error },
      );
    }
    throw error;
  }
}
