// Pure: two rated assessments in, per-benchmark change with its causes out.
import type { Framework } from '../model/framework-schema.js';
import { countRatings, type BenchmarkRating } from '../rating/rate.js';
import { summaryText } from '../rating/explain.js';
import { messages, type Messages } from '../i18n/catalogue.js';
import { benchmarkTitle, kindLabel, label, plainWording, type Wording } from './wording.js';
import { decisivePairs, ratingCauses } from './causes.js';
import { contributionCauses, contributionSides, type ContributionSides } from './contributions.js';
import { frameworkDigest } from '../model/framework-digest.js';
import { mappingBetween, pairings, type Mapping, type Pairing } from './mapping.js';
import { changesText, ruleChanges, rulesCause } from './rules.js';
import { pairQuestions, questionChange, type QuestionPair } from './questions.js';
import { DIRECTIONS, type AssessmentDiff, type BenchmarkChange, type Cause, type Direction, type OldBenchmark, type RatedSide, type RatingRef, type SideSummary } from './types.js';

/** A rating's place on the new framework's scale (by id where it has it); -1 when unrated. */
function rank(oldFw: Framework, newFw: Framework, id: string): number {
  const inNew = newFw.ratings.findIndex((r) => r.id === id);
  return inNew >= 0 ? inNew : oldFw.ratings.findIndex((r) => r.id === id);
}

export function directionOf(before: number, after: number): Direction {
  if (before < 0 && after < 0) return 'unchanged';
  if (before < 0) return 'newly rated';
  if (after < 0) return 'no longer rated';
  return after > before ? 'improved' : after < before ? 'declined' : 'unchanged';
}

const numbered = (b: { number: number; title: string }) => `${b.number}. ${b.title}`;
const listed = (items: string[], l: Messages) => (items.length > 1 ? l.t('list.and', { list: items.slice(0, -1).join(', '), last: items.at(-1)! }) : (items[0] ?? ''));

function frameworkCause(p: Pairing, olds: OldBenchmark[], oldFw: Framework, newFw: Framework, before: RatingRef | null, shared: BenchmarkChange['sharedQuestions'], l: Messages): Cause | undefined {
  const { t } = l;
  const one = olds[0];
  const ids = { old: oldFw.id, new: newFw.id };
  switch (p.comparison) {
    case 'same':
      return undefined;
    case 'mapped':
      return { kind: 'framework', text: t(shared.shared === shared.new ? 'cause.mapped.all' : 'cause.mapped', { ...ids, benchmark: numbered(one!), shared: shared.shared, total: shared.new }) };
    case 'merged':
      return { kind: 'framework', text: t('cause.merged', { ...ids, olds: listed(olds.map((o) => `${numbered(o)} (${o.label})`), l), lowest: before?.label ?? t('rating.unrated') }) };
    case 'split':
      return { kind: 'framework', text: t('cause.split', { ...ids, benchmark: numbered(one!) }) };
    case 'new':
      return { kind: 'framework', text: t('cause.new', ids) };
    case 'unmapped':
      return { kind: 'framework', text: t('cause.unmapped', ids) };
  }
}

export interface RowInput {
  oldFw: Framework;
  newFw: Framework;
  oldRatings: BenchmarkRating[];
  newRating?: BenchmarkRating;
  mapping: Mapping;
  /** With the new assessment's date, rule changes are tested as causes. */
  rules?: { changes: string[]; date: string; kind?: string };
  /** The words to say it in (default: English, the frameworks' own). */
  w?: Wording;
  /** With both files' contributions, the contributions and settlements since are causes too. */
  contributions?: ContributionSides;
}

export function compareRow(p: Pairing, { oldFw, newFw, oldRatings, newRating, mapping, rules, w = plainWording(oldFw, newFw), contributions }: RowInput): BenchmarkChange {
  const olds = p.oldIds.map((id) => oldRatings.find((r) => r.benchmark.id === id)).filter((r): r is BenchmarkRating => r !== undefined);
  const from: OldBenchmark[] = olds.map((r) => ({
    id: r.benchmark.id,
    number: r.benchmark.number,
    title: benchmarkTitle(w.old, r.benchmark.id, r.benchmark.title),
    rating: r.final,
    label: label(w.old, r.final, w.l),
    basis: r.basis,
  }));
  // A merge is compared with its lowest rated predecessor: a decline is then a fall below all of them.
  const rated = olds.filter((r) => rank(oldFw, newFw, r.final) >= 0).sort((a, b) => rank(oldFw, newFw, a.final) - rank(oldFw, newFw, b.final));
  const base = rated[0] ?? olds[0];
  const before: RatingRef | null = base ? { rating: base.final, label: label(w.old, base.final, w.l) } : null;
  const after = newRating
    ? { rating: newRating.final, label: label(w.new, newRating.final, w.l), basis: newRating.basis, reason: summaryText(w.new, newRating.explained, w.l, { public: w.public }) }
    : null;
  const direction = directionOf(before ? rank(oldFw, newFw, before.rating) : -1, after ? rank(oldFw, newFw, after.rating) : -1);

  const pairs = pairQuestions(olds, newRating, mapping.questions);
  const one = olds.length === 1 && newRating ? olds[0]! : undefined;
  const evidenceBoth = one?.evidenceRecorded && newRating?.evidenceRecorded;
  const decisive = one && evidenceBoth && one.computed !== newRating!.computed ? decisivePairs(newFw, newRating!, pairs) : new Set<QuestionPair>();
  // With no answers on the new side, or no successor, the cause says it all; listing every
  // question as "no longer answered" would bury it.
  const listed = newRating?.evidenceRecorded ? pairs : [];
  const questions = listed.flatMap((q) => questionChange(q, oldFw, newFw, decisive.has(q), w) ?? []);
  const sharedQuestions = { shared: pairs.filter((q) => q.old && q.new).length, old: pairs.filter((q) => q.old).length, new: pairs.filter((q) => q.new).length };

  const causes: Cause[] = [];
  const fwCause = frameworkCause(p, from, oldFw, newFw, before, sharedQuestions, w.l);
  if (fwCause) causes.push(fwCause);
  if (one) causes.push(...ratingCauses({ oldFw, newFw, old: one, now: newRating!, pairs, decisive, w }));
  const ruled = one && rules && rulesCause({ oldFw, newFw, old: one, now: newRating!, mapping, ...rules, w });
  if (ruled) causes.push(ruled);
  if (one && contributions) causes.push(...contributionCauses(pairs, contributions, w));
  return {
    benchmark: newRating ? { id: newRating.benchmark.id, number: newRating.benchmark.number, title: benchmarkTitle(w.new, newRating.benchmark.id, newRating.benchmark.title) } : null,
    from,
    comparison: p.comparison,
    likeForLike: p.comparison === 'same' || p.comparison === 'mapped',
    before,
    after,
    direction,
    causes,
    questions,
    sharedQuestions,
  };
}

