// The build's last step, and a command of its own (`node scripts/check-built.mjs [folder]`):
// the built CLI in `folder` must render the example assessment as Markdown and as PDF.
// A bundle that builds but breaks at run time (a stand-in that no longer fits its package,
// a file left out) then fails the build, not a user.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What is wrong with the built CLI in `root`, or undefined when it works. */
export function checkBuilt(root) {
  const out = mkdtempSync(join(tmpdir(), 'dutykit-check-'));
  try {
    const example = join(root, 'examples', 'northbridge-2025.yaml');
    const args = [join(root, 'bin', 'dutykit.js'), 'report', example, '--format', 'md,pdf', '--out', out];
    const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1741770000' };
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
    if (r.status !== 0) return `report --format md,pdf exited ${r.status}: ${r.stderr.trim().split('\n').slice(0, 3).join(' / ')}`;
    const read = (ext) => {
      const file = readdirSync(out).find((f) => f.endsWith(`.${ext}`));
      if (!file) throw new Error(`report --format md,pdf wrote no .${ext} file`);
      return readFileSync(join(out, file));
    };
    const md = read('md').toString('utf8');
    if (!md.includes('Northbridge')) return 'the Markdown report does not name the authority';
    const pdf = read('pdf');
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-' || pdf.length < 50_000) return `the PDF is not a whole report (${pdf.length} bytes)`;
    return undefined;
  } catch (e) {
    return e?.message ?? String(e);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const failed = checkBuilt(resolve(process.argv[2] ?? '.'));
  if (failed) console.error(`check-built: ${failed}`);
  process.exitCode = failed ? 1 : 0;
}
