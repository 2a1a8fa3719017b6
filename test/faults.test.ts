// Faults while writing: whatever fails, the last good file survives byte for byte, no
// temporary file is left, and the message says what went wrong and what to do.
// Faults are injected into node:fs (tests run as root, so permissions cannot stand in for them).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFilesAtomic } from '../src/model/atomic-set.js';
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
/** Renaming onto a PDF fails as it does on Windows while a viewer has the PDF open. */
const PDF_HELD_OPEN = join(crashDir, 'pdf-held-open.mjs');

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
  writeFileSync(
    PDF_HELD_OPEN,
    preload(`const rename = fs.renameSync;
fs.renameSync = (from, to) => {
  if (String(to).endsWith('.pdf')) throw Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });
  return rename(from, to);
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
    // The new file whole but unnamed, and the old one's second name kept while the set was being put in place.
    expect(readdirSync(out).filter((f) => f !== report).map((f) => f.replace(/\d+-[0-9a-f]{8}/, 'N')).sort()).toEqual([`.${report}.N.bak`, `.${report}.N.tmp`]);

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

  // Node's recursive mkdir asks again for ever where a folder exists but refuses a child:
  // /proc/1 is such a folder on every Linux machine.
  it.runIf(process.platform === 'linux').each([
    ['report', [BIN, 'report', 'examples/northbridge-2025.yaml', '--out', '/proc/1/dutykit-reports']],
    ['init --roster', [BIN, 'init', '--roster', 'examples/schools/roster-2024-25.yaml', '--out', '/proc/1/dutykit-returns']],
  ])('%s into a folder that will not take a new folder: exit 2 at once, not a hang', (_name, args) => {
    const r = node(args);
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^dutykit: (cannot write \/proc\/1\/dutykit-reports\/.*: a folder on the path does not exist and cannot be made there; nothing was changed|--out: cannot make the folder \/proc\/1\/dutykit-returns)/);
    noStack(r.stderr);
  });
});

// ---- read-only files: a rename would go round the file's mode, so the mode is checked first ----

describe('a read-only file is never replaced', () => {
  const readOnly = (dir: string, name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    real.fs.chmodSync(file, 0o444);
    return file;
  };
  const refusal = (file: string) =>
    `dutykit: cannot write ${file}: the file is read-only; nothing was changed. If it should change, make it writable first (chmod u+w on Linux or macOS; untick Read-only in its Properties on Windows), or write somewhere else.\n`;

  it('writeFileAtomic refuses a file with mode 444, even for root, and leaves it as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-ro-'));
    const file = readOnly(dir, 'assessment.yaml', OLD);
    expect(() => writeFileAtomic(file, NEW)).toThrow(`cannot write ${file}: the file is read-only; nothing was changed.`);
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['assessment.yaml']);
  });

  it('init --force over a read-only file: exit 2, the file byte for byte as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-ro-'));
    const file = readOnly(dir, 'assessment.yaml', OLD);
    const r = node([BIN, 'init', file, '--force', '--authority', 'X']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(refusal(file));
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['assessment.yaml']);
  });

  it('assess on a read-only file: refused before any question, exit 2, no lock left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-ro-'));
    const file = readOnly(dir, 'northbridge.yaml', readFileSync(join(ROOT, 'examples/northbridge-2025.yaml'), 'utf8'));
    const before = readFileSync(file);
    const r = node([BIN, 'assess', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(refusal(file));
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['northbridge.yaml']);
  });

  it('report over a read-only report: exit 2, neither format replaced', () => {
    const out = mkdtempSync(join(tmpdir(), 'dutykit-ro-'));
    const stem = '2025-03-12-northbridge-borough-council-prevent-self-assessment';
    writeFileSync(join(out, `${stem}.md`), '# last year’s\n');
    readOnly(out, `${stem}.json`, '{"last":"year"}\n');
    const r = node([BIN, 'report', 'examples/northbridge-2025.yaml', '--format', 'md,json', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(refusal(join(out, `${stem}.json`)));
    expect(readFileSync(join(out, `${stem}.md`), 'utf8')).toBe('# last year’s\n');
    expect(readFileSync(join(out, `${stem}.json`), 'utf8')).toBe('{"last":"year"}\n');
    expect(readdirSync(out).sort()).toEqual([`${stem}.json`, `${stem}.md`]);
  });
});

describe('a report is never written through a link that leads out of its folder', () => {
  const stem = '2025-03-12-northbridge-borough-council-prevent-self-assessment';

  it('a link planted under the report\'s name: exit 2, the file it names untouched, the link left as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-linkout-'));
    const out = join(dir, 'reports');
    mkdirSync(out);
    const precious = join(dir, 'precious.txt');
    writeFileSync(precious, 'precious\n');
    symlinkSync(precious, join(out, `${stem}.md`));
    const r = node([BIN, 'report', 'examples/northbridge-2025.yaml', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot write ${join(out, `${stem}.md`)}: it is a link to a file in another folder; nothing was changed`);
    expect(readFileSync(precious, 'utf8')).toBe('precious\n');
    expect(readdirSync(out)).toEqual([`${stem}.md`]);
  });

  it('a link to a file in the same folder is followed, as before', () => {
    const out = mkdtempSync(join(tmpdir(), 'dutykit-linkin-'));
    writeFileSync(join(out, 'latest.md'), 'old\n');
    symlinkSync(join(out, 'latest.md'), join(out, `${stem}.md`));
    const r = node([BIN, 'report', 'examples/northbridge-2025.yaml', '--out', out]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'latest.md'), 'utf8')).toContain('Northbridge Borough Council');
  });
});

// ---- a report's files as one: every requested file replaced, or none, whatever the order ----

