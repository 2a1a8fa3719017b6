// Write a file so that a reader, or a crash, only ever sees the old or the new whole file.
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { attempt } from '../attempt.js';
import { CannotWrite } from '../errors.js';
import { messages, type Messages } from '../i18n/catalogue.js';
import { visible, visibleValues } from '../outside.js';

export interface WriteOptions {
  /**
   * Output (a report, a roll-up), never an input: a YAML file there, by its name or through a
   * link, is refused (see refuseInput).
   */
  output?: boolean;
  /**
   * The file's bytes when it was read (null: there was no file). If the file on disk is no
   * longer that, another program has saved it meanwhile, and nothing is written.
   */
  expect?: Uint8Array | null;
}

/** Write `data` to `file` atomically; on failure the old file is untouched and CannotWrite says why and what to do. */
export function writeFileAtomic(file: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
  const ready = guarded(file, () => prepare(file, data, opts));
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

/** Run `f`, turning a failure into CannotWrite: why, and what to do. */
export function guarded<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw cannotWrite(file, e);
  }
}

/**
 * Why, and what to do, as catalogue entries (usage.whyNotWritten, usage.writeAdvice): said in
 * the command's language. `stuck`: the files already replaced that could not be put back
 * (atomic-set.ts), when there are any.
 */
export function cannotWrite(file: string, e: unknown, stuck: { file: string; kept?: string }[] = []): CannotWrite {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const detail = (e as Error)?.message ?? String(e);
  const words = (m: Messages) => {
    // File names (and the system's words, which name them) made visible: never a line of their own.
    const list = stuck.map((s) => (s.kept ? m.t('usage.writeKept', visibleValues({ file: s.file, kept: s.kept })) : visible(s.file))).join(', ');
    const why = m.t('usage.whyNotWritten', { code, detail: visible(detail) });
    return m.t('usage.cannotWrite', { file: visible(file), why, stuck: list || 'none', count: stuck.length, advice: m.t('usage.writeAdvice', { code }) });
  };
  return new CannotWrite(file, e, { message: words(messages('en')), inLang: words });
}

/**
 * `mkdir -p`, one folder at a time. Node's recursive mkdir asks again for ever when a folder
 * exists but will not take a child (`/proc/1/x` answers "no such file" however often it is
 * asked), so `--out /proc/1/x` hung; here the first refusal is the answer.
 */
export function makeFolder(dir: string, mode = 0o777): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !isFolder(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const d of missing) {
    try {
      mkdirSync(d, mode);
    } catch (e) {
      // Made meanwhile by another process: as good as made here.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !isFolder(d)) throw e;
    }
  }
}

const isFolder = (path: string): boolean => attempt(() => statSync(path).isDirectory()) === true;

export interface Prepared {
  tmp: string;
  target: string;
  dir: string;
}

/** The new bytes, whole and on disk, in a temporary file beside the target. */
export function prepare(file: string, data: string | Uint8Array, opts: Pick<WriteOptions, 'output'> = {}): Prepared {
  // Through a symbolic link to the file it names, so that the link stays a link.
  const target = resolveLink(file);
  // A link to a pipe (/dev/stdout into `| cat`) resolves to no path at all: asked as named too.
  const named = attempt(() => statSync(file));
  if (named && !named.isFile() && !named.isDirectory()) throw Object.assign(new Error(`${file} is not an ordinary file`), { code: 'ENOTFILE' });
  const mode = refuseToReplace(target);
  if (opts.output && mode !== undefined) refuseInput(target);
  const dir = dirname(target);
  makeFolder(dir);
  removeStale(dir, basename(target));
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
export function commit({ tmp, target, dir }: Prepared): void {
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

/** For cleaning up after a failure, which must not hide the failure. */
export const quietly = (f: () => void): void => void attempt(f);

// Not there yet (or a dangling link): the name is written as given.
const resolveLink = (file: string): string => attempt(() => realpathSync(file)) ?? file;

/**
 * The mode of the file about to be replaced (undefined: there is none), or a refusal: a folder
 * of that name, or a read-only file. A rename replaces a file whatever its mode says, so the
 * mode is checked here: a file marked read-only (no write bit for anyone, as `chmod 444`
 * leaves it, which binds root too) or one this user may not write is left as it is.
 */
function refuseToReplace(target: string): number | undefined {
  const st = attempt(() => statSync(target));
  if (!st) return undefined;
  if (st.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  // A device (/dev/null, a disk), a pipe or a socket would be replaced by a file, or, read to
  // see what it holds, wait for ever: output goes only over an ordinary file.
  if (!st.isFile()) throw Object.assign(new Error(`${target} is not an ordinary file`), { code: 'ENOTFILE' });
  if (readOnly(st, target)) throw Object.assign(new Error('the file is read-only'), { code: 'EREADONLY' });
  return st.mode & 0o7777;
}

/**
 * Output goes where the user says, and a link there is followed: `--out rollup.md` that is a
 * link to a return, or a report's file name linked to the assessment, would replace the input
 * with the output. A file that is YAML by its real name (.yaml, .yml), or whose text begins as
 * an assessment or a roster does (comments, then `framework:`), is left as it is.
 */
function refuseInput(target: string): void {
  if (/\.ya?ml$/i.test(target) || beginsAsInput(target)) throw Object.assign(new Error('a YAML input'), { code: 'EINPUT' });
}

function beginsAsInput(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(4096);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8').replace(/^\uFEFF/, '');
    // The first line that is not blank or a comment (a Markdown heading reads as one: no harm).
    const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    return first !== undefined && /^framework\s*:/.test(first);
  } catch {
    return false; // not readable: the write itself will say why
  } finally {
    if (fd !== undefined) quietly(() => closeSync(fd!));
  }
}

function readOnly(st: Stats, file: string): boolean {
  if ((st.mode & 0o222) === 0) return true;
  try {
    accessSync(file, constants.W_OK);
    return false;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM';
  }
}

/** Refuse now, before any question is asked, to change a file that cannot be replaced. */
export function checkReplaceable(file: string): void {
  guarded(file, () => refuseToReplace(resolveLink(file)));
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
 * (a crash, a kill, a power cut), and the copies of old files a set of files keeps while it
 * is being put in place (atomic-set.ts). Only ours, by their exact name, and only when the
 * process that made them is gone.
 */
export function removeStale(dir: string, name: string): void {
  const entries = attempt(() => readdirSync(dir));
  if (!entries) return;
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const m = /^(\d+)(-[0-9a-f]{8})?\.(tmp|bak)$/.exec(entry.slice(prefix.length));
    // This process has one temporary file per target at a time: any other is from an earlier life.
    if (m && (Number(m[1]) === process.pid || !alive(Number(m[1])))) quietly(() => rmSync(join(dir, entry), { force: true }));
  }
}

/** Whether process `pid` is running (one we may not signal is). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