function summarise(side: RatedSide): SideSummary {
  const { assessment: a, framework: fw } = side;
  const title = (side.words ?? fw).title;
  return {
    ...(side.file !== undefined ? { file: side.file } : {}),
    authority: a.authority,
    ...(a.kind !== undefined && { kind: a.kind }),
    period: a.period,
    date: a.date,
    framework: { id: fw.id, version: fw.version, title, digest: frameworkDigest(fw).content },
    counts: countRatings(fw, side.ratings),
  };
}

/** Frameworks are compared by content: an id or a version number proves nothing. */
function contentNotes(old: RatedSide, now: RatedSide, { t }: Messages): string[] {
  const notes: string[] = [];
  for (const [name, s] of [['old', old], ['new', now]] as const) {
    if (s.framework.differsFromBundled) notes.push(t('diff.note.impostor', { side: name, id: s.framework.id }));
  }
  const [a, b] = [old.framework, now.framework];
  if (a.id === b.id && a.version === b.version && frameworkDigest(a).content !== frameworkDigest(b).content) {
    notes.push(t('diff.note.sameVersionDiffers', { id: b.id, version: b.version }));
  }
  return notes;
}

/**
 * `l`: the language of every sentence (each side's `words` is its framework in it);
 * `public`: for the public version of a report, which gives no review dates.
 */
export function diffAssessments(old: RatedSide, now: RatedSide, l: Messages = messages(), opts: { public?: boolean } = {}): AssessmentDiff {
  const { t } = l;
  const w: Wording = { l, old: old.words ?? old.framework, new: now.words ?? now.framework, ...(opts.public && { public: true }) };
  const mapping = mappingBetween(old.framework, now.framework, l);
  // Returns are compared as their bodies are asked: a question outside the kind is no change.
  const changes = ruleChanges(old.framework, now.framework, mapping, w, { old: old.assessment.kind, new: now.assessment.kind });
  const rules = { changes, date: now.assessment.date, kind: now.assessment.kind };
  const contributions = contributionSides(old.assessment, now.assessment);
  const rows = pairings(mapping, old.framework, now.framework).map((p) =>
    compareRow(p, { oldFw: old.framework, newFw: now.framework, oldRatings: old.ratings, newRating: now.ratings.find((r) => r.benchmark.id === p.newId), mapping, rules, w, contributions }),
  );
  const summary = Object.fromEntries(DIRECTIONS.map((d) => [d, rows.filter((r) => r.direction === d).length])) as Record<Direction, number>;
  const notes = [...contentNotes(old, now, l), ...mapping.notes];
  if (changes.length) notes.push(t('diff.note.rulesChanged', { changes: changesText(changes, l) }));
  const kinds = { old: old.assessment.kind, new: now.assessment.kind };
  if (kinds.old !== undefined && kinds.new !== undefined && kinds.old !== kinds.new) notes.push(t('diff.note.kindChanged', { old: kindLabel(w.old, kinds.old), new: kindLabel(w.new, kinds.new) }));
  if (old.assessment.authority !== now.assessment.authority) notes.push(t('diff.note.authorities', { list: listed([old.assessment.authority, now.assessment.authority], l) }));
  if (old.assessment.date > now.assessment.date) notes.push(t('diff.note.order', { old: old.assessment.date, new: now.assessment.date }));
  return {
    old: summarise(old),
    new: summarise(now),
    sameFramework: old.framework.id === now.framework.id,
    mapping: mapping.kind,
    ratings: now.framework.ratings.map((r) => ({ id: r.id, label: label(w.new, r.id, l), colour: r.colour })),
    rows,
    ruleChanges: changes,
    summary,
    questionSets: {
      shared: rows.reduce((n, r) => n + r.sharedQuestions.shared, 0),
      old: old.ratings.reduce((n, r) => n + r.questions.length, 0),
      new: now.ratings.reduce((n, r) => n + r.questions.length, 0),
    },
    notes,
  };
}

/** The change for one benchmark of a new assessment, as `report --previous` shows it. */
export function benchmarkChange(old: Pick<RatedSide, 'framework' | 'ratings'>, newFw: Framework, now: BenchmarkRating): BenchmarkChange | undefined {
  const mapping = mappingBetween(old.framework, newFw);
  const p = pairings(mapping, old.framework, newFw).find((x) => x.newId === now.benchmark.id);
  return p && compareRow(p, { oldFw: old.framework, newFw, oldRatings: old.ratings, newRating: now, mapping });
}