describe('report --format md,pdf when the PDF cannot be written', () => {
  const stem = '2025-03-12-northbridge-borough-council-prevent-self-assessment';
  const [md, pdf] = [`${stem}.md`, `${stem}.pdf`];
  /** A folder holding last year's Markdown report, and `pdf` made unwritable by `block`. */
  const folder = (block: (pdfPath: string) => void) => {
    const out = mkdtempSync(join(tmpdir(), 'dutykit-set-'));
    writeFileSync(join(out, md), '# last year’s good report\n');
    block(join(out, pdf));
    return out;
  };
  const run = (out: string, order: string, preload: string[] = []) =>
    node([...preload, BIN, 'report', 'examples/northbridge-2025.yaml', '--format', order, '--out', out]);

  for (const order of ['md,pdf', 'pdf,md']) {
    it(`${order}: a folder with the PDF's name: exit 2, the Markdown as it was, no temporary file`, () => {
      const out = folder((p) => mkdirSync(p));
      const r = run(out, order);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`dutykit: cannot write ${join(out, pdf)}: it is a folder; nothing was changed. Move or rename the folder that has that name, or write somewhere else.\n`);
      expect(readFileSync(join(out, md), 'utf8')).toBe('# last year’s good report\n');
      expect(readdirSync(out).sort()).toEqual([md, pdf]);
      expect(readdirSync(join(out, pdf))).toEqual([]);
    });

    it(`${order}: the PDF held open by a viewer (the rename fails): exit 2, the Markdown put back, no temporary file`, () => {
      const out = folder((p) => writeFileSync(p, '%PDF last year'));
      const r = run(out, order, ['--import', PDF_HELD_OPEN]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        `dutykit: cannot write ${join(out, pdf)}: another program has it open; nothing was changed. Close the program that has it open (a PDF viewer, say), and run the command again.\n`,
      );
      expect(readFileSync(join(out, md), 'utf8')).toBe('# last year’s good report\n');
      expect(readFileSync(join(out, pdf), 'utf8')).toBe('%PDF last year');
      expect(readdirSync(out).sort()).toEqual([md, pdf]);
    });

    it(`${order}: a read-only PDF: exit 2, neither replaced`, () => {
      const out = folder((p) => {
        writeFileSync(p, '%PDF last year');
        real.fs.chmodSync(p, 0o444);
      });
      const r = run(out, order);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/: the file is read-only; nothing was changed\. /);
      expect(readFileSync(join(out, md), 'utf8')).toBe('# last year’s good report\n');
      expect(readdirSync(out).sort()).toEqual([md, pdf]);
    });
  }

  it('with nothing in the way both are replaced, and the old versions kept meanwhile are gone', () => {
    const out = folder((p) => writeFileSync(p, '%PDF last year'));
    const r = run(out, 'md,pdf');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, md), 'utf8')).toMatch(/^\*\*OFFICIAL-SENSITIVE\*\*/);
    expect(readFileSync(join(out, pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(out).sort()).toEqual([md, pdf]);
  });
});

describe('writeFilesAtomic when a file cannot be put back', () => {
  it('says which file was replaced, and where its previous version is kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-set-'));
    const [a, b] = [join(dir, 'a.md'), join(dir, 'b.pdf')];
    writeFileSync(a, 'old a');
    writeFileSync(b, 'old b');
    faults.renameSync = (from, to) => {
      if (String(to) === b || String(from).endsWith('.bak')) throw errno('EBUSY', 'resource busy or locked, rename');
      return real.fs.renameSync(from as string, to as string);
    };
    let message = '';
    try {
      writeFilesAtomic([
        { file: a, data: 'new a' },
        { file: b, data: 'new b' },
      ]);
    } catch (e) {
      message = (e as Error).message;
    }
    const kept = readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(kept).toEqual([expect.stringMatching(/^\.a\.md\.\d+-[0-9a-f]{8}\.bak$/)]);
    expect(message).toBe(
      `cannot write ${b}: another program has it open; ${a} (the previous version is kept as ${join(dir, kept[0]!)}) was replaced and could not be put back. Close the program that has it open (a PDF viewer, say), and run the command again.`,
    );
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe('old a');
    expect(readFileSync(b, 'utf8')).toBe('old b');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe.skipIf(!existsSync('/dev/full'))('output that cannot be written (standard output on a full disk)', () => {
  it.each([
    [['rate', 'examples/northbridge-2025.yaml']],
    [['report', 'examples/northbridge-2025.yaml', '--stdout']],
    [['rollup', 'examples/schools', '--roster', 'examples/schools/roster-2024-25.yaml', '--json']],
  ])('%o: says the output was lost, exit 2, no stack trace', (args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('dutykit: cannot write the output: the disk is full\n');
      expect(r.stderr).not.toMatch(/\bat \w|cli\.cjs/);
    } finally {
      closeSync(full);
    }
  });
});

// A closed stdout (`>&-`) cannot be told from /dev/null: Node opens /dev/null read-write in
// its place before any script runs (nodejs/node#875), as Python's subprocess.DEVNULL and
// Node's own stdio 'ignore' do. A check for it would refuse those callers; this keeps one out.
describe.skipIf(process.platform !== 'linux')('stdout on /dev/null, however it was opened, is not an error', () => {
  it.each([['w'], ['r+']])('/dev/null opened %s', (flags) => {
    const sink = openSync('/dev/null', flags);
    try {
      const r = spawnSync(process.execPath, [BIN, 'rate', 'examples/northbridge-2025.yaml'], { cwd: ROOT, stdio: ['ignore', sink, 'pipe'], encoding: 'utf8' });
      expect([r.status, r.stderr]).toEqual([0, '']);
    } finally {
      closeSync(sink);
    }
  });
});
