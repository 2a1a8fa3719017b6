// Where a question was left part way, so that the next `assess` carries on there. The file
// holds every confirmed answer, but not that a question's evidence, links or review date were
// still being asked when the session stopped: an answered question reads as done, and the walk
// would go on to the next one. `<file>.unfinished` says which part, next to the file as the
// lock is; it is written only when a session stops inside a question, and removed once that
// question is finished.
import { readFileSync, rmSync } from 'node:fs';
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

/** The place a stopped session left, if it left one that can be read. */
export function readUnfinished(file: string): Unfinished | undefined {
  const json = attempt(() => JSON.parse(readFileSync(unfinishedPath(file), 'utf8')) as Record<string, unknown>);
  if (!json || typeof json.benchmark !== 'string' || typeof json.question !== 'string' || !PARTS.includes(json.part as string)) return undefined;
  return { benchmark: json.benchmark, question: json.question, part: json.part as Part };
}

/** Keep the place (a session stopping inside a question), or forget it (undefined). */
export function keepUnfinished(file: string, place: Unfinished | undefined): void {
  if (place) writeFileAtomic(unfinishedPath(file), `${JSON.stringify(place)}\n`);
  else rmSync(unfinishedPath(file), { force: true });
}
