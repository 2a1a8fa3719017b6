// The code cache (src/cli/code-cache.ts, built to dist/code-cache.cjs): saved after a run, used
// only when it is the user's own and made for this very bundle, and never a reason for a
// command to behave differently. Each load runs in a process of its own, as each command
// does: within one process V8 keeps what it compiled and would take a script from memory,
// whatever cache it is handed.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder } from '../src/cli/code-cache.js';
import { ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dutykit-code-cache-'));
/** Where each run starts: a cache put in "the current folder" lands here, not in the checkout. */
const cwd = join(dir, 'cwd');
mkdirSync(cwd);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A bundle of its own for each test, with enough code for V8 to cache. */
function bundle(answer = 42): string {
  const folder = join(dir, `b${n++}`);
  mkdirSync(folder);
  const file = join(folder, 'cli.cjs');
  const body = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x * ${i} + ${answer}; }`).join('\n');
  writeFileSync(file, `'use strict';\n${body}\nexports.answer = () => f0(0) + f1(0) - ${answer};\n`);
  return file;
}
const LOADER = join(ROOT, 'dist', 'code-cache.cjs');
interface Run {
  cached: boolean;
  answer: number;
  saved: string[];
}
/** Load `file` with the cache in `folder` in a new process, run it, and save what is to save. */
function run(file: string, folder: string | undefined, env: NodeJS.ProcessEnv = {}): Run {
  const script = `const c = require(${JSON.stringify(LOADER)}); const r = c.loadBundle(${JSON.stringify(file)}, 'rate');
    process.stdout.write(JSON.stringify({ cached: r.cached, answer: r.exports.answer(), saved: c.saveCaches() }));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8', env: { ...process.env, DUTYKIT_CACHE: folder, ...env }, timeout: 20_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Run;
}

