// The roll-up as a document: headings, paragraphs and tables, with every label in this one
// place. Text, Markdown and PDF render these blocks, so they say the same thing; JSON is the
// model itself. Cell text is outside text: each renderer escapes it for its own output.
import { longDate } from '../report/text.js';
import { UNRATED } from '../rating/rate.js';
import type { Count, Rollup, RollupSection } from './model.js';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] };

const L = {
  title: 'Roll-up of returns',
  publicNote: 'Public version: counts only; any count below 5 is shown as "fewer than 5", and where it could be worked out from the total, one more count is "not shown".',
  section: (title: string, id: string, version: string) => `${title} (${id}, version ${version})`,
  returns: (n: Count) => `Returns counted: ${n} (one per body; where a body sent two, the newer).`,
  ratings: 'Ratings per benchmark',
  answers: 'Answers per question',
  roster: 'Against the roster',
  due: (period: string, due: string) => `Period ${period}, due ${longDate(due)}.`,
  rosterCounts: ['Expected', 'Returned', 'Not returned', 'Returned late', 'Not on the roster'],
  missing: 'Not returned',
  late: 'Returned late',
  notOnRoster: 'Returns from bodies not on the roster',
  duplicates: 'Two returns from one body (the newer is used)',
  red: 'Bodies with a Red benchmark',
  overdue: 'Overdue actions (open, due before the return was dated)',
  stale: 'Evidence past its review date',
  declines: 'Ratings that declined since the previous round',
  none: 'None.',
  count: (n: Count) => `Count: ${n}.`,
  overdueYes: 'overdue',
  overdueNo: 'not yet due',
  unrated: 'Not yet rated',
} as const;

const dash = (s?: string) => s ?? '—';
const str = (c: Count | undefined) => String(c ?? 0);

export function rollupBlocks(m: Rollup): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 1, text: L.title }];
  if (m.audience === 'public') out.push({ kind: 'para', text: L.publicNote });
  for (const s of m.sections) out.push(...sectionBlocks(s));
  return out;
}

/** A list, or its count in a public roll-up. */
function listed<T>(out: Block[], heading: string, v: T[] | Count | undefined, head: string[], row: (x: T) => string[]): void {
  if (v === undefined) return;
  out.push({ kind: 'heading', level: 3, text: heading });
  if (!Array.isArray(v)) out.push({ kind: 'para', text: L.count(v) });
  else if (!v.length) out.push({ kind: 'para', text: L.none });
  else out.push({ kind: 'table', head, rows: v.map(row) });
}

function sectionBlocks(s: RollupSection): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 2, text: L.section(s.framework.title, s.framework.id, s.framework.version) }];
  out.push({ kind: 'para', text: L.returns(s.returns) });
  const ratingCols = [...s.ratings.map((r) => ({ id: r.id, label: r.label })).reverse(), { id: UNRATED, label: L.unrated }];
  out.push({ kind: 'heading', level: 3, text: L.ratings });
  out.push({ kind: 'table', head: ['#', 'Benchmark', ...ratingCols.map((c) => c.label)], rows: s.benchmarks.map((b) => [String(b.number), b.title, ...ratingCols.map((c) => str(b.counts[c.id]))]) });
  out.push({ kind: 'heading', level: 3, text: L.answers });
  out.push({ kind: 'table', head: ['#', 'Question', ...s.answerColumns.map((c) => c.label)], rows: s.questions.map((q) => [String(q.benchmark), q.title, ...s.answerColumns.map((c) => str(q.counts[c.id]))]) });

  const r = s.roster;
  if (r) {
    out.push({ kind: 'heading', level: 3, text: L.roster }, { kind: 'para', text: L.due(r.period, r.due) });
    const n = (v: unknown[] | Count) => (Array.isArray(v) ? v.length : v);
    out.push({ kind: 'table', head: [...L.rosterCounts], rows: [[str(r.expected), str(n(r.returned)), str(n(r.missing)), str(n(r.late)), str(n(r.notOnRoster))]] });
    if (Array.isArray(r.missing)) {
      listed(out, L.missing, r.missing, ['Reference', 'Name', 'Kind', 'Contact', 'Status'], (x) => [x.reference, x.name, dash(x.kind), dash(x.contact), x.overdue ? L.overdueYes : L.overdueNo]);
      listed(out, L.late, r.late as { reference: string; name: string; date: string }[], ['Reference', 'Name', 'Dated'], (x) => [x.reference, x.name, longDate(x.date)]);
      listed(out, L.notOnRoster, r.notOnRoster as { reference?: string; name: string; file: string }[], ['Reference', 'Name', 'File'], (x) => [dash(x.reference), x.name, x.file]);
    }
  }
  listed(out, L.duplicates, s.duplicates, ['Reference', 'Name', 'Used', 'Set aside'], (x) => [x.reference || '—', x.name, `${x.used.file} (${longDate(x.used.date)})`, x.superseded.map((o) => `${o.file} (${longDate(o.date)})`).join('; ')]);
  listed(out, L.red, s.red, ['Reference', 'Name', 'Red benchmarks'], (x) => [dash(x.reference), x.name, x.benchmarks.join('; ')]);
  listed(out, L.overdue, s.overdueActions, ['Reference', 'Name', 'Benchmark', 'Action', 'Due'], (x) => [dash(x.reference), x.name, x.benchmark, x.action, longDate(x.due)]);
  listed(out, L.stale, s.staleEvidence, ['Reference', 'Name', 'Benchmark', 'Question', 'Last reviewed'], (x) => [dash(x.reference), x.name, x.benchmark, x.question, longDate(x.reviewed)]);
  listed(out, L.declines, s.declines, ['Reference', 'Name', 'Benchmark', 'Was', 'Now'], (x) => [dash(x.reference), x.name, x.benchmark, x.from, x.to]);
  return out;
}
