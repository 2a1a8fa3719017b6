// Where the package's own files are, found from wherever this module was built to.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): { dir: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    const pkg = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    if (pkg?.name === 'dutykit') return { dir, version: pkg.version };
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the dutykit package folder');
    dir = up;
  }
}

const pkg = packageRoot();
export const ROOT = pkg.dir;
export const VERSION = pkg.version;
export const BUNDLED_FRAMEWORKS = join(ROOT, 'benchmarks');
export const DEFAULT_FRAMEWORK = 'home-office-2018';
/** Checked copies of the bundled frameworks, written by the build (scripts/build.mjs). */
export const COMPILED_FRAMEWORKS = join(ROOT, 'dist', 'frameworks');

/** How a new file names its framework: a bundled one by id, any other folder by its path from the file. */
export function frameworkRef(fw: { id: string; dir: string }, file: string): string {
  return resolve(fw.dir) === resolve(BUNDLED_FRAMEWORKS, fw.id) ? fw.id : relative(dirname(resolve(file)), fw.dir) || '.';
}
