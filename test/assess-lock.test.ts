// The lock of `assess`: a live session blocks a second one; a pid that now belongs to an
// unrelated process does not (the lock records when its process started).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, startedAt } from '../src/cli/assess/lock.js';

let dir: string;
let file: string;
let other: ChildProcess;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutykit-lock-'));
  file = join(dir, 'a.yaml');
  other = spawn('sleep', ['60'], { stdio: 'ignore' });
});
afterEach(() => void other.kill());

describe('acquireLock', () => {
  it('records the pid and when the process started', () => {
    const lock = acquireLock(file);
    expect(readFileSync(lock.path, 'utf8')).toBe(`${process.pid}\nstarted ${startedAt(process.pid)}\n`);
    expect(startedAt(process.pid)).toMatch(/^(proc|ps):\S/);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('refuses while the process that took the lock is running, naming its pid', () => {
    writeFileSync(`${file}.lock`, `${other.pid}\nstarted ${startedAt(other.pid!)}\n`);
    expect(() => acquireLock(file)).toThrow(`is open in another dutykit assess (pid ${other.pid})`);
  });

  it('refuses on a lock written before start times were kept, while its pid runs', () => {
    writeFileSync(`${file}.lock`, `${other.pid}\n`);
    expect(() => acquireLock(file)).toThrow(`(pid ${other.pid})`);
  });

  it('takes over a lock whose pid now belongs to another process, and says so', () => {
    writeFileSync(`${file}.lock`, `${other.pid}\nstarted proc:1\n`);
    const lock = acquireLock(file);
    expect(lock.notice).toBe(`Took over ${file}.lock: the session that left it has ended, and its pid ${other.pid} now belongs to another program.`);
    expect(readFileSync(lock.path, 'utf8')).toMatch(new RegExp(`^${process.pid}\\n`));
    lock.release();
  });

  it('takes over a lock whose process has gone', () => {
    writeFileSync(`${file}.lock`, '4194400\nstarted proc:1\n');
    expect(acquireLock(file).notice).toBe(`Took over ${file}.lock: the session that left it (pid 4194400) is no longer running.`);
  });
});
