// One `assess` per file: `<file>.lock` holds the pid of the session that has it open, and when
// that process started, so that a pid handed on to an unrelated process does not block.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { attempt } from '../../attempt.js';
import { CannotWrite } from '../../errors.js';
import { usage } from '../usage.js';
import { alive, writeFileAtomic } from '../../model/atomic-write.js';

export interface Lock {
  path: string;
  /** Set when a lock left by a process that has gone was taken over. */
  notice?: string;
  release(): void;
}

/**
 * When process `pid` started, as a token that stays the same for the life of the process:
 * Linux's start time in clock ticks (field 22 of /proc/<pid>/stat), else what `ps` says
 * (macOS, the BSDs), else undefined (then only the pid can be checked).
 */
export function startedAt(pid: number): string | undefined {
  const stat = attempt(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  // The command name (field 2) may hold spaces and brackets: count fields after its last ')'.
  const ticks = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  if (ticks && /^\d+$/.test(ticks)) return `proc:${ticks}`;
  // No /proc: try ps.
  const lstart = attempt(() => execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim());
  return lstart ? `ps:${lstart}` : undefined;
}

interface Holder {
  pid: number;
  started?: string;
}

/** The lock's contents: the pid on the first line (all older versions wrote), then `started <token>`. */
const holder = (path: string): Holder | undefined => {
  const [first = '', ...rest] = attempt(() => readFileSync(path, 'utf8'))?.split('\n') ?? [];
  const pid = Number.parseInt(first, 10);
  const started = rest.find((l) => l.startsWith('started '))?.slice('started '.length).trim();
  return Number.isInteger(pid) && pid > 0 ? { pid, started: started || undefined } : undefined;
};

/** Why the lock's holder no longer has the file open, or undefined while it does. */
function gone(h: Holder): string | undefined {
  if (!alive(h.pid)) return `the session that left it (pid ${h.pid}) is no longer running`;
  if (h.started && startedAt(h.pid) !== h.started) return `the session that left it has ended, and its pid ${h.pid} now belongs to another program`;
  return undefined;
}

export function acquireLock(file: string): Lock {
  const path = `${file}.lock`;
  const started = startedAt(process.pid);
  const mine = `${process.pid}\n${started ? `started ${started}\n` : ''}`;
  let notice: string | undefined;
  try {
    writeFileSync(path, mine, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new CannotWrite(path, e);
    const h = holder(path);
    const why = h && h.pid !== process.pid ? gone(h) : 'the session that left it is no longer running';
    if (h && h.pid !== process.pid && !why) {
      throw usage`${file} is open in another dutykit assess (pid ${h.pid}). Finish that session first; if no such process is running, delete ${path}.`;
    }
    writeFileAtomic(path, mine);
    const now = holder(path);
    if (now?.pid !== process.pid) throw usage`${file} was just opened by another dutykit assess (pid ${now?.pid}).`;
    notice = `Took over ${path}: ${why}.`;
  }
  return {
    path,
    notice,
    release() {
      if (holder(path)?.pid === process.pid) rmSync(path, { force: true });
    },
  };
}
