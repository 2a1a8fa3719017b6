// Where a question was left part way, so that the next `assess` carries on there. The file
// holds every confirmed answer, but not that a question's evidence, links or review date were
// still being asked when the session stopped: an answered question reads as done, and the walk
// would go on to the next one. `<file>.unfinished` says which part, next to the file as the
// lock is; it is written only when a session stops inside a question, and removed once that
// question is finished.
import { lstatSync, readFileSync, rmSync } from 'node:fs';
import { attempt } from '../../attempt.js';
import { writeFileAtomic } from '../../model/atomic-write.js';

export type Part = 'evidence' | 'links' | 'reviewed';

export interface Unfinished {
  benchmark: string;
  question: string;
  part: Part;
}

const PARTS: readonly string[] = ['evidence', 'links', 'reviewed'];

export const unfinishedPath = (file: string): string => `${file}.unfinished`;

/**
 * Only an ordinary file of that name is ours: a link (written through, it replaced the file it
 * led to), a pipe (opened, it waited for ever, Ctrl-C and all) or a folder is left alone.
 */
const ownFile = (path: string): boolean => attempt(() => lstatSync(path).isFile()) === true;
/** A place is a line of JSON: anything much larger is not one of ours, and is not read whole. */
const readable = (path: string): boolean => {
  const st = attempt(() => lstatSync(path));
  return st !== undefined && st.isFile() && st.size <= 64 * 1024;
};
const absent = (path: string): boolean => attempt(() => lstatSync(path)) === undefined;

/** The place a stopped session left, if it left one that can be read. */
export function readUnfinished(file: string): Unfinished | undefined {
  const path = unfinishedPath(file);
  if (!readable(path)) return undefined;
  const json = attempt(() => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
  if (!json || typeof json.benchmark !== 'string' || typeof json.question !== 'string' || !PARTS.includes(json.part as string)) return undefined;
  return { benchmark: json.benchmark, question: json.question, part: json.part as Part };
}

/** Keep the place (a session stopping inside a question), or forget it (undefined); whether it was kept. */
export function keepUnfinished(file: string, place: Unfinished | undefined): boolean {
  const path = unfinishedPath(file);
  if (!ownFile(path) && !absent(path)) return false;
  if (place) writeFileAtomic(path, `${JSON.stringify(place)}\n`);
  else rmSync(path, { force: true });
  return place !== undefined;
}
