// Whether a file in a framework folder really lies inside it, links followed.
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { attempt } from '../attempt.js';

/**
 * Whether `file` resolves to somewhere outside the folder `root` (a real path). Such a file is
 * never read, so that a framework folder cannot make dutykit show another file's content.
 */
export function outside(root: string, file: string): boolean {
  const real = attempt(() => realpathSync(file));
  if (real === undefined) return false; // missing or dangling: the reader says "no such file"
  const rel = relative(root, real);
  return rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..';
}
