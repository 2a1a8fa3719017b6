// Start-up and run-time benchmark, on each tested Node (scripts/nodes.mjs): each command's
// median time as a ratio of `node -e 0` on the same Node, measured in interleaved rounds so
// that a busy machine slows both alike (bench-rounds.mjs); beside each ratio, the ratio of CPU
// times and the range of the rounds' own ratios, which show how far the machine moved it.
// `trend` over 1,000 files is compared with a plain script that only yaml.parse's them. The
// targets hold on Node 22 (Node 20 starts three times slower, so its ratios are lower and are
// shown only); exit 1 when one is missed. `report --format html` is compared with `report
// --format md` on the same file. Then rollup at scale (bench-rollup.mjs) and merge at scale
// (bench-merge.mjs), each on the Node running this script.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodes } from './nodes.mjs';
import { compare, median, rounds, shown } from './bench-rounds.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const out = mkdtempSync(join(tmpdir(), 'dutykit-bench-'));
// The 1,000 generated files and the reports go when the bench ends, whatever the outcome.
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
const bin = 'bin/dutykit.js';
const example = 'examples/northbridge-2025.yaml';

// 1,000 assessments: the example, a day apart, from the day after its evidence was reviewed
// (earlier dates would make every file warn of evidence reviewed after the assessment).
const many = join(out, 'many');
mkdirSync(many);
const text = readFileSync(example, 'utf8');
const files = Array.from({ length: 1000 }, (_, i) => {
  const day = new Date(Date.UTC(2025, 3, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const file = join(many, `${day}.yaml`);
  writeFileSync(file, text.replace(/^date: .*$/m, `date: ${day}`));
  return file;
});
const long = join(out, 'long-authority.yaml');
writeFileSync(long, text.replace(/^authority: .*$/m, `authority: ${'Northbridge '.repeat(8_334).slice(0, 100_000)}`));
const list = join(out, 'files.json');
writeFileSync(list, JSON.stringify(files));
const yamlPath = createRequire(import.meta.url).resolve('yaml');
const plain = `const y = require(${JSON.stringify(yamlPath)}), fs = require('fs'); for (const f of JSON.parse(fs.readFileSync(${JSON.stringify(list)}, 'utf8'))) y.parse(fs.readFileSync(f, 'utf8'));`;

const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'dutykit --help', args: [bin, '--help'], target: 3.5 },
  { name: 'dutykit rate', args: [bin, 'rate', example], target: 5 },
  { name: 'dutykit report --format md', args: [bin, 'report', example, '--format', 'md', '--out', out] },
  // The web page is the Markdown's content in another dress: it must cost about what Markdown does.
  { name: 'dutykit report --format html', args: [bin, 'report', example, '--format', 'html', '--out', out], target: 1.2, base: 'dutykit report --format md' },
  // Welsh reads the framework's translation and words the same content: it must cost about what English does.
  { name: 'dutykit report --format md --lang cy', args: [bin, 'report', example, '--format', 'md', '--lang', 'cy', '--out', out], target: 1.1, base: 'dutykit report --format md' },
  { name: 'dutykit report --format pdf', args: [bin, 'report', example, '--format', 'pdf', '--out', out], target: 10 },
  // A 100,000-character authority (the longest a field may be) took minutes when the page header
  // was shortened a character at a time; the report is 108 pages to the example's 23, about 7× its time here on Node 20.
  { name: 'dutykit report --format pdf, 100,000-character authority', args: [bin, 'report', long, '--format', 'pdf', '--out', out], target: 10, base: 'dutykit report --format pdf' },
  { name: 'yaml.parse 1,000 files', args: ['-e', plain], rss: true },
  { name: 'dutykit trend 1,000 files', args: [bin, 'trend', ...files, '--format', 'json'], target: 1.3, base: 'yaml.parse 1,000 files', rss: true, rssTarget: 150 },
];

let missed = 0;
console.log(`${runs} rounds each, interleaved; median times; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores = busy above 2)`);
for (const [major, node] of nodes()) {
  // Two warm-up rounds: each command's code cache is saved after its first run.
  const results = rounds(cases, { node, runs, warmup: 2, dir: out });
  console.log(`\nNode ${spawnSync(node, ['-v'], { encoding: 'utf8' }).stdout.trim()}${major === '22' ? ' (targets)' : ''}`);
  cases.forEach((c, j) => {
    const r = results[j];
    const base = c.base ? cases.findIndex((d) => d.name === c.base) : 0;
    const vs = compare(r, results[base]);
    const of = c.base ? ` of ${c.base}` : '';
    let verdict = '';
    if (r.failed) verdict = `  FAILED: ${r.failed}`;
    else if (c.target && major === '22') verdict = vs.wall <= c.target ? `  ok (target ≤ ${c.target}×${of})` : `  OVER target ≤ ${c.target}×${of}`;
    if (r.failed || (c.target && major === '22' && vs.wall > c.target)) missed++;
    console.log(`${c.name.padEnd(30)} ${median(r.wall).toFixed(0).padStart(6)} ms  ${j ? shown(vs) : '1.00×'}${c.base ? of : ''}${verdict}`);
    if (c.rss) {
      // The highest of the rounds. Node 24 lets its heap grow further before collecting
      // (a plain yaml.parse of the same files peaks near 200 MB there), so, like the
      // times, the target is held on Node 22 and the others are shown.
      const peak = Math.max(...r.peak);
      const judged = c.rssTarget && major === '22';
      const over = judged && !(peak < c.rssTarget);
      if (over) missed++;
      const verdict = judged ? `  ${over ? 'OVER' : 'ok'} (target < ${c.rssTarget} MB)` : '';
      console.log(`${''.padEnd(30)} ${peak.toFixed(0).padStart(6)} MB  peak memory${verdict}`);
    }
  });
}
process.exitCode = missed ? 1 : 0;

// rollup over 10,000 returns (scripts/bench-rollup.mjs), on the Node running this script.
const { benchRollup } = await import('./bench-rollup.mjs');
if (benchRollup()) process.exitCode = 1;

// merge of 50 contributions against validate of the same 51 files (scripts/bench-merge.mjs).
const { benchMerge } = await import('./bench-merge.mjs');
if (benchMerge()) process.exitCode = 1;
