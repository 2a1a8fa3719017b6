// Faults while writing: whatever fails, the last good file survives byte for byte, no
// temporary file is left, and the message says what went wrong and what to do.
// Faults are injected into node:fs (tests run as root, so permissions cannot stand in for them).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../src/model/atomic-write.js';
import { BIN, ROOT } from './helpers.js';

type Hook = (...args: unknown[]) => unknown;
const faults = vi.hoisted(() => ({}) as Partial<Record<'openSync' | 'writeSync' | 'fsyncSync' | 'renameSync', Hook>>);
/** The unpatched module, for a fault that does part of the real work. */
const real = vi.hoisted(() => ({ fs: undefined as unknown as typeof import('node:fs') }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  real.fs = fs;
  const seam = <K extends keyof typeof faults>(name: K) => (...args: unknown[]) => (faults[name] ?? (fs[name] as Hook))(...args);
  const patched = { ...fs, openSync: seam('openSync'), writeSync: seam('writeSync'), fsyncSync: seam('fsyncSync'), renameSync: seam('renameSync') };
  return { ...patched, default: patched };
});

afterEach(() => {
  for (const k of Object.keys(faults)) delete faults[k as keyof typeof faults];
});

const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });
const OLD = 'framework: home-office-2018\nauthority: Old Council\n# the last good file\n';
const NEW = `framework: home-office-2018\nauthority: New Council\nnotes: ${'x'.repeat(200_000)}\n`;

function place(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dutykit-faults-'));
  const file = join(dir, 'assessment.yaml');
  writeFileSync(file, OLD);
  return { dir, file };
}

/** The write fails with `message`, the old file is intact and nothing else is left in the folder. */
function expectRefused(dir: string, file: string, message: string, original = OLD): void {
  expect(() => writeFileAtomic(file, NEW)).toThrow(message);
  expect(readFileSync(file, 'utf8')).toBe(original);
  expect(readdirSync(dir)).toEqual(['assessment.yaml']);
}

describe('writeFileAtomic under injected faults', () => {
  it('a write that fails (an I/O error)', () => {
    const { dir, file } = place();
    faults.writeSync = () => {
      throw errno('EIO', 'i/o error, write');
    };
    expectRefused(dir, file, `cannot write ${file}: EIO: i/o error, write; nothing was changed. Check the path and the disk, and run the command again.`);
  });

  it('a full disk, after part of the file was written', () => {
    const { dir, file } = place();
    let calls = 0;
    faults.writeSync = (fd, buf, off, len) => {
      if (calls++ === 0) return real.fs.writeSync(fd as number, buf as Buffer, off as number, Math.min(len as number, 4096));
      throw errno('ENOSPC', 'no space left on device, write');
    };
    expectRefused(dir, file, `cannot write ${file}: the disk is full; nothing was changed. Free some disk space, or write somewhere else, and run the command again.`);
    expect(calls).toBe(2);
  });

  it('a full disk found only when the data is flushed', () => {
    const { dir, file } = place();
    faults.fsyncSync = () => {
      throw errno('ENOSPC', 'no space left on device, fsync');
    };
    expectRefused(dir, file, 'the disk is full; nothing was changed. Free some disk space');
  });

  it('a read-only folder', () => {
    const { dir, file } = place();
    faults.openSync = (path, ...rest) => {
      if (String(path).endsWith('.tmp')) throw errno('EROFS', 'read-only file system, open');
      return (real.fs.openSync as Hook)(path, ...rest);
    };
    expectRefused(dir, file, `cannot write ${file}: the folder is read-only; nothing was changed. Write to a folder that is not read-only (for a report, --out <folder>).`);
  });

  it('a folder the user may not write to', () => {
    const { dir, file } = place();
    faults.openSync = () => {
      throw errno('EACCES', 'permission denied, open');
    };
    expectRefused(dir, file, 'permission denied; nothing was changed. Check that you may write to that folder, or write somewhere else.');
  });

  it('the file replaced underneath by another program: its version is kept, ours is not written', () => {
    const { dir, file } = place();
    const theirs = 'framework: home-office-2018\nauthority: Saved in an editor meanwhile\n';
    const read = readFileSync(file);
    faults.fsyncSync = (fd) => {
      real.fs.writeFileSync(file, theirs); // the editor saves while we write
      return real.fs.fsyncSync(fd as number);
    };
    expect(() => writeFileAtomic(file, NEW, { expect: read })).toThrow(
      `cannot write ${file}: another program changed it after it was read; nothing was changed. Open the file again to see the other change, then make yours again.`,
    );
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(readdirSync(dir)).toEqual(['assessment.yaml']);
  });

  it('the file replaced by a folder just before the rename', () => {
    const { dir, file } = place();
    faults.renameSync = (from, to) => {
      real.fs.rmSync(file);
      mkdirSync(file);
      writeFileSync(join(file, 'keep.txt'), 'a folder now');
      return real.fs.renameSync(from as string, to as string);
    };
    expect(() => writeFileAtomic(file, NEW)).toThrow(/cannot write .*assessment\.yaml: .*; nothing was changed\. /);
    expect(readFileSync(join(file, 'keep.txt'), 'utf8')).toBe('a folder now');
    expect(readdirSync(dir)).toEqual(['assessment.yaml']);
  });

  it('succeeds with no fault: the new bytes, the old permissions, a link still a link', () => {
    const { dir, file } = place();
    real.fs.chmodSync(file, 0o600);
    symlinkSync(file, join(dir, 'link.yaml'));
    writeFileAtomic(join(dir, 'link.yaml'), NEW);
    expect(readFileSync(file, 'utf8')).toBe(NEW);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(real.fs.lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['assessment.yaml', 'link.yaml']);
  });

  it('never writes through a link planted where its temporary file will go', () => {
    const { dir, file } = place();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    // Every name it could pick is taken by a link: openSync('wx') refuses rather than follow one.
    faults.openSync = (path, flags, ...rest) => {
      if (String(path).endsWith('.tmp')) symlinkSync(victim, String(path));
      return (real.fs.openSync as Hook)(path, flags, ...rest);
    };
    expect(() => writeFileAtomic(file, NEW)).toThrow('nothing was changed');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(file, 'utf8')).toBe(OLD);
  });
});

