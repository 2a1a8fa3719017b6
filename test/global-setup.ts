// One temporary folder for the whole run, removed at its end: every test's own folders and
// those of the commands it runs (which inherit TMPDIR) go in it. Without it a run of the
// suite left about a thousand folders in /tmp, a test that fails half-way its own among them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'dutykit-tests-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
