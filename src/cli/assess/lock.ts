// One `assess` per file: `<file>.lock` holds the pid of the session that has it open.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CannotWrite, UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../model/atomic-write.js';

export interface Lock {
  path: string;
  /** Set when a lock left by a process that has gone was taken over. */
  notice?: string;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const holder = (path: string): number | undefined => {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

export function acquireLock(file: string): Lock {
  const path = `${file}.lock`;
  const mine = `${process.pid}\n`;
  let notice: string | undefined;
  try {
    writeFileSync(path, mine, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new CannotWrite(path, e);
    const pid = holder(path);
    if (pid !== undefined && pid !== process.pid && alive(pid)) {
      throw new UsageError(
        `${file} is open in another dutykit assess (pid ${pid}). Finish that session first; if no such process is running, delete ${path}.`,
      );
    }
    writeFileAtomic(path, mine);
    const now = holder(path);
    if (now !== process.pid) throw new UsageError(`${file} was just opened by another dutykit assess (pid ${now}).`);
    notice = `Took over ${path}: the session that left it${pid ? ` (pid ${pid})` : ''} is no longer running.`;
  }
  return {
    path,
    notice,
    release() {
      if (holder(path) === process.pid) rmSync(path, { force: true });
    },
  };
}