// ---- a real crash: the process is killed between writing the temporary file and renaming it ----

const crashDir = mkdtempSync(join(tmpdir(), 'dutykit-crash-'));
/** Node loads this before dutykit: renaming kills the process, as a power cut would. */
const KILL_AT_RENAME = join(crashDir, 'kill-at-rename.mjs');
/** Node loads this before dutykit: every write finds the disk full, after half the bytes. */
const DISK_FULL = join(crashDir, 'disk-full.mjs');
/** The same, for a PDF only: the disk fills up while the last of a report's files is written. */
const PDF_DISK_FULL = join(crashDir, 'pdf-disk-full.mjs');

beforeAll(async () => {
  const preload = (body: string) => `import fs from 'node:fs';\nimport { syncBuiltinESMExports } from 'node:module';\n${body}\nsyncBuiltinESMExports();\n`;
  writeFileSync(KILL_AT_RENAME, preload(`fs.renameSync = () => process.kill(process.pid, 'SIGKILL');`));
  writeFileSync(
    DISK_FULL,
    preload(`const write = fs.writeSync;
fs.writeSync = (fd, buf, off = 0, len = buf.length - off) => {
  if (len > 1) return write(fd, buf, off, len >> 1);
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
};`),
  );
  writeFileSync(
    PDF_DISK_FULL,
    preload(`const [open, write] = [fs.openSync, fs.writeSync];
const pdfs = new Set();
fs.openSync = (path, ...rest) => {
  const fd = open(path, ...rest);
  if (/\\.pdf\\.[0-9]+-[0-9a-f]+\\.tmp$/.test(String(path))) pdfs.add(fd);
  return fd;
};
fs.writeSync = (fd, ...rest) => {
  if (pdfs.has(fd)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  return write(fd, ...rest);
};`),
  );
  await build({
    entryPoints: [join(ROOT, 'src/model/atomic-write.ts')],
    outfile: join(crashDir, 'atomic-write.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
});

const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('a crash between the temporary file and the rename', () => {
  it('leaves the old file byte-identical; the next write clears the leftover and succeeds', () => {
    const { dir, file } = place();
    const source = join(crashDir, 'new.yaml');
    writeFileSync(source, NEW);
    const script = `import { readFileSync } from 'node:fs'; import { writeFileAtomic } from ${JSON.stringify(join(crashDir, 'atomic-write.mjs'))};
writeFileAtomic(${JSON.stringify(file)}, readFileSync(${JSON.stringify(source)}));`;
    const child = node(['--import', KILL_AT_RENAME, '--input-type=module', '-e', script]);
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    const left = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    expect(left).toEqual([expect.stringMatching(new RegExp(`^\\.assessment\\.yaml\\.${child.pid}-[0-9a-f]{8}\\.tmp$`))]);
    expect(readFileSync(join(dir, left[0]!), 'utf8')).toBe(NEW); // it died with the new file whole, unnamed

    writeFileAtomic(file, 'framework: home-office-2018\n');
    expect(readFileSync(file, 'utf8')).toBe('framework: home-office-2018\n');
    expect(readdirSync(dir)).toEqual(['assessment.yaml']);
  });

  it('leaves alone a temporary file of a writer that is still running', () => {
    const { dir, file } = place();
    const busy = `.assessment.yaml.${process.ppid}-0123abcd.tmp`; // our parent: alive
    writeFileSync(join(dir, busy), 'half');
    writeFileAtomic(file, NEW);
    expect(readdirSync(dir).sort()).toEqual([busy, 'assessment.yaml'].sort());
  });
});

describe('report --out that cannot be written', () => {
  const report = '2025-03-12-northbridge-borough-council-prevent-self-assessment.md';

  it('a full disk: exit 2, what to do, the previous report byte-identical, nothing half-written', () => {
    const out = mkdtempSync(join(tmpdir(), 'dutykit-out-'));
    writeFileSync(join(out, report), '# last year’s good report\n');
    const r = node(['--import', DISK_FULL, BIN, 'report', 'examples/northbridge-2025.yaml', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`dutykit: cannot write ${join(out, report)}: the disk is full; nothing was changed. Free some disk space, or write somewhere else, and run the command again.\n`);
    noStack(r.stderr);
    expect(readdirSync(out)).toEqual([report]);
    expect(readFileSync(join(out, report), 'utf8')).toBe('# last year’s good report\n');
  });

  it('several formats: when one cannot be written, none is, and the message says so truly', () => {
    const out = mkdtempSync(join(tmpdir(), 'dutykit-out-'));
    writeFileSync(join(out, report), '# last year’s good report\n');
    const r = node(['--import', PDF_DISK_FULL, BIN, 'report', 'examples/northbridge-2025.yaml', '--format', 'md,json,pdf', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`dutykit: cannot write ${join(out, report.replace(/md$/, 'pdf'))}: the disk is full; nothing was changed. Free some disk space, or write somewhere else, and run the command again.\n`);
    expect(readdirSync(out)).toEqual([report]); // no JSON, no PDF, no temporary file
    expect(readFileSync(join(out, report), 'utf8')).toBe('# last year’s good report\n');
  });

  it('killed at the rename: the previous report survives; the next run replaces it and clears the leftover', () => {
    const out = mkdtempSync(join(tmpdir(), 'dutykit-out-'));
    writeFileSync(join(out, report), '# previous\n');
    const killed = node(['--import', KILL_AT_RENAME, BIN, 'report', 'examples/northbridge-2025.yaml', '--out', out]);
    expect(killed.signal).toBe('SIGKILL');
    expect(readFileSync(join(out, report), 'utf8')).toBe('# previous\n');
    expect(readdirSync(out)).toHaveLength(2);

    const again = node([BIN, 'report', 'examples/northbridge-2025.yaml', '--out', out]);
    expect(again.status).toBe(0);
    expect(readdirSync(out)).toEqual([report]);
    expect(readFileSync(join(out, report), 'utf8')).toMatch(/^\*\*OFFICIAL-SENSITIVE\*\*/);
  });

  it('a folder path through a file: exit 2, no folder made, nothing written', () => {
    const out = mkdtempSync(join(tmpdir(), 'dutykit-out-'));
    writeFileSync(join(out, 'plan.txt'), 'a file');
    const r = node([BIN, 'report', 'examples/northbridge-2025.yaml', '--out', join(out, 'plan.txt', 'reports')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^dutykit: cannot write .*: a file is in the way of a folder on the path; nothing was changed\. Move the file that is in the way, or write somewhere else\.\n$/);
    expect(readdirSync(out)).toEqual(['plan.txt']);
    expect(existsSync(join(out, 'plan.txt', 'reports'))).toBe(false);
  });
});
