// Loading a built bundle (dist/*.cjs) with a V8 code cache that is saved AFTER a run, so that
// it holds every function the command compiled, not only those compiled up front.
//
// Why not only Node's own compile cache (`module.enableCompileCache()`, Node 22.1+)? Node
// serialises a script's cache as soon as it is compiled, before it runs, so the functions V8
// compiles lazily while the command works are never in it. Measured on Node 22 and 24 (CPU
// time, interleaved, docs/architecture.md), a cache saved after the run saves 25-30 ms more
// than Node's on `rate` and 86-106 ms on a PDF: past the 20 ms a hand-made cache must save.
//
// The cache is only a shortcut: when anything about it is wrong, the bundle is compiled as
// any script is and the result is the same. Cached bytecode is code, and V8 checks neither
// its integrity nor where it came from (a flipped bit crashed it, or changed a word of
// output), so a cache is used only when (test/code-cache.test.ts):
// - its bytes come from a file opened once, not through a link, that this user owns and
//   nobody else may write to: whatever a folder above it is swapped for meanwhile, another
//   user cannot make a file owned by this one;
// - a SHA-256 of its name and bytes, written ahead of it, matches;
// - it was made for this very bundle file (path, size, times, inode, read the same before
//   and after the code) by this Node (version, architecture, V8 flags).
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { makeFolder } from '../model/atomic-write.js';
import { attempt } from '../attempt.js';

const OFF = new Set(['off', '0', 'false', 'no', 'none']);

/** Where caches live, or undefined when caching is off (`DUTYKIT_CACHE=off`, or Node's own switch). */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE || OFF.has((env.DUTYKIT_CACHE ?? '').trim().toLowerCase())) return undefined;
  // Only a full path: a relative one (or a stray space) would put it in whatever folder the
  // command runs in; and never the top of the disk, where HOME=/ (or //, /.) would put it.
  const full = (path: string | undefined) => (path && isAbsolute(path) && resolve(path) !== resolve('/') ? resolve(path) : undefined);
  if (env.DUTYKIT_CACHE) return full(env.DUTYKIT_CACHE);
  if (process.platform === 'win32') return full(env.LOCALAPPDATA) && join(full(env.LOCALAPPDATA)!, 'dutykit', 'cache');
  const xdg = full(env.XDG_CACHE_HOME);
  if (xdg) return join(xdg, 'dutykit');
  const h = full(attempt(homedir));
  return h && join(h, '.cache', 'dutykit');
}

const uid = process.platform === 'win32' ? undefined : process.getuid?.();

/** Ours alone: owned by this user, writable by nobody else. Windows keeps LOCALAPPDATA per user. */
const ownedBySelf = (st: Stats): boolean => uid === undefined || (st.uid === uid && (st.mode & 0o022) === 0);

function isOwnFolder(path: string): boolean {
  const st = lstatOrUndefined(path);
  return st !== undefined && st.isDirectory() && ownedBySelf(st);
}

/**
 * The cache folder, made if need be, but only inside a folder of this user's: run as root with
 * another user's HOME (`sudo -E`), dutykit must not make root's folders in that user's home.
 */
function ownFolder(folder: string): string | undefined {
  const real = securePath(folder);
  if (real && isOwnFolder(real)) return real;
  let above = dirname(folder);
  while (!lstatOrUndefined(above) && dirname(above) !== above) above = dirname(above);
  const st = lstatOrUndefined(above);
  if (!st?.isDirectory() || (uid !== undefined && st.uid !== uid) || !securePath(join(above, 'dutykit'))) return undefined;
  makeFolder(folder, 0o700);
  const made = securePath(folder);
  return made && isOwnFolder(made) ? made : undefined;
}

/**
 * `folder` with the links above it resolved, when nobody but this user and root may rename or
 * replace a folder on the way to it (each owned by one of them, and writable by nobody else
 * unless, like /tmp, it lets each user remove only their own); else undefined. Then no one
 * can swap a folder above the cache between the checks and the read or the write (with the
 * links resolved first, not even a link in a shared folder).
 */
function securePath(folder: string): string | undefined {
  const above = attempt(() => realpathSync(dirname(folder)));
  if (above === undefined) return undefined;
  const real = join(above, basename(folder));
  if (uid === undefined) return real;
  for (let p = dirname(real); ; p = dirname(p)) {
    const st = lstatOrUndefined(p);
    if (!st?.isDirectory() || (st.uid !== uid && st.uid !== 0) || ((st.mode & 0o022) !== 0 && (st.mode & 0o1000) === 0)) return undefined;
    if (dirname(p) === p) return real;
  }
}

const lstatOrUndefined = (path: string): Stats | undefined => attempt(() => lstatSync(path));

