// `dutykit init`: one blank assessment, or one blank return per body of a roster. Which, and a
// mix of the two refused, is told here, before either loads what it needs (the schema, the
// framework and the writer are for a run that will write).
import { UsageError } from '../../errors.js';
import type { InitOptions } from './init.js';

export async function runInit(file: string | undefined, opts: InitOptions): Promise<void> {
  if (opts.roster) {
    if (file) throw new UsageError('give either a file or --roster, not both');
    // The roster gives each body its kind, name, framework and period, and the round its date;
    // an option it would pass over is refused rather than ignored.
    if (opts.kind) throw new UsageError('--kind cannot be given with --roster: the roster gives each body its kind');
    const over: [unknown, string][] = [
      [opts.authority, '--authority cannot be given with --roster: the roster gives each body its name'],
      [opts.period, '--period cannot be given with --roster: the roster gives the period'],
      [opts.date, "--date cannot be given with --roster: each return is dated the roster's due date"],
      [opts.framework, '--framework cannot be given with --roster: the roster names the framework'],
      [opts.contributor, '--contributor cannot be given with --roster: a roster lists bodies, each making its own return'],
      [opts.force, '--force cannot be given with --roster: a return that exists is never overwritten'],
    ];
    const given = over.find(([v]) => v !== undefined && v !== false);
    if (given) throw new UsageError(given[1]);
    return (await import('./init-roster.js')).runInitRoster({ ...opts, roster: opts.roster });
  }
  if (opts.out) throw new UsageError('--out goes with --roster; give the file to write instead');
  return (await import('./init.js')).runInit(file, opts);
}
