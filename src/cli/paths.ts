// Where the package's own files are, found from wherever this module was built to.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'dutykit') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the dutykit package folder');
    dir = up;
  }
}

export const ROOT = packageRoot();
export const BUNDLED_FRAMEWORKS = join(ROOT, 'benchmarks');
export const DEFAULT_FRAMEWORK = 'home-office-2018';
/** Checked copies of the bundled frameworks, written by the build (scripts/build.mjs). */
export const COMPILED_FRAMEWORKS = join(ROOT, 'dist', 'frameworks');

export function version(): string {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
}
