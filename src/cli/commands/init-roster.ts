// `dutykit init --roster roster.yaml --out returns/`: one blank return per body on the roster,
// filled in with its name, reference, kind, the period and the framework. A return that is
// already there is never overwritten (a school may have filled it in): run it again after
// adding a body to the roster and only the new one is written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { usage } from '../usage.js';
import { makeFolder, writeFileAtomic } from '../../model/atomic-write.js';
import { blankAssessment } from '../../model/blank.js';
import type { RosterBody } from '../../model/roster.js';
import { slug } from '../../report/text.js';
import { exact, term } from '../../outside.js';
import { err, outJson, type GlobalOptions } from '../output.js';
import { frameworkRef } from '../paths.js';
import { openRoster } from '../open-roster.js';

export interface InitRosterOptions extends GlobalOptions {
  roster: string;
  out?: string;
  marking: string;
}

/** One file per body, named by its reference and name: stable across rounds, readable in a listing. */
export const returnFileName = (b: RosterBody) => `${slug(b.reference)}-${slug(b.name)}.yaml`;

export async function runInitRoster(opts: InitRosterOptions): Promise<void> {
  if (!opts.out) throw new UsageError('--roster needs --out <folder>: where to write one blank return per body');
  const { framework: fw, bodies, period, due } = openRoster(opts.roster);
  try {
    makeFolder(opts.out);
  } catch {
    throw usage`--out: cannot make the folder ${opts.out}`;
  }
  const written: string[] = [];
  const kept: string[] = [];
  for (const b of bodies) {
    const target = join(opts.out, returnFileName(b));
    if (existsSync(target)) {
      kept.push(target);
      continue;
    }
    // The due date stands in for the date: the body changes it to the day it agrees the return.
    writeFileAtomic(target, blankAssessment(fw, { authority: b.name, kind: b.kind, reference: b.reference, period, date: due, marking: opts.marking, frameworkRef: frameworkRef(fw, target) }));
    written.push(target);
  }
  if (opts.json) return outJson({ written, kept, framework: fw.id, period, due }, 0);
  for (const f of written) err(term`wrote ${exact(f)}`);
  for (const f of kept) err(term`kept ${exact(f)}: it exists already and is not overwritten`);
  err(term`${written.length} blank return${written.length === 1 ? '' : 's'} written, ${kept.length} kept, for ${exact(period)} (due ${exact(due)}).`);
}
