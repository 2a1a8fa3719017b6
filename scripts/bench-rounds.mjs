// The measuring loop the benches share (bench.mjs, bench-rollup.mjs, bench-merge.mjs): each
// case run in turn, round after round, so that a slow spell of a shared machine falls on all of
// them; wall time from outside, and CPU time (user + system) and peak memory (maxRSS) as the
// process reports them at exit, through a preloaded hook (no outside tool needed).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs each case (`args` for `node`, an optional `before()` outside the timing) `warmup + runs`
 * times, interleaved; the warm-up rounds (each command's code cache saved) are not kept. For
 * each case: `wall` and `cpu` (ms) and `peak` (MB) per kept round, and `failed`, the first line
 * of the error of a run that did not exit 0. `dir` holds the hook.
 */
export function rounds(cases, { node = process.execPath, runs, warmup = 1, dir }) {
  const hook = join(dir, 'usage.cjs');
  writeFileSync(hook, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`\\nbench-usage=${u.maxRSS},${(u.userCPUTime + u.systemCPUTime) / 1000}\\n`); });");
  const env = { ...process.env, NO_COLOR: '1' };
  const kept = cases.map(() => ({ wall: [], cpu: [], peak: [], failed: undefined }));
  for (let i = 0; i < warmup + runs; i++) {
    cases.forEach((c, j) => {
      c.before?.();
      const t = process.hrtime.bigint();
      const r = spawnSync(node, ['--require', hook, ...c.args], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
      const wall = Number(process.hrtime.bigint() - t) / 1e6;
      const stderr = r.stderr.toString();
      if (r.status !== 0) kept[j].failed = stderr.split('\n').find((l) => l.trim()) ?? `exit ${r.status}`;
      if (i < warmup) return;
      const [rssKb, cpu] = (/bench-usage=(\d+),([\d.]+)/.exec(stderr)?.slice(1) ?? [NaN, NaN]).map(Number);
      kept[j].wall.push(wall);
      kept[j].cpu.push(cpu);
      kept[j].peak.push(rssKb / 1024);
    });
  }
  return kept;
}

/**
 * `a` against `base` (each a result of rounds()): the ratio of median wall times (what the
 * targets judge), of median CPU times, and the lowest and highest of the rounds' own wall
 * ratios, which show how far the machine moved the figure during the run.
 */
export function compare(a, base) {
  const each = a.wall.map((w, i) => w / base.wall[i]);
  return { wall: median(a.wall) / median(base.wall), cpu: median(a.cpu) / median(base.cpu), low: Math.min(...each), high: Math.max(...each) };
}

/** `1.23× (CPU 1.31×; rounds 1.10–1.45×)`: a comparison as the benches print it. */
export const shown = (c) => `${c.wall.toFixed(2)}× (CPU ${c.cpu.toFixed(2)}×; rounds ${c.low.toFixed(2)}–${c.high.toFixed(2)}×)`;
