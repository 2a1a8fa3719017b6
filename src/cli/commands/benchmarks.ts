// `dutykit benchmarks [id]`: the framework's benchmarks, or one with its questions.
import { UsageError } from '../../errors.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { Benchmark, Framework } from '../../model/framework-schema.js';
import { clean } from '../../report/text.js';
import { chosenFramework } from '../open.js';
import { out, type GlobalOptions } from '../output.js';

export type BenchmarksOptions = GlobalOptions;

function find(fw: Framework, id: string): Benchmark {
  const b = fw.benchmarks.find((x) => x.id === id || String(x.number) === id);
  if (!b) throw new UsageError(`no benchmark "${id}" in ${fw.id}${didYouMean(id, fw.benchmarks.map((x) => x.id))}; run \`dutykit benchmarks\` for the list`);
  return b;
}

function showOne(b: Benchmark): string {
  const lines = [`${b.number}. ${b.title}  (${b.id})`, '', clean(b.statement), '', `Basis: ${clean(b.basis)}`, '', 'Questions:'];
  for (const q of b.questions.filter((x) => !x.retired)) {
    lines.push('', `  ${q.title}${q.essential ? '  [essential]' : ''}  (${q.id})`, `    ${clean(q.text)}`, `    How to judge: ${clean(q.guidance)}`);
    lines.push('    Evidence, for example:', ...q.evidence.map((e) => `      - ${clean(e)}`));
  }
  return lines.join('\n');
}

export async function runBenchmarks(id: string | undefined, opts: BenchmarksOptions): Promise<void> {
  const fw = chosenFramework(opts.framework);
  if (id) {
    const b = find(fw, id);
    out(opts.json ? JSON.stringify({ framework: fw.id, version: fw.version, ...b }, null, 2) : showOne(b));
    return;
  }
  if (opts.json) {
    const list = fw.benchmarks.map((b) => ({ number: b.number, id: b.id, title: b.title, questions: b.questions.filter((q) => !q.retired).length }));
    out(JSON.stringify({ framework: fw.id, version: fw.version, benchmarks: list }, null, 2));
    return;
  }
  const width = Math.max(...fw.benchmarks.map((b) => b.title.length));
  out(`${fw.title} (${fw.id}, version ${fw.version})\n`);
  for (const b of fw.benchmarks) {
    const n = b.questions.filter((q) => !q.retired).length;
    out(`${String(b.number).padStart(2)}. ${b.title.padEnd(width)}  ${b.id.padEnd(32)} ${n} questions`);
  }
  out(`\n${fw.attribution}\nShow one with its questions: dutykit benchmarks <id>`);
}
