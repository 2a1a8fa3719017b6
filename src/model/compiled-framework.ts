// A checked framework saved as JSON, so that commands skip parsing and checking eleven
// YAML files on every run, with its checked translations (framework.<lang>.yaml: reading the
// Welsh one cost ~50 ms a command). The fingerprint of the YAML files, translations included,
// decides whether it still holds: edit a benchmark file and the YAML is read again.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import { attempt } from '../attempt.js';
import type { Framework } from './framework-schema.js';
import { outside } from './inside.js';
import type { Translation } from './load-translation.js';

export interface Compiled {
  fingerprint: string;
  framework: Omit<Framework, 'dir'>;
  /** Each language's translation, checked; a language without one is not listed. */
  translations?: Record<string, Translation>;
}

/** The translations saved with each framework read from its compiled JSON. */
const compiledTranslations = new WeakMap<Framework, Record<string, Translation>>();

/** `fw`'s translation into `lang` as compiled with it (undefined: none), or 'not compiled'. */
export function compiledTranslation(fw: Framework, lang: string): Translation | undefined | 'not compiled' {
  const all = compiledTranslations.get(fw);
  return all ? all[lang] : 'not compiled';
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
  // A damaged cache is only a slower start.
  return attempt(() => {
    const c = JSON.parse(readFileSync(file, 'utf8')) as Compiled;
    if (c.fingerprint !== fingerprint(dir)) return undefined;
    const fw: Framework = { ...c.framework, dir };
    compiledTranslations.set(fw, c.translations ?? {});
    return fw;
  });
}

export function compile(fw: Framework, translations: Record<string, Translation> = {}): Compiled {
  const { dir, ...framework } = fw;
  return { fingerprint: fingerprint(dir), framework, translations };
}
