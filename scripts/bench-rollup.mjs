// Scale of `rollup` (issue 15): 10,000 generated returns, rolled up, against a plain script
// that only yaml.parse's the same files, in the same run (target ≤ 1.3×), and the peak memory
// of each (rollup ≤ 250 MB). Peak memory is the process's own maxRSS, written at exit by a
// preloaded hook, so no outside tool is needed. (trend's memory is measured in bench.mjs.)
// On a shared machine the wall time swings with the load: the load average is printed with
// the figures, and each process's own CPU time (user + system) beside its wall time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export function benchRollup({ node = process.execPath, runs = Number(process.env.BENCH_ROLLUP_RUNS ?? 3), count = 10_000 } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'dutykit-bench-rollup-'));
  // The 10,000 generated returns go when the bench ends.
  process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  const dir = join(out, 'returns');
  mkdirSync(dir);
  const examples = readdirSync('examples/schools').filter((n) => !n.includes('roster')).map((n) => readFileSync(join('examples/schools', n), 'utf8'));
  const files = [];
  for (let i = 0; i < count; i++) {
    const ref = String(100000 + i);
    const file = join(dir, `${ref}.yaml`);
    writeFileSync(file, examples[i % examples.length].replace(/^reference: .*$/m, `reference: "${ref}"`).replace(/^authority: .*$/m, `authority: School ${ref}`));
    files.push(file);
  }
  const list = join(out, 'files.json');
  writeFileSync(list, JSON.stringify(files));
  const rss = join(out, 'rss');
  const hook = join(out, 'rss.cjs');
  writeFileSync(hook, `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(rss)}, JSON.stringify([u.maxRSS, (u.userCPUTime + u.systemCPUTime) / 1000])); });`);
  const yamlPath = createRequire(import.meta.url).resolve('yaml');
  const plain = `const y = require(${JSON.stringify(yamlPath)}), fs = require('fs'); for (const f of JSON.parse(fs.readFileSync(${JSON.stringify(list)}, 'utf8'))) y.parse(fs.readFileSync(f, 'utf8'));`;
  const cases = [
    { name: `yaml.parse ${count.toLocaleString('en-GB')} files`, args: ['-e', plain] },
    { name: `dutykit rollup ${count.toLocaleString('en-GB')} returns`, args: ['bin/dutykit.js', 'rollup', dir, '--json'], target: 1.3, rssMb: 250 },
  ];
  const times = cases.map(() => []);
  const cpus = cases.map(() => []);
  const peaks = cases.map(() => 0);
  const load = loadavg()[0];
  for (let i = 0; i < runs; i++) {
    cases.forEach((c, j) => {
      const t = process.hrtime.bigint();
      const r = spawnSync(node, ['-r', hook, ...c.args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
      times[j].push(Number(process.hrtime.bigint() - t) / 1e6);
      if (r.status !== 0) c.failed = r.stderr.toString().split('\n')[0];
      const [maxRss, cpu] = JSON.parse(readFileSync(rss, 'utf8'));
      peaks[j] = Math.max(peaks[j], maxRss / 1024);
      cpus[j].push(cpu);
    });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const m = times.map(median);
  const cm = cpus.map(median);
  let missed = 0;
  console.log(`\nrollup at scale (${runs} rounds, interleaved; median wall time, median CPU time, peak RSS; load average ${load.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after)`);
  cases.forEach((c, j) => {
    const ratio = m[j] / m[0];
    const verdicts = [];
    if (c.failed) verdicts.push(`FAILED: ${c.failed}`);
    if (c.target) verdicts.push(ratio <= c.target ? `ok (≤ ${c.target}× of yaml.parse)` : `OVER ≤ ${c.target}× of yaml.parse`);
    if (c.rssMb) verdicts.push(peaks[j] <= c.rssMb ? `memory ok (≤ ${c.rssMb} MB)` : `memory OVER ${c.rssMb} MB`);
    if (c.failed || (c.target && ratio > c.target) || (c.rssMb && peaks[j] > c.rssMb)) missed++;
    const r = j === 0 ? '      ' : `${ratio.toFixed(2)}×`;
    const cpu = `${cm[j].toFixed(0).padStart(6)} ms CPU${j === 0 ? '      ' : ` ${(cm[j] / cm[0]).toFixed(2)}×`}`;
    console.log(`${c.name.padEnd(32)} ${m[j].toFixed(0).padStart(7)} ms ${r} ${cpu} ${peaks[j].toFixed(0).padStart(5)} MB  ${verdicts.join('; ')}`);
  });
  return missed;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = benchRollup() ? 1 : 0;
