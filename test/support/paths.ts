import * as path from 'path';

/** The project root (tests run from `out/test/<layer>/`). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Team material beside the project (`../shared`). */
export const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared');
/** The bundled CLI built by esbuild.js. */
export const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
