// Pure: returns in, a roll-up out (spec §10). Returns are added one at a time as summaries;
// returns against different frameworks go into separate sections, never mixed. Two returns
// from one body: the newer (later date, then later file name) is used, and the roll-up says so.
import { messages, type Messages } from '../i18n/catalogue.js';
import type { Framework, RatingDef } from '../model/framework-schema.js';
import { organisationKey } from '../model/one-line.js';
import type { Roster } from '../model/roster.js';
import { UNANSWERED } from '../rating/questions.js';
import { UNRATED } from '../rating/rate.js';
import { publicSection } from './public.js';
import { matchRoster, type RosterMatch } from './roster-match.js';
import type { SameDay } from './same-day.js';
import { NOT_FOR_KIND, type ReturnSummary } from './summary.js';

export type Audience = 'board' | 'public';

/** A count as published: a number, or, in a public roll-up, "fewer than 5" for any below 5. */
export type Count = number | string;

export interface BodyRef {
  name: string;
  reference?: string;
  file: string;
}

export interface RollupSection {
  framework: { id: string; version: string; title: string };
  ratings: Pick<RatingDef, 'id' | 'label' | 'colour'>[];
  /** Answer words counted per question, in order: the framework's, then not-for-kind and unanswered. */
  answerColumns: { id: string; label: string }[];
  returns: Count;
  benchmarks: { id: string; number: number; title: string; counts: Record<string, Count> }[];
  questions: { benchmark: number; id: string; title: string; counts: Record<string, Count> }[];
  roster?: RosterMatch;
  /**
   * Two or more returns from one body: which is used, and how it was chosen: by its later
   * date, or (another has the same date) by coming last in file-name order.
   */
  duplicates: { reference: string; name: string; used: BodyRef & { date: string }; superseded: (BodyRef & { date: string })[]; chosenBy: 'date' | 'file name' }[] | Count;
  red: (BodyRef & { benchmarks: string[] })[] | Count;
  overdueActions: (BodyRef & { benchmark: string; action: string; due: string })[] | Count;
  staleEvidence: (BodyRef & { benchmark: string; question: string; reviewed: string })[] | Count;
  declines?: (BodyRef & { benchmark: string; from: string; to: string })[] | Count;
}

export interface Rollup {
  schema: 'dutykit/rollup@1';
  audience: Audience;
  sections: RollupSection[];
}

interface Group {
  fw: Framework;
  /** By body: its reference, or its file when it has none. */
  bodies: Map<string, ReturnSummary[]>;
  /** Blank returns (nothing answered), the newest per body: not counted, their bodies not returned. */
  started: Map<string, ReturnSummary>;
}

const bodyKey = (s: ReturnSummary) => (s.reference !== undefined ? `ref:${s.reference}` : `file:${s.file}`);
const newer = (a: ReturnSummary, b: ReturnSummary) => (a.date !== b.date ? a.date > b.date : a.file > b.file);
const ref = (s: ReturnSummary): BodyRef => ({ name: s.name, ...(s.reference !== undefined && { reference: s.reference }), file: s.file });

export class RollupBuilder {
  readonly #groups = new Map<string, Group>();

  add(fw: Framework, s: ReturnSummary): void {
    // One framework is one folder's content: the loader gives each folder one object.
    const key = `${fw.id}\0${fw.dir}`;
    let g = this.#groups.get(key);
    if (!g) this.#groups.set(key, (g = { fw, bodies: new Map(), started: new Map() }));
    const k = bodyKey(s);
    if (s.blank) {
      const had = g.started.get(k);
      if (!had || newer(s, had)) g.started.set(k, s);
      return;
    }
    const list = g.bodies.get(k);
    if (list) list.push(s);
    else g.bodies.set(k, [s]);
  }

  /** The return used for each body of the framework `fwId`, for --previous. */
  latest(fwId: string): Map<string, ReturnSummary> {
    const out = new Map<string, ReturnSummary>();
    for (const g of this.#groups.values()) {
      if (g.fw.id !== fwId) continue;
      for (const [k, list] of g.bodies) out.set(k, pick(list).used);
    }
    return out;
  }

