// The files behind `rollup` and `status`: each argument a file or a folder (not searched
// below). Every return is read, checked, rated and handed on one at a time, so that only what
// the caller keeps of it stays in memory. A roster is recognised and never read as a return;
// any other file that is not a return is named in a warning, never skipped in silence.
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { InputError, UsageError, type Problem } from '../errors.js';
import { looksLikeRoster } from '../model/roster.js';
import { readSource } from '../model/source.js';
import { exact, term } from '../outside.js';
import { tryOpen, type Opened } from './open.js';
import { err } from './output.js';

const YAML = new Set(['.yaml', '.yml']);

/** The files named, each folder listed in name order; folders inside folders are named in a warning. */
export function expandInputs(args: string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      throw new UsageError(`${arg}: no such file or folder`);
    }
    if (!st.isDirectory()) {
      files.push(arg);
      continue;
    }
    for (const name of readdirSync(arg).sort()) {
      const file = join(arg, name);
      const inner = statOrNothing(file);
      if (!inner) err(term`${exact(file)}: warning: a link to nothing (or a file that cannot be read); not read`);
      else if (inner.isDirectory()) err(term`${exact(file)}: warning: a folder inside ${exact(arg)}; not read (name it to include it)`);
      else if (!inner.isFile()) err(term`${exact(file)}: warning: not a file (a pipe, socket or device); not read`);
      else files.push(file);
    }
  }
  return files;
}

/**
 * Open each return in turn and pass it to `each`; what `each` does not keep is free at once.
 * `roster` (a real path) is passed over. Problems in any return are gathered and thrown at the
 * end, all at once, as for `validate`.
 */
export function eachReturn(args: string[], each: (o: Opened) => void, roster?: string): number {
  const problems: Problem[] = [];
  let count = 0;
  for (const file of expandInputs(args)) {
    if (roster && realOrNothing(file) === roster) continue;
    if (!YAML.has(extname(file).toLowerCase())) {
      err(term`${exact(file)}: warning: not a YAML file, so not a return; not read`);
      continue;
    }
    const r = tryOpen(file);
    if (r.opened) {
      each(r.opened);
      count++;
      continue;
    }
    // Only a file that failed is looked at again, to tell a roster or another file from a bad return.
    const again = readSource(file);
    const data = again.source?.data;
    if (!again.source) problems.push(...again.problems);
    else if (looksLikeRoster(data)) err(term`${exact(file)}: warning: a roster, not a return; not read as one${roster ? '' : ' (give it with --roster to match the returns against it)'}`);
    else if (data && typeof data === 'object' && !Array.isArray(data) && 'framework' in data) problems.push(...r.problems);
    else err(term`${exact(file)}: warning: not a return (it has no framework: key); not read`);
  }
  if (problems.length) throw new InputError(problems);
  return count;
}

function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function realOrNothing(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
