// Scale of `merge` (issue 14): 50 generated contributions merged into a full assessment (the
// Northbridge example, every question answered) take at most 2× the time of `dutykit validate`
// over the same 51 files, in the same run. Each round merges into a fresh copy of the
// assessment (copied outside the timing), so every round does the whole merge.
import { copyFileSync, mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, median, rounds, shown } from './bench-rounds.mjs';

const ANSWERS = ['met', 'partly', 'met', 'not-met'];

/** Writes the assessment and `count` contributions into `dir`; returns their paths. */
export function makeMergeInputs(dir, count = 50) {
  const yaml = createRequire(import.meta.url)('yaml');
  const example = 'examples/northbridge-2025.yaml';
  const full = join(dir, 'partnership.yaml');
  copyFileSync(example, full);
  const benchmarks = Object.entries(yaml.parse(readFileSync(example, 'utf8')).benchmarks);
  const questions = benchmarks.flatMap(([b, e]) => Object.keys(e.answers ?? {}).map((q) => [b, q]));
  const contributions = [];
  for (let i = 0; i < count; i++) {
    // Each organisation speaks to about a quarter of the questions, a different quarter each,
    // and not always in agreement: positions are added, agreed and left unsettled.
    const lines = ['framework: home-office-2018', 'authority: Northbridge Borough Council', 'period: 2024/25', `date: 2025-02-${String(1 + (i % 28)).padStart(2, '0')}`];
    lines.push('contributor:', `  organisation: Partner Organisation ${String(i + 1).padStart(2, '0')}`, '  name: A. Officer', '  role: Prevent Lead', 'benchmarks:');
    const entries = new Map();
    const entry = (b) => entries.get(b) ?? entries.set(b, { answers: [], actions: [] }).get(b);
    questions.forEach(([b, q], j) => {
      if ((i + j) % 4 !== 0) return;
      const a = entry(b).answers;
      a.push(`      ${q}:`, `        answer: ${ANSWERS[(i + j) % ANSWERS.length]}`);
      a.push('        evidence: >-', `          Partner ${i + 1} saw this in its own records for question ${j + 1}; the minutes and`, '          returns are held by its Prevent lead.');
      if (j % 3 === 0) a.push(`        links: [restricted/partner-${i + 1}/q${j + 1}.pdf]`);
      a.push('        reviewed: 2025-01-15');
    });
    // One proposed action each, ten wordings between them: added once, then found already there.
    entry('referral-process').actions.push(`      - { action: Share referral outcomes with partner ${i % 10} each quarter, owner: Prevent Coordinator, due: 2025-09-30, status: open }`);
    for (const [b, e] of entries) {
      lines.push(`  ${b}:`);
      if (e.answers.length) lines.push('    answers:', ...e.answers);
      if (e.actions.length) lines.push('    actions:', ...e.actions);
    }
    const file = join(dir, `partner-${String(i + 1).padStart(2, '0')}.yaml`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    contributions.push(file);
  }
  return { full, contributions };
}

export function benchMerge({ node = process.execPath, runs = Number(process.env.BENCH_MERGE_RUNS ?? 7) } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dutykit-bench-merge-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const { full, contributions } = makeMergeInputs(dir);
  const target = join(dir, 'merged.yaml');
  const cases = [
    { name: 'dutykit validate 51 files', args: ['bin/dutykit.js', 'validate', full, ...contributions] },
    { name: 'dutykit merge 50 into 1', args: ['bin/dutykit.js', 'merge', target, ...contributions], before: () => copyFileSync(full, target), target: 2 },
  ];
  const results = rounds(cases, { node, runs, warmup: 1, dir });
  let missed = 0;
  console.log(`\nmerge at scale (${runs} rounds, interleaved; median time)`);
  cases.forEach((c, j) => {
    const r = results[j];
    const vs = compare(r, results[0]);
    const verdicts = [];
    if (r.failed) verdicts.push(`FAILED: ${r.failed}`);
    if (c.target) verdicts.push(vs.wall <= c.target ? `ok (≤ ${c.target}× of validate)` : `OVER ≤ ${c.target}× of validate`);
    if (r.failed || (c.target && vs.wall > c.target)) missed++;
    console.log(`${c.name.padEnd(32)} ${median(r.wall).toFixed(0).padStart(7)} ms ${j ? shown(vs) : ''} ${verdicts.join('; ')}`);
  });
  return missed;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = benchMerge() ? 1 : 0;
