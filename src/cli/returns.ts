// The files behind `rollup`, `status` and `validate`: each argument a file or a folder (not
// searched below). Every file is read, checked, rated and handed on one at a time, in turn with
// the event loop (in-turn.ts), so that only what the caller keeps of it stays in memory. A
// roster is recognised and never read as a return; any other file that is not a return is
// named in a warning, never skipped in silence.
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { attempt } from '../attempt.js';
import { InputError, type Problem } from '../errors.js';
import type { Messages } from '../i18n/catalogue.js';
import { looksLikeRoster } from '../model/roster.js';
import { readSource } from '../model/source.js';
import { exact, message } from '../outside.js';
import { inTurn } from './in-turn.js';
import { tryOpen, type Opened } from './open.js';
import { err } from './output.js';
import { usageError, warningText } from './usage.js';

/** A warning about a file, in the language the command speaks; the file name shown exactly. */
const warn = (key: Parameters<typeof warningText>[0], file: string, params: Record<string, string> = {}) => err(message(warningText(key, { ...params, file: exact(file) })));

const YAML = new Set(['.yaml', '.yml']);

/** The files named, each folder listed in name order; folders inside folders are named in a warning. */
export function expandInputs(args: string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      throw usageError('usage.noSuchInput', { arg });
    }
    if (!st.isDirectory()) {
      files.push(arg);
      continue;
    }
    // The listing says what each entry is: only a link (or an unknown type) costs a stat of its own.
    const entries = readdirSync(arg, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const file = join(arg, entry.name);
      const inner = entry.isFile() || entry.isDirectory() ? entry : statOrNothing(file);
      if (!inner) warn('returns.warning.linkToNothing', file);
      else if (inner.isDirectory()) warn('returns.warning.folderInside', file, { folder: exact(arg) });
      else if (!inner.isFile()) warn('returns.warning.notAFile', file);
      else files.push(file);
    }
  }
  return files;
}

/**
 * A file named twice (`rollup a.yaml a.yaml`, a folder and a file in it, a link to a file read
 * already) is one file, not two: told by its path (`path:` and the resolved path), then by the
 * file's identity as it is read (no look-up of its own). True, with a warning, for the second.
 */
export function readOnce(): (key: string | undefined, file: string) => boolean {
  const seen = new Map<string, string>();
  return (key, file) => {
    if (key === undefined) return false;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, file);
      return false;
    }
    if (first === file) warn('returns.warning.namedTwice', file);
    else warn('returns.warning.sameFile', file, { first: exact(first) });
    return true;
  };
}

/**
 * Open each return in turn and pass it to `each`; what `each` does not keep is free at once.
 * The roster file, if given, is passed over. The files' own warnings are in the language of `m`. Problems in any return are gathered and thrown at the
 * end, all at once, as for `validate`.
 */
export async function eachReturn(args: string[], each: (o: Opened) => void, roster?: string, m?: Messages): Promise<number> {
  const problems: Problem[] = [];
  let count = 0;
  const isRoster = rosterTest(roster);
  const twice = readOnce();
  await inTurn(expandInputs(args), (file) => {
    if (isRoster(file)) return;
    if (twice(`path:${resolve(file)}`, file)) return;
    if (!YAML.has(extname(file).toLowerCase())) {
      warn('returns.warning.notYaml', file);
      return;
    }
    const r = tryOpen(file, m);
    if (r.opened) {
      if (twice(r.opened.source.identity, file)) return;
      each(r.opened);
      count++;
      return;
    }
    // Only a file that failed is looked at again, to tell a roster or another file from a bad return.
    const again = readSource(file);
    const data = again.source?.data;
    if (twice(again.source?.identity, file)) return;
    if (!again.source) problems.push(...again.problems);
    else if (looksLikeRoster(data)) warn('returns.warning.roster', file, { given: roster ? 'yes' : 'no' });
    else if (data && typeof data === 'object' && !Array.isArray(data) && 'framework' in data) problems.push(...r.problems);
    else warn('returns.warning.notReturn', file);
  });
  if (problems.length) throw new InputError(problems);
  return count;
}

/**
 * Whether a file is the roster: its path, or a file of the same name that is it by another
 * path. A real path per file would cost a system call for each of thousands of returns; a link
 * to the roster under another name is told apart afterwards, as a roster, with a warning.
 */
function rosterTest(roster: string | undefined): (file: string) => boolean {
  if (!roster) return () => false;
  const paths = new Set([resolve(roster), realOrNothing(roster)]);
  const names = new Set([...paths].map((p) => p && basename(p)));
  return (file) => paths.has(resolve(file)) || (names.has(basename(file)) && paths.has(realOrNothing(file)));
}

const statOrNothing = (file: string): Stats | undefined => attempt(() => statSync(file));
const realOrNothing = (file: string): string | undefined => attempt(() => realpathSync(file));
