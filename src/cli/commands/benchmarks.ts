// `dutykit benchmarks [id]`: the framework's benchmarks, or one with its questions.
import { usage } from '../usage.js';
import { didYouMean } from '../../model/did-you-mean.js';
import type { Benchmark, Framework } from '../../model/framework-schema.js';
import { exact, joined, plain, term, type Term } from '../../outside.js';
import { displayWidth } from '../../report/box.js';
import { chosenFramework } from '../open.js';
import { out, outJson, type GlobalOptions } from '../output.js';

export type BenchmarksOptions = GlobalOptions;

function find(fw: Framework, id: string): Benchmark {
  const b = fw.benchmarks.find((x) => x.id === id || String(x.number) === id);
  if (!b) throw usage`no benchmark "${id}" in ${fw.id}${didYouMean(id, fw.benchmarks.map((x) => x.id))}; run \`dutykit benchmarks\` for the list`;
  return b;
}

function showOne(b: Benchmark): Term {
  const lines = [term`${b.number}. ${plain(b.title)}  (${exact(b.id)})`, term``, plain(b.statement), term``, term`Basis: ${plain(b.basis)}`, term``, term`Questions:`];
  for (const q of b.questions.filter((x) => !x.retired)) {
    lines.push(term``, term`  ${plain(q.title)}${q.essential ? '  [essential]' : ''}  (${exact(q.id)})`, term`    ${plain(q.text)}`, term`    How to judge: ${plain(q.guidance)}`);
    lines.push(term`    Evidence, for example:`, ...q.evidence.map((e) => term`      - ${plain(e)}`));
  }
  return joined(lines);
}

export async function runBenchmarks(id: string | undefined, opts: BenchmarksOptions): Promise<void> {
  const fw = chosenFramework(opts.framework);
  if (id) {
    const b = find(fw, id);
    if (opts.json) outJson({ framework: fw.id, version: fw.version, ...b });
    else out(showOne(b));
    return;
  }
  if (opts.json) {
    const list = fw.benchmarks.map((b) => ({ number: b.number, id: b.id, title: b.title, questions: b.questions.filter((q) => !q.retired).length }));
    outJson({ framework: fw.id, version: fw.version, benchmarks: list });
    return;
  }
  // Padded by display width, so that wide letters and emoji keep the columns straight.
  const titles = fw.benchmarks.map((b) => plain(b.title).replace(/\n/g, ' '));
  const ids = fw.benchmarks.map((b) => exact(b.id));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  const width = Math.max(...titles.map(displayWidth));
  const idWidth = Math.max(32, ...ids.map(displayWidth));
  out(term`${plain(fw.title)} (${exact(fw.id)}, version ${exact(fw.version)})\n`);
  fw.benchmarks.forEach((b, i) => {
    const n = b.questions.filter((q) => !q.retired).length;
    out(term`${plain(String(b.number).padStart(2))}. ${plain(pad(titles[i]!, width))}  ${plain(pad(ids[i]!, idWidth))} ${n} questions`);
  });
  out(term`\n${plain(fw.attribution)}\nShow one with its questions: dutykit benchmarks <id>`);
}
