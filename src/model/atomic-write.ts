// Write a file so that a reader, or a crash, only ever sees the old or the new whole file.
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CannotWrite } from '../errors.js';

export interface WriteOptions {
  /**
   * The file's bytes when it was read (null: there was no file). If the file on disk is no
   * longer that, another program has saved it meanwhile, and nothing is written.
   */
  expect?: Uint8Array | null;
}

/** What to do about each failure, after CannotWrite has said what it was. */
const ADVICE: Record<string, string> = {
  ENOSPC: 'Free some disk space, or write somewhere else, and run the command again.',
  EDQUOT: 'Free some space within your quota, or write somewhere else, and run the command again.',
  EROFS: 'Write to a folder that is not read-only (for a report, --out <folder>).',
  EACCES: 'Check that you may write to that folder, or write somewhere else.',
  EPERM: 'Check that you may write to that folder, or write somewhere else.',
  ENOTDIR: 'Move the file that is in the way, or write somewhere else.',
  EEXIST: 'Move the file that is in the way, or write somewhere else.',
  EISDIR: 'Give a file name, not a folder.',
  ECHANGED: 'Open the file again to see the other change, then make yours again.',
};

/** Write `data` to `file` atomically; on failure the old file is untouched and CannotWrite says why and what to do. */
export function writeFileAtomic(file: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
  const ready = guarded(file, () => prepare(file, data));
  guarded(file, () => {
    try {
      if (opts.expect !== undefined && !unchanged(ready.target, opts.expect)) {
        throw Object.assign(new Error('another program changed it after it was read'), { code: 'ECHANGED' });
      }
    } catch (e) {
      quietly(() => rmSync(ready.tmp, { force: true }));
      throw e;
    }
    commit(ready);
  });
}

/**
 * Write several files (a report's formats) so that either all of them are replaced or, when
 * one cannot be written, none is: each is written whole beside its target first, and only
 * then are they renamed over their targets, one straight after another.
 */
export function writeFilesAtomic(files: readonly { file: string; data: string | Uint8Array }[]): void {
  const ready: Prepared[] = [];
  try {
    for (const { file, data } of files) ready.push(guarded(file, () => prepare(file, data)));
  } catch (e) {
    for (const r of ready) quietly(() => rmSync(r.tmp, { force: true }));
    throw e;
  }
  ready.forEach((r, i) => guarded(files[i]!.file, () => commit(r)));
}

/** Run `f`, turning a failure into CannotWrite: why, and what to do. */
function guarded<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code ?? '';
    const error = new CannotWrite(file, e);
    error.message += `. ${ADVICE[code] ?? 'Check the path and the disk, and run the command again.'}`;
    throw error;
  }
}

interface Prepared {
  tmp: string;
  target: string;
  dir: string;
}

/** The new bytes, whole and on disk, in a temporary file beside the target. */
function prepare(file: string, data: string | Uint8Array): Prepared {
  // Through a symbolic link to the file it names, so that the link stays a link.
  const target = resolveLink(file);
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true });
  removeStale(dir, basename(target));
  const mode = existingMode(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o666); // never an existing file, never through a planted link
    if (mode !== undefined) fchmodSync(fd, mode); // an OFFICIAL-SENSITIVE file kept private stays private
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
  } catch (e) {
    if (fd !== undefined) quietly(() => closeSync(fd!));
    quietly(() => rmSync(tmp, { force: true }));
    throw e;
  }
  return { tmp, target, dir };
}

/** Put the prepared file in place of its target, and make the rename itself last. */
function commit({ tmp, target, dir }: Prepared): void {
  try {
    renameSync(tmp, target);
  } catch (e) {
    quietly(() => rmSync(tmp, { force: true }));
    throw e;
  }
  quietly(() => {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  }); // Some file systems cannot sync a folder; the rename has happened all the same.
}

function quietly(f: () => void): void {
  try {
    f();
  } catch {
    // cleaning up after a failure must not hide the failure
  }
}

function resolveLink(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file; // not there yet (or a dangling link): write the name as given
  }
}

function existingMode(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

function unchanged(file: string, expected: Uint8Array | null): boolean {
  let now: Buffer | null;
  try {
    now = readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    now = null;
  }
  return now === null || expected === null ? now === expected : Buffer.compare(now, expected) === 0;
}

/**
 * Temporary files beside `name` left by a writer that died between writing and renaming
 * (a crash, a kill, a power cut). Only ours, by their exact name, and only when the
 * process that made them is gone.
 */
function removeStale(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const m = /^(\d+)(-[0-9a-f]{8})?\.tmp$/.exec(entry.slice(prefix.length));
    if (m && !alive(Number(m[1]))) quietly(() => rmSync(join(dir, entry), { force: true }));
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // this process has one temporary file per target at a time: any other is from an earlier life
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