describe('the code cache', () => {
  it('is saved after a run, readable by the user only, and taken by the next run', () => {
    const file = bundle();
    const folder = join(dir, 'cache-a');
    const first = run(file, folder);
    expect(first).toMatchObject({ cached: false, answer: 42 });
    const [saved] = first.saved;
    expect(saved).toMatch(/cli\.[0-9a-f]{12}\.rate\.[0-9a-f]{12}\.[0-9a-f]{12}\.v8$/);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(saved!).mode & 0o777).toBe(0o600);
    // Taken, so nothing to save again.
    expect(run(file, folder)).toEqual({ cached: true, answer: 42, saved: [] });
  });

  it('is not used, nor written, in a folder others may write to', () => {
    const file = bundle();
    const folder = join(dir, 'cache-shared');
    run(file, folder);
    chmodSync(folder, 0o777);
    expect(run(file, folder)).toEqual({ cached: false, answer: 42, saved: [] });
  });

  it('is not used, nor written, below a folder others may rename things in (a folder swapped for a link meanwhile)', () => {
    const file = bundle();
    const shared = join(dir, 'shared-parent');
    mkdirSync(shared);
    const folder = join(shared, 'cache');
    expect(run(file, folder).saved).toHaveLength(1);
    chmodSync(shared, 0o777);
    expect(run(file, folder)).toEqual({ cached: false, answer: 42, saved: [] });
    rmSync(folder, { recursive: true });
    expect(run(file, folder)).toEqual({ cached: false, answer: 42, saved: [] });
    expect(readdirSync(shared)).toEqual([]);
    // With the sticky bit (as /tmp has), others cannot rename what is ours: used again.
    chmodSync(shared, 0o1777);
    expect(run(file, folder).saved).toHaveLength(1);
    expect(run(file, folder).cached).toBe(true);
  });

  it('is not used through a link, nor when someone else owns it', () => {
    const file = bundle();
    const folder = join(dir, 'cache-real');
    const [saved] = run(file, folder).saved;
    const linked = join(dir, 'cache-link');
    symlinkSync(folder, linked);
    expect(run(file, linked)).toEqual({ cached: false, answer: 42, saved: [] });
    expect(lstatSync(linked).isSymbolicLink()).toBe(true);
    // A cache file that is a link to a good cache is not read either.
    const other = join(dir, 'cache-file-link');
    mkdirSync(other, { mode: 0o700 });
    symlinkSync(saved!, join(other, saved!.split('/').pop()!));
    expect(run(file, other)).toMatchObject({ cached: false, answer: 42 });
    if (process.getuid?.() === 0) {
      // Only root can give a file away; on this machine the tests run as root.
      const theirs = join(dir, 'cache-theirs');
      run(file, theirs);
      chownSync(theirs, 1, 1);
      expect(run(file, theirs)).toEqual({ cached: false, answer: 42, saved: [] });
    }
  });

  it('made for one bundle is never given to another, and the old one is removed once the new is saved', () => {
    const file = bundle(1);
    const folder = join(dir, 'cache-rebuilt');
    const [old] = run(file, folder).saved;
    // Rebuilt: the same file and the same length, other code.
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('+ 1;', '+ 2;').replace('- 1;', '- 2;'));
    const rebuilt = run(file, folder);
    expect(rebuilt).toMatchObject({ cached: false, answer: 2 });
    expect(rebuilt.saved[0]).not.toBe(old);
    expect(readdirSync(folder)).toEqual([rebuilt.saved[0]!.split('/').pop()]);
  });

  it('that is damaged is set aside by V8, the bundle runs as if there were none, and a good one replaces it', () => {
    const file = bundle();
    const folder = join(dir, 'cache-damaged');
    const [saved] = run(file, folder).saved;
    const bytes = readFileSync(saved!);
    writeFileSync(saved!, bytes.subarray(0, bytes.length >> 1));
    expect(run(file, folder)).toEqual({ cached: false, answer: 42, saved: [saved] });
    expect(run(file, folder)).toEqual({ cached: true, answer: 42, saved: [] });
  });

  it('with one bit changed is not handed to V8 (which would crash, hang or say something else), and a good one replaces it', () => {
    const file = bundle();
    const folder = join(dir, 'cache-flipped');
    const [saved] = run(file, folder).saved;
    const bytes = readFileSync(saved!);
    for (const at of [40, bytes.length >> 1, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[at]! ^= 0x10;
      writeFileSync(saved!, flipped);
      expect(run(file, folder)).toEqual({ cached: false, answer: 42, saved: [saved] });
    }
    expect(run(file, folder)).toEqual({ cached: true, answer: 42, saved: [] });
  });

  it('a temporary file is never left behind when saving fails', () => {
    const file = bundle();
    const folder = join(dir, 'cache-blocked-name');
    const [saved] = run(file, folder).saved;
    rmSync(saved!);
    mkdirSync(saved!); // a folder where the cache would go: the rename fails
    expect(run(file, folder).saved).toEqual([]);
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('that cannot be saved is no error, and no hang', () => {
    const file = bundle();
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    expect(run(file, join(blocked, 'cache'))).toEqual({ cached: false, answer: 42, saved: [] });
    // A folder that exists but refuses a child: Node's recursive mkdir would ask for ever.
    if (process.platform === 'linux') expect(run(file, '/proc/1/dutykit-cache')).toEqual({ cached: false, answer: 42, saved: [] });
  });

  it("is off with DUTYKIT_CACHE=off (0, false, no, none) or Node's own switch, and follows XDG_CACHE_HOME when it is absolute", () => {
    for (const off of ['off', 'OFF', '0', 'false', 'no', 'none']) expect(cacheFolder({ DUTYKIT_CACHE: off })).toBeUndefined();
    expect(cacheFolder({ NODE_DISABLE_COMPILE_CACHE: '1', DUTYKIT_CACHE: '/x' })).toBeUndefined();
    expect(cacheFolder({ DUTYKIT_CACHE: '/x/y' })).toBe('/x/y');
    if (process.platform !== 'win32') {
      expect(cacheFolder({ XDG_CACHE_HOME: '/c' })).toBe('/c/dutykit');
      expect(cacheFolder({ XDG_CACHE_HOME: 'relative' })).toMatch(/\/\.cache\/dutykit$/);
    }
  });

  it('is never put in the current folder by an empty or relative HOME, nor made by root in a folder another user owns', () => {
    const file = bundle();
    const cwdBefore = readdirSync(cwd);
    for (const HOME of ['', 'relative']) expect(run(file, undefined, { DUTYKIT_CACHE: '', XDG_CACHE_HOME: '', HOME })).toEqual({ cached: false, answer: 42, saved: [] });
    // A relative DUTYKIT_CACHE, or a stray space, is no folder to use either.
    for (const DUTYKIT_CACHE of [' ', 'relcache', '.']) expect(run(file, undefined, { DUTYKIT_CACHE })).toEqual({ cached: false, answer: 42, saved: [] });
    expect(readdirSync(cwd)).toEqual(cwdBefore);
    // Nor the top of the disk, however HOME or XDG_CACHE_HOME spells it.
    const top = ['/.cache', '/dutykit'].filter((f) => !existsSync(f));
    for (const HOME of ['//', '/.', '/tmp/..']) expect(run(file, undefined, { DUTYKIT_CACHE: '', XDG_CACHE_HOME: '', HOME }).saved).toEqual([]);
    for (const XDG_CACHE_HOME of ['/', '//']) expect(run(file, undefined, { DUTYKIT_CACHE: '', XDG_CACHE_HOME, HOME: '' }).saved).toEqual([]);
    for (const f of top) expect(existsSync(f)).toBe(false);
    if (process.getuid?.() === 0) {
      // `sudo -E`: root with bob's HOME must not make a root-owned ~/.cache in bob's home.
      const bob = join(dir, 'home-bob');
      mkdirSync(bob);
      chownSync(bob, 1, 1);
      expect(run(file, undefined, { DUTYKIT_CACHE: '', XDG_CACHE_HOME: '', HOME: bob })).toEqual({ cached: false, answer: 42, saved: [] });
      expect(readdirSync(bob)).toEqual([]);
    }
  });

  it('keeps the folder within its bound: its own caches saved longest ago go first, and nothing else', () => {
    const folder = join(dir, 'cache-full');
    mkdirSync(folder, { mode: 0o700 });
    const day = 86_400;
    const now = Date.now() / 1000;
    const put = (name: string, age: number, mb: number) => {
      const path = join(folder, name);
      writeFileSync(path, '');
      truncateSync(path, mb * 1024 * 1024);
      utimesSync(path, now - age * day, now - age * day);
      return path;
    };
    // Caches of other copies of dutykit, 30 MB each (sparse), saved three, two and one days ago.
    const [a, b, c] = ['a', 'b', 'c'].map((x) => `cli.${x.repeat(12)}.rate.${'0'.repeat(12)}.${'1'.repeat(12)}.v8`);
    put(a!, 3, 30);
    put(b!, 2, 30);
    put(c!, 1, 30);
    // Not dutykit's: another tool's .v8 file, older and larger than all of them, and notes.
    put('my-snapshot.v8', 2000, 70);
    writeFileSync(join(folder, 'notes.txt'), 'not a cache');
    // A file named as a cache but another user's (when the tests can make one).
    const theirs = `cli.${'d'.repeat(12)}.rate.${'0'.repeat(12)}.${'1'.repeat(12)}.v8`;
    if (process.getuid?.() === 0) chownSync(put(theirs, 2500, 1), 1000, 1000);
    const saved = run(bundle(), folder).saved;
    expect(saved).toHaveLength(1);
    // The new one and the two newest of its own fit in 64 MB; the oldest did not; the rest is not its own.
    const kept = [b!, c!, basename(saved[0]!), 'my-snapshot.v8', 'notes.txt', ...(process.getuid?.() === 0 ? [theirs] : [])];
    expect(readdirSync(folder).sort()).toEqual(kept.sort());
  });
  it("removes the old caches of its own bundle and command only: a file, link or folder that merely begins with their name stays, and the bound still holds", () => {
    const folder = join(dir, 'cache-prefix');
    const file = bundle();
    const first = run(file, folder).saved[0]!;
    const prefix = basename(first).slice(0, -'0123456789ab.v8'.length);
    // Beside it: another tool's notes, a link and a folder, each named with the same beginning,
    // and two old caches of other copies of dutykit, 40 MB each, saved long ago.
    writeFileSync(join(folder, `${prefix}notes.txt`), 'not a cache');
    symlinkSync(join(dir, 'nowhere'), join(folder, `${prefix}link`));
    mkdirSync(join(folder, `${prefix}zz`));
    const others = ['e', 'f'].map((x) => `cli.${x.repeat(12)}.rate.${'0'.repeat(12)}.${'1'.repeat(12)}.v8`);
    others.forEach((name, i) => {
      const path = join(folder, name);
      writeFileSync(path, '');
      truncateSync(path, 40 * 1024 * 1024);
      const then = Date.now() / 1000 - (10 - i) * 86_400;
      utimesSync(path, then, then);
    });
    // A rebuild of the bundle: a cache of a new name, and the old one of its bundle and command goes.
    writeFileSync(file, readFileSync(file));
    utimesSync(file, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
    const second = run(file, folder).saved[0]!;
    expect(second).not.toBe(first);
    expect(readdirSync(folder).sort()).toEqual([basename(second), `${prefix}link`, `${prefix}notes.txt`, `${prefix}zz`, others[1]!].sort());
  });
});

