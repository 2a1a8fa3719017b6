// Scale of `rollup` (issue 15): 10,000 generated returns, rolled up, against a plain script
// that only yaml.parse's the same files, in the same run (target ≤ 1.3×), and the peak memory
// of each (rollup ≤ 250 MB). Peak memory is the process's own maxRSS, written at exit by a
// preloaded hook (bench-rounds.mjs). (trend's memory is measured in bench.mjs.) On a shared
// machine the wall time swings with the load: the load average is printed with the figures,
// and the CPU time ratio and the range of the rounds' own ratios beside the wall time's.
import { mkdirSync, mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, median, rounds, shown } from './bench-rounds.mjs';

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
  const yamlPath = createRequire(import.meta.url).resolve('yaml');
  const plain = `const y = require(${JSON.stringify(yamlPath)}), fs = require('fs'); for (const f of JSON.parse(fs.readFileSync(${JSON.stringify(list)}, 'utf8'))) y.parse(fs.readFileSync(f, 'utf8'));`;
  const cases = [
    { name: `yaml.parse ${count.toLocaleString('en-GB')} files`, args: ['-e', plain] },
    { name: `dutykit rollup ${count.toLocaleString('en-GB')} returns`, args: ['bin/dutykit.js', 'rollup', dir, '--json'], target: 1.3, rssMb: 250 },
  ];
  const load = loadavg()[0];
  const results = rounds(cases, { node, runs, warmup: 0, dir: out });
  let missed = 0;
  console.log(`\nrollup at scale (${runs} rounds, interleaved; median wall time, peak RSS; load average ${load.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after)`);
  cases.forEach((c, j) => {
    const r = results[j];
    const vs = compare(r, results[0]);
    const peak = Math.max(...r.peak);
    const verdicts = [];
    if (r.failed) verdicts.push(`FAILED: ${r.failed}`);
    if (c.target) verdicts.push(vs.wall <= c.target ? `ok (≤ ${c.target}× of yaml.parse)` : `OVER ≤ ${c.target}× of yaml.parse`);
    if (c.rssMb) verdicts.push(peak <= c.rssMb ? `memory ok (≤ ${c.rssMb} MB)` : `memory OVER ${c.rssMb} MB`);
    if (r.failed || (c.target && vs.wall > c.target) || (c.rssMb && peak > c.rssMb)) missed++;
    console.log(`${c.name.padEnd(32)} ${median(r.wall).toFixed(0).padStart(7)} ms ${j ? shown(vs) : `(CPU ${median(r.cpu).toFixed(0)} ms)`} ${peak.toFixed(0).padStart(5)} MB  ${verdicts.join('; ')}`);
  });
  return missed;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = benchRollup() ? 1 : 0;