/** A cache file's bytes: read through one descriptor, which must be a file of ours; else undefined. */
function readOwn(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    // No link followed, and a pipe put in its place neither blocks nor counts.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || !ownedBySelf(st) || st.size > 64 * 1024 * 1024) return undefined;
    const bytes = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < bytes.length) {
      const got = readSync(fd, bytes, n, bytes.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return bytes.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const DIGEST = 32;
const digest = (name: string, cache: Uint8Array): Buffer => createHash('sha256').update(name).update('\0').update(cache).digest();

/** The cache itself when the digest ahead of it matches, else undefined. */
function checked(name: string, bytes: Buffer | undefined): Buffer | undefined {
  if (!bytes || bytes.length <= DIGEST) return undefined;
  const cache = bytes.subarray(DIGEST);
  return bytes.subarray(0, DIGEST).equals(digest(name, cache)) ? cache : undefined;
}

/** A cache name fit for a file name: the command's name when it is a plain word. */
const keyWord = (key: string | undefined): string => (key && /^[a-z][a-z-]{0,23}$/.test(key) ? key : '-');
const short = (...parts: unknown[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 12);

/** What names the bundle file as it is now: a rebuild changes one of these. */
function fileId(bundle: string): string {
  const st = statSync(bundle, { bigint: true });
  return [st.size, st.mtimeNs, st.ctimeNs, st.ino].join(':');
}

export interface LoadedBundle<T> {
  exports: T;
  /** Whether a saved cache was handed to V8 and V8 took it. */
  cached: boolean;
}

interface Entry {
  script: Script;
  folder: string;
  prefix: string;
  name: string;
}
const toSave: Entry[] = [];

/** Run `file` (a CommonJS bundle) with its cache for command `key`, and return what it exports. */
export function loadBundle<T>(file: string, key?: string, env: NodeJS.ProcessEnv = process.env): LoadedBundle<T> {
  const bundle = resolve(file);
  const folder = cacheFolder(env);
  const before = folder && fileId(bundle);
  const code = readFileSync(bundle, 'utf8');
  let cachedData: Buffer | undefined;
  let entry: Omit<Entry, 'script'> | undefined;
  // The code read is the file named only if nothing changed it meanwhile (a rebuild).
  if (folder && before && before === fileId(bundle)) {
    // Caches of each copy of dutykit, for each command and each Node with its flags, apart:
    // one never replaces another's. The bundle file's identity ends the name.
    const prefix = `${basename(bundle, '.cjs')}.${short(bundle)}.${keyWord(key)}.${short(process.version, process.arch, process.execArgv.join(' '), env.NODE_OPTIONS ?? '')}.`;
    entry = { folder, prefix, name: `${prefix}${short(before)}.v8` };
    const real = securePath(folder);
    if (real && isOwnFolder(real)) cachedData = checked(entry.name, readOwn(join(real, entry.name)));
  }
  // The wrapper Node puts round a CommonJS module, on a line of its own that lineOffset takes
  // back, so that a stack trace gives the bundle's own lines and columns.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${code}\n})`, {
    filename: pathToFileURL(bundle).href,
    lineOffset: -1,
    cachedData,
  });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  if (entry && !cached) toSave.push({ ...entry, script });
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (e: T, r: NodeJS.Require, m: { exports: T }, f: string, d: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, cached };
}

/**
 * The most the cache folder holds: ten commands' caches for a few copies of dutykit (about
 * 1 MB each) fit many times over. Each copy of dutykit (each npx version, each checkout) names
 * its own caches and replaces only those, so without a bound the folder grew with every copy
 * run: 545 MB in a day of builds here.
 */
export const FOLDER_BYTES = 64 * 1024 * 1024;

/** A cache file's name as `loadBundle` makes it: bundle, its path, command, Node, bundle file. */
const CACHE_NAME = /^[a-z][a-z-]{0,23}\.[0-9a-f]{12}\.(?:[a-z][a-z-]{0,23}|-)\.[0-9a-f]{12}\.[0-9a-f]{12}\.v8$/;

/**
 * The caches saved last, up to FOLDER_BYTES; older ones removed, never `keep` (just saved).
 * Only dutykit's own (ownCaches): anything else in the folder (another tool's files, another
 * user's, a folder or a link of a cache's name) is neither counted nor touched.
 */
function keepWithin(folder: string, keep: string): void {
  const caches = ownCaches(folder).sort((a, b) => b.saved - a.saved);
  let total = 0;
  for (const c of caches) {
    if (total + c.size <= FOLDER_BYTES || c.name === keep) total += c.size;
    else attempt(() => rmSync(join(folder, c.name), { force: true }));
  }
}

/** dutykit's own caches in the folder: files named as it names them, owned by this user. */
function ownCaches(folder: string): { name: string; size: number; saved: number }[] {
  return readdirSync(folder)
    .filter((name) => CACHE_NAME.test(name))
    .flatMap((name) => {
      const st = lstatOrUndefined(join(folder, name));
      return st?.isFile() && ownedBySelf(st) ? [{ name, size: st.size, saved: st.mtimeMs }] : [];
    });
}

/**
 * After a command has run: save the code V8 compiled for each bundle loaded without a cache it
 * took, headed by its digest. Written whole (a temporary file renamed into place, removed if
 * anything fails), readable by this user only; older caches of the same bundle, command and
 * Node, left by earlier builds, are removed, and the oldest of any beyond FOLDER_BYTES. Never fails.
 */
export function saveCaches(): string[] {
  const saved: string[] = [];
  for (const e of toSave.splice(0)) {
    // A folder that cannot be made (a file in the way, /proc): no cache, and no error.
    const folder = attempt(() => ownFolder(e.folder));
    if (!folder) continue;
    const path = join(folder, e.name);
    const temp = `${path}.${process.pid}.tmp`;
    try {
      const cache = e.script.createCachedData();
      writeFileSync(temp, Buffer.concat([digest(e.name, cache), cache]), { mode: 0o600, flag: 'wx' });
      renameSync(temp, path);
      saved.push(path);
      for (const other of ownCaches(folder)) {
        if (other.name.startsWith(e.prefix) && other.name !== e.name) attempt(() => rmSync(join(folder, other.name), { force: true }));
      }
      keepWithin(folder, e.name);
    } catch {
      // A cache that cannot be saved is a run that compiles next time too; nothing half-made
      // stays (a folder of that name is not ours to remove: it is left as it was).
      attempt(() => rmSync(temp, { force: true }));
    }
  }
  return saved;
}