  /** Bodies whose newest returns share a date: the file name chose, and the user should know. */
  sameDay(): SameDay[] {
    const out: SameDay[] = [];
    for (const g of this.#groups.values()) {
      for (const list of g.bodies.values()) {
        const { used, superseded } = pick(list);
        const tied = superseded.filter((s) => s.date === used.date);
        if (tied.length) out.push({ name: used.name, reference: used.reference, date: used.date, used: used.file, others: tied.map((s) => s.file) });
      }
    }
    return out;
  }

  /**
   * Bodies with a reference that sent a return in `previous` (last round) but none in this one,
   * each with this round's return of the same name if there is one (its reference changed, or
   * another body has its name). Without a roster nothing else would say so.
   */
  goneSince(previous: RollupBuilder): { was: ReturnSummary; sameName?: ReturnSummary }[] {
    const now = [...this.#groups.values()].flatMap((g) => [...g.bodies.values()].map((list) => pick(list).used).concat([...g.started.values()]));
    const refs = new Set(now.map((s) => s.reference));
    const byName = new Map(now.map((s) => [organisationKey(s.name), s]));
    return [...previous.#groups.values()]
      .flatMap((g) => [...g.bodies.values()].map((list) => pick(list).used))
      .filter((was) => was.reference !== undefined && !refs.has(was.reference))
      .map((was) => ({ was, sameName: byName.get(organisationKey(was.name)) }));
  }

  frameworks(): Framework[] {
    return [...this.#groups.values()].map((g) => g.fw);
  }

  build(opts: BuildOptions): Rollup {
    const groups = [...this.#groups.values()];
    // A roster no return has come in for yet is every body not returned, not an empty roll-up
    // (which `--fail-on missing` would pass).
    const rostered = opts.roster?.framework;
    if (rostered && !groups.some((g) => g.fw.id === rostered.id)) groups.push({ fw: rostered, bodies: new Map(), started: new Map() });
    const sections = groups
      .sort((a, b) => (a.fw.id < b.fw.id ? -1 : a.fw.id > b.fw.id ? 1 : 0))
      .map((g) => section(g, opts));
    return { schema: 'dutykit/rollup@1', audience: opts.audience, sections };
  }
}

function pick(list: ReturnSummary[]): { used: ReturnSummary; superseded: ReturnSummary[] } {
  const used = list.reduce((a, b) => (newer(b, a) ? b : a));
  return { used, superseded: list.filter((s) => s !== used) };
}

export interface BuildOptions {
  audience: Audience;
  roster?: Roster;
  asOf: string;
  previous?: RollupBuilder;
  /** The language of the roll-up's own words (default English). */
  l?: Messages;
  /** A framework's words (titles, labels) in that language, where it has them (framework.<lang>.yaml). */
  words?: (fw: Framework) => Framework | undefined;
}

function section(g: Group, opts: BuildOptions): RollupSection {
  const { fw } = g;
  const l = opts.l ?? messages();
  // Ids from the framework, words from its translation: the two have the same ids.
  const w = opts.words?.(fw) ?? fw;
  const bench = new Map(w.benchmarks.map((b) => [b.id, b]));
  const benchTitle = (id: string) => bench.get(id)?.title ?? id;
  const questionTitle = (b: string, q: string) => bench.get(b)?.questions.find((x) => x.id === q)?.title ?? q;
  const ratingLabel = (id: string) => (id === UNRATED ? l.t('rating.unrated') : (w.ratings.find((r) => r.id === id)?.label ?? id));
  const picked = [...g.bodies.values()].map(pick);
  const used = picked.map((p) => p.used).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ratingIds = [...fw.ratings.map((r) => r.id), UNRATED];
  const benchmarks = fw.benchmarks.map((b, i) => {
    const counts: Record<string, number> = Object.fromEntries(ratingIds.map((id) => [id, 0]));
    for (const s of used) counts[s.ratings[i]!]! += 1;
    return { id: b.id, number: b.number, title: benchTitle(b.id), counts };
  });
  const columns = [...fw.answers.map((a) => ({ id: a.id, label: w.answers.find((x) => x.id === a.id)?.label ?? a.label })), { id: NOT_FOR_KIND, label: l.t('rollup.notForKind') }, { id: UNANSWERED, label: l.t('rollup.unanswered') }];
  const questions = fw.benchmarks.flatMap((b) => b.questions.filter((q) => !q.retired).map((q) => ({ benchmark: b.number, id: q.id, title: questionTitle(b.id, q.id), counts: Object.fromEntries(columns.map((c) => [c.id, 0])) as Record<string, number> })));
  for (const s of used) s.answers.forEach((w, i) => (questions[i]!.counts[w] = (questions[i]!.counts[w] ?? 0) + 1));

  const red = used.filter((s) => s.ratings.includes('red')).map((s) => ({ ...ref(s), benchmarks: fw.benchmarks.filter((_, i) => s.ratings[i] === 'red').map((b) => benchTitle(b.id)) }));
  const overdueActions = used.flatMap((s) => s.overdue.map((x) => ({ ...ref(s), ...x, benchmark: benchTitle(x.benchmark) }))).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const staleEvidence = used.flatMap((s) => s.stale.map((x) => ({ ...ref(s), ...x, benchmark: benchTitle(x.benchmark), question: questionTitle(x.benchmark, x.question) })));
  const duplicates = picked
    .filter((p) => p.superseded.length)
    .map((p) => ({
      reference: p.used.reference ?? '',
      name: p.used.name,
      used: { ...ref(p.used), date: p.used.date },
      superseded: p.superseded.map((s) => ({ ...ref(s), date: s.date })),
      chosenBy: p.superseded.some((s) => s.date === p.used.date) ? ('file name' as const) : ('date' as const),
    }));
  const roster = opts.roster && opts.roster.framework.id === fw.id ? matchRoster(opts.roster, used, opts.asOf, [...g.started.values()]) : undefined;
  // A kind by its label in the roll-up's language ("Ysgol uwchradd"); JSON keeps the id too.
  if (roster && Array.isArray(roster.missing)) for (const x of roster.missing) if (x.kind) x.kindLabel = w.kinds?.find((k) => k.id === x.kind)?.label ?? x.kind;
  const declines = opts.previous && declinesSince(fw, used, opts.previous.latest(fw.id), ratingLabel, benchTitle);

  const board: RollupSection = {
    framework: { id: fw.id, version: fw.version, title: w.title },
    ratings: fw.ratings.map((r) => ({ id: r.id, label: ratingLabel(r.id), colour: r.colour })),
    answerColumns: columns,
    returns: used.length,
    benchmarks,
    questions,
    ...(roster && { roster }),
    duplicates,
    red,
    overdueActions,
    staleEvidence,
    ...(declines && { declines }),
  };
  return opts.audience === 'public' ? publicSection(board, fw) : board;
}

/** Ratings that fell since the previous round, and rated benchmarks that became Not yet rated. */
function declinesSince(fw: Framework, used: ReturnSummary[], before: Map<string, ReturnSummary>, label: (id: string) => string, title: (id: string) => string) {
  const rank = (id: string) => fw.ratings.findIndex((r) => r.id === id);
  const out: (BodyRef & { benchmark: string; from: string; to: string })[] = [];
  for (const s of used) {
    const was = before.get(bodyKey(s)) ?? (s.reference === undefined ? undefined : before.get(`ref:${s.reference}`));
    if (!was) continue;
    fw.benchmarks.forEach((b, i) => {
      const from = was.ratings[i];
      const to = s.ratings[i]!;
      if (from === undefined || from === UNRATED) return;
      if (to === UNRATED || rank(to) < rank(from)) out.push({ ...ref(s), benchmark: title(b.id), from: label(from), to: label(to) });
    });
  }
  return out;
}

export const FEWER_THAN_5 = 'fewer than 5';
export const NOT_SHOWN = 'not shown';
