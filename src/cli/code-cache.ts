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
// any script is and the result is the same. Since cached bytecode is code, a cache is used
// only from a folder of the user's own that nobody else can write to, never from a shared
// temp folder, and only by the same Node (version, architecture and V8 flags: V8 refuses
// others anyway) for the same bundle file (its size, times and inode name the cache file).
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { makeFolder } from '../model/atomic-write.js';

/** Where caches live, or undefined when caching is off (`DUTYKIT_CACHE=off`, or Node's own switch). */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE || env.DUTYKIT_CACHE === 'off') return undefined;
  if (env.DUTYKIT_CACHE) return resolve(env.DUTYKIT_CACHE);
  if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'dutykit', 'cache') : undefined;
  const xdg = env.XDG_CACHE_HOME;
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'dutykit');
}

/** Ours alone: not a link, owned by this user, writable by nobody else. Windows keeps LOCALAPPDATA per user. */
function ownedBySelf(st: Stats): boolean {
  if (process.platform === 'win32' || !process.getuid) return true;
  return !st.isSymbolicLink() && st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

function safe(path: string, kind: 'dir' | 'file'): boolean {
  try {
    const st = lstatSync(path);
    return (kind === 'dir' ? st.isDirectory() : st.isFile()) && ownedBySelf(st);
  } catch {
    return false;
  }
}

/** A cache name fit for a file name: the command's name when it is a plain word. */
const keyWord = (key: string | undefined): string => (key && /^[a-z][a-z-]{0,23}$/.test(key) ? key : '-');

/** The cache's file name: which bundle, for which command, made by which Node for which file. */
function cacheName(bundle: string, key: string | undefined): { prefix: string; name: string } {
  const st = statSync(bundle, { bigint: true });
  const id = createHash('sha256')
    .update([bundle, st.size, st.mtimeNs, st.ctimeNs, st.ino, process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS ?? ''].join('\0'))
    .digest('hex')
    .slice(0, 20);
  // Each installed copy of dutykit has caches of its own, so that two copies never replace each other's.
  const where = createHash('sha256').update(bundle).digest('hex').slice(0, 8);
  const prefix = `${basename(bundle, '.cjs')}.${where}.${keyWord(key)}.`;
  return { prefix, name: `${prefix}${id}.v8` };
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
  cached: boolean;
}
const loaded: Entry[] = [];

/** Run `file` (a CommonJS bundle) with its cache for command `key`, and return what it exports. */
export function loadBundle<T>(file: string, key?: string, env: NodeJS.ProcessEnv = process.env): LoadedBundle<T> {
  const bundle = resolve(file);
  const code = readFileSync(bundle, 'utf8');
  const folder = cacheFolder(env);
  let entry: Omit<Entry, 'script' | 'cached'> | undefined;
  let cachedData: Buffer | undefined;
  if (folder) {
    try {
      entry = { folder, ...cacheName(bundle, key) };
      const path = join(folder, entry.name);
      if (safe(folder, 'dir') && safe(path, 'file')) cachedData = readFileSync(path);
    } catch {
      // No cache: compiled as usual.
    }
  }
  // The wrapper Node puts round a CommonJS module, on a line of its own that lineOffset takes
  // back, so that a stack trace gives the bundle's own lines and columns.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${code}\n})`, {
    filename: pathToFileURL(bundle).href,
    lineOffset: -1,
    cachedData,
  });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  if (entry) loaded.push({ ...entry, script, cached });
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (e: T, r: NodeJS.Require, m: { exports: T }, f: string, d: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, cached };
}

/**
 * After a command has run: save the code V8 compiled for each bundle loaded without a cache it
 * took. Written whole (a temporary file renamed into place), readable by this user only; older
 * caches of the same bundle and command left by earlier builds are removed. Never fails.
 */
export function saveCaches(): string[] {
  const saved: string[] = [];
  for (const e of loaded.splice(0)) {
    if (e.cached) continue;
    try {
      makeFolder(e.folder, 0o700);
      if (!safe(e.folder, 'dir')) continue;
      const path = join(e.folder, e.name);
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, e.script.createCachedData(), { mode: 0o600, flag: 'wx' });
      renameSync(temp, path);
      saved.push(path);
      for (const other of readdirSync(e.folder)) {
        if (other.startsWith(e.prefix) && other !== e.name && other.endsWith('.v8')) rmSync(join(e.folder, other), { force: true });
      }
    } catch {
      // A cache that cannot be saved is a run that compiles next time too.
    }
  }
  return saved;
}
