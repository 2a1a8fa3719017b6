// A checked framework saved as JSON, so that commands skip parsing and checking eleven
// YAML files on every run. The fingerprint of the YAML files decides whether it still holds:
// edit a benchmark file and the YAML is read again.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Framework } from './framework-schema.js';
import { outside } from './inside.js';

export interface Compiled {
  fingerprint: string;
  framework: Omit<Framework, 'dir'>;
}

export function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const root = realpathSync(dir);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = join(dir, name);
    // A link out of the folder is never read (load-framework.ts refuses it); it only spoils the match.
    const content = outside(root, file) ? 'a link out of the folder' : readFileSync(file);
    hash.update(`${name}\0`).update(content).update('\0');
  }
  return hash.digest('hex');
}

export function compiledFile(compiledDir: string, dir: string): string {
  return join(compiledDir, `${basename(dir)}.json`);
}

/** The compiled framework for `dir`, if one was saved from exactly these files. */
export function readCompiled(compiledDir: string, dir: string): Framework | undefined {
  const file = compiledFile(compiledDir, dir);
  if (!existsSync(file)) return undefined;
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as Compiled;
    return c.fingerprint === fingerprint(dir) ? { ...c.framework, dir } : undefined;
  } catch {
    return undefined; // a damaged cache is only a slower start
  }
}

export function compile(fw: Framework): Compiled {
  const { dir, ...framework } = fw;
  return { fingerprint: fingerprint(dir), framework };
}
