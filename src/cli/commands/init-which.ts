// `dutykit init`: one blank assessment, or one blank return per body of a roster. Which, and a
// mix of the two refused, is told here, before either loads what it needs (the schema, the
// framework and the writer are for a run that will write).
import { UsageError } from '../../errors.js';
import type { InitOptions } from './init.js';

export async function runInit(file: string | undefined, opts: InitOptions): Promise<void> {
  if (opts.roster) {
    if (file) throw new UsageError('give either a file or --roster, not both');
    // The roster gives each body its kind.
    if (opts.kind) throw new UsageError('--kind goes without --roster: the roster gives each body its kind');
    return (await import('./init-roster.js')).runInitRoster({ ...opts, roster: opts.roster });
  }
  if (opts.out) throw new UsageError('--out goes with --roster; give the file to write instead');
  return (await import('./init.js')).runInit(file, opts);
}
