// Several files (a report's formats) written as one: either every one is replaced or none is.
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, constants, fsyncSync, linkSync, lstatSync, openSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { attempt } from '../attempt.js';
import { cannotWrite, commit, guarded, prepare, quietly, type Prepared } from './atomic-write.js';

interface Placed {
  file: string;
  ready: Prepared;
  /** The old file, kept under another name until every new one is in place (none: there was no old file). */
  kept?: string;
}

/**
 * Write `files` (output: a YAML input in the way is refused, see atomic-write.ts) so that either all of them are replaced or, when one cannot be, none is.
 * Each is first written whole beside its target, so that every refusal found before a rename
 * (a folder of that name, a read-only file, a full disk) leaves everything as it was. Then each
 * old file is kept under a hidden second name (a hard link: nothing is copied) and the new one
 * renamed over it; if a rename fails (a file held open on Windows, a folder put there
 * meanwhile), the files already replaced get their old versions back. No temporary file is
 * left either way.
 */
export function writeFilesAtomic(files: readonly { file: string; data: string | Uint8Array }[]): void {
  const ready: Prepared[] = [];
  try {
    for (const { file, data } of files) ready.push(guarded(file, () => (refuseLinkOut(file), prepare(file, data, { output: true }))));
  } catch (e) {
    for (const r of ready) quietly(() => rmSync(r.tmp, { force: true }));
    throw e;
  }
  const placed: Placed[] = [];
  for (let i = 0; i < ready.length; i++) {
    const r = ready[i]!;
    let kept: string | undefined;
    try {
      kept = keepOld(r.target);
      commit(r);
      placed.push({ file: files[i]!.file, ready: r, kept });
    } catch (e) {
      if (kept) quietly(() => rmSync(kept!, { force: true }));
      // This one's temporary file too, when it failed before its rename.
      for (const later of ready.slice(i)) quietly(() => rmSync(later.tmp, { force: true }));
      throw undo(placed, files[i]!.file, e);
    }
  }
  for (const p of placed) if (p.kept) quietly(() => rmSync(p.kept!, { force: true }));
}

/**
 * The files of a set are named by dutykit, not by the user: a symbolic link in their place that
 * leads out of the folder (one committed under reports/, say) would have a report overwrite
 * some other file, so it is refused. A link within the folder is followed as usual.
 */
function refuseLinkOut(file: string): void {
  // Nothing there yet, or not a link: nothing to refuse.
  if (attempt(() => lstatSync(file).isSymbolicLink()) !== true) return;
  // A dangling link: where it would lead is not known, so it leads out.
  const to = attempt(() => realpathSync(file)) ?? '';
  if (!to || dirname(to) !== realpathSync(dirname(file))) throw Object.assign(new Error('a link out of the folder'), { code: 'ELINKOUT' });
}

/** A second name for the file at `target` (undefined: there is no file there yet). */
function keepOld(target: string): string | undefined {
  const kept = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.bak`);
  try {
    linkSync(target, kept);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // A file system without hard links: a copy, flushed, does the same job more slowly.
    copyFileSync(target, kept, constants.COPYFILE_EXCL);
    const fd = openSync(kept, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return kept;
}

/**
 * Put back the old versions of the files already replaced, and say truly what happened: that
 * nothing was changed, or (when an old version could not be put back) which files were.
 */
function undo(placed: Placed[], failed: string, cause: unknown): Error {
  const stuck: { file: string; kept?: string }[] = [];
  for (const p of [...placed].reverse()) {
    try {
      if (p.kept) renameSync(p.kept, p.ready.target);
      else rmSync(p.ready.target, { force: true });
    } catch {
      stuck.unshift({ file: p.file, kept: p.kept });
    }
  }
  return cannotWrite(failed, cause, stuck);
}
