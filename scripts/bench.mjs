// Startup and run-time benchmark: each command's median time as a ratio of `node -e 0`,
// measured interleaved in one run so that a busy machine slows both alike.
// Targets are the project's performance budget; exit 1 when one is missed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 25);
const out = mkdtempSync(join(tmpdir(), 'dutykit-bench-'));
const bin = 'bin/dutykit.js';
const example = 'examples/northbridge-2025.yaml';

const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'dutykit --help', args: [bin, '--help'], target: 1.3 },
  { name: 'dutykit rate', args: [bin, 'rate', example], target: 3 },
  { name: 'dutykit report --format md', args: [bin, 'report', example, '--format', 'md', '--out', out], target: 3 },
  { name: 'dutykit report --format pdf', args: [bin, 'report', example, '--format', 'pdf', '--out', out], target: 3 },
];

const times = cases.map(() => []);
const env = { ...process.env, NO_COLOR: '1' };
for (let i = 0; i < runs + 2; i++) {
  cases.forEach((c, j) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, c.args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) c.failed = r.stderr.toString().split('\n')[0];
    if (i >= 2) times[j].push(ms); // two warm-up rounds
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times[0]);
let missed = 0;
console.log(`${runs} runs each, interleaved; median times\n`);
cases.forEach((c, j) => {
  const m = median(times[j]);
  const ratio = m / base;
  let verdict = '';
  if (c.failed) verdict = `  FAILED: ${c.failed}`;
  else if (c.target) verdict = ratio <= c.target ? `  ok (target ≤ ${c.target}×)` : `  OVER target ≤ ${c.target}×`;
  if (c.failed || (c.target && ratio > c.target)) missed++;
  console.log(`${c.name.padEnd(30)} ${m.toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}×${verdict}`);
});
process.exitCode = missed ? 1 : 0;
