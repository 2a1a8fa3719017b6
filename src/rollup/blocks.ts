// The roll-up as a document: headings, paragraphs and tables, every label from the message
// catalogue (`rollup.*`) in the language asked. Text, Markdown and PDF render these blocks, so
// they say the same thing; JSON is the model itself. Cell text is outside text: each renderer
// escapes it for its own output.
import { messages, type MessageKey, type Messages } from '../i18n/catalogue.js';
import { visible } from '../outside.js';
import { UNRATED } from '../rating/rate.js';
import { FEWER_THAN_5, NOT_SHOWN, type Count, type Rollup, type RollupSection } from './model.js';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] };

const dash = (s?: string) => s ?? '—';
/**
 * A file name as `exact` shows it in a message: every control and hidden character as \u001b.
 * The renderers clean cells (a name or a title is body text), which would drop an escape
 * sequence from a file name and show another file's name.
 */
const fileName = (f: string) => visible(f);

/** The roll-up's blocks in the language of `l` (the model's framework words are already in it). */
export function rollupBlocks(m: Rollup, l: Messages = messages()): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 1, text: l.t('rollup.title') }];
  if (m.audience === 'public') out.push({ kind: 'para', text: l.t('rollup.publicNote', { fewer: l.t('rollup.fewerThan5'), notShown: l.t('rollup.notShown') }) });
  for (const s of m.sections) out.push(...sectionBlocks(s, l));
  return out;
}

/** A count as published, in words where it is not a number. */
const countText = (c: Count | undefined, l: Messages) => (c === FEWER_THAN_5 ? l.t('rollup.fewerThan5') : c === NOT_SHOWN ? l.t('rollup.notShown') : String(c ?? 0));

function sectionBlocks(s: RollupSection, l: Messages): Block[] {
  const { t } = l;
  const str = (c: Count | undefined) => countText(c, l);
  const col = (k: MessageKey) => t(k);
  /** A list, or its count in a public roll-up. */
  const listed = <T>(heading: string, v: T[] | Count | undefined, head: string[], row: (x: T) => string[]): void => {
    if (v === undefined) return;
    out.push({ kind: 'heading', level: 3, text: heading });
    if (!Array.isArray(v)) out.push({ kind: 'para', text: t('rollup.count', { count: str(v) }) });
    else if (!v.length) out.push({ kind: 'para', text: t('rollup.none') });
    else out.push({ kind: 'table', head, rows: v.map(row) });
  };
  const dated = (x: { file: string; date: string }) => t('rollup.fileDated', { file: fileName(x.file), date: l.date(x.date) });
  const [ref, name] = [col('rollup.col.reference'), col('report.col.name')];

  const out: Block[] = [{ kind: 'heading', level: 2, text: t('rollup.section', { title: s.framework.title, id: s.framework.id, version: s.framework.version }) }];
  out.push({ kind: 'para', text: t('rollup.returns', { count: str(s.returns) }) });
  const ratingCols = [...s.ratings.map((r) => ({ id: r.id, label: r.label })).reverse(), { id: UNRATED, label: t('rating.unrated') }];
  out.push({ kind: 'heading', level: 3, text: t('rollup.ratings') });
  out.push({ kind: 'table', head: ['#', col('report.col.benchmark'), ...ratingCols.map((c) => c.label)], rows: s.benchmarks.map((b) => [String(b.number), b.title, ...ratingCols.map((c) => str(b.counts[c.id]))]) });
  out.push({ kind: 'heading', level: 3, text: t('rollup.answers') });
  out.push({ kind: 'table', head: ['#', col('report.col.question'), ...s.answerColumns.map((c) => c.label)], rows: s.questions.map((q) => [String(q.benchmark), q.title, ...s.answerColumns.map((c) => str(q.counts[c.id]))]) });

  const r = s.roster;
  if (r) {
    out.push({ kind: 'heading', level: 3, text: t('rollup.roster') }, { kind: 'para', text: t('rollup.due', { period: r.period, due: l.date(r.due) }) });
    const n = (v: unknown[] | Count) => (Array.isArray(v) ? v.length : v);
    const head = (['rollup.col.expected', 'rollup.col.returned', 'rollup.col.notReturned', 'rollup.col.late', 'rollup.col.notOnRoster'] as const).map(col);
    out.push({ kind: 'table', head, rows: [[str(r.expected), str(n(r.returned)), str(n(r.missing)), str(n(r.late)), str(n(r.notOnRoster))]] });
    if (Array.isArray(r.missing)) {
      const status = (overdue: boolean) => t(overdue ? 'rollup.overdueYes' : 'rollup.overdueNo');
      listed(t('rollup.missing'), r.missing, [ref, name, col('rollup.col.kind'), col('rollup.col.contact'), col('report.col.status')], (x) => [x.reference, x.name, dash(x.kindLabel ?? x.kind), dash(x.contact), x.started ? `${status(x.overdue)}; ${t('rollup.startedBlank', { file: fileName(x.started) })}` : status(x.overdue)]);
      listed(t('rollup.late'), r.late as { reference: string; name: string; date: string }[], [ref, name, col('rollup.col.dated')], (x) => [x.reference, x.name, l.date(x.date)]);
      listed(t('rollup.notOnRoster'), r.notOnRoster as { reference?: string; name: string; file: string }[], [ref, name, col('rollup.col.file')], (x) => [dash(x.reference), x.name, fileName(x.file)]);
    }
  }
  listed(t('rollup.duplicates'), s.duplicates, [ref, name, col('rollup.col.used'), col('rollup.col.setAside')], (x) => [x.reference || '—', x.name, x.chosenBy === 'file name' ? t('rollup.usedByName', { file: fileName(x.used.file), date: l.date(x.used.date) }) : dated(x.used), x.superseded.map(dated).join('; ')]);
  listed(t('rollup.red'), s.red, [ref, name, col('rollup.col.redBenchmarks')], (x) => [dash(x.reference), x.name, x.benchmarks.join('; ')]);
  const [benchmark, question] = [col('report.col.benchmark'), col('report.col.question')];
  listed(t('rollup.overdue'), s.overdueActions, [ref, name, benchmark, col('report.col.action'), col('rollup.col.due')], (x) => [dash(x.reference), x.name, x.benchmark, x.action, l.date(x.due)]);
  listed(t('rollup.stale'), s.staleEvidence, [ref, name, benchmark, question, col('rollup.col.lastReviewed')], (x) => [dash(x.reference), x.name, x.benchmark, x.question, l.date(x.reviewed)]);
  listed(t('rollup.declines'), s.declines, [ref, name, benchmark, col('rollup.col.was'), col('rollup.col.now')], (x) => [dash(x.reference), x.name, x.benchmark, x.from, x.to]);
  return out;
}
