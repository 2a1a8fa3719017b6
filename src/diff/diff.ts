// Pure: two rated assessments in, per-benchmark change with its causes out.
import type { Framework } from '../model/framework-schema.js';
import { countRatings, ratingLabel, type BenchmarkRating } from '../rating/rate.js';
import { decisivePairs, ratingCauses } from './causes.js';
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
const listed = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? ''));

function frameworkCause(p: Pairing, olds: OldBenchmark[], oldFw: Framework, newFw: Framework, before: RatingRef | null, shared: BenchmarkChange['sharedQuestions']): Cause | undefined {
  const one = olds[0];
  switch (p.comparison) {
    case 'same':
      return undefined;
    case 'mapped':
      return { kind: 'framework', text: `Framework changed: compared with ${numbered(one!)} in ${oldFw.id}; ${shared.shared === shared.new ? `all ${shared.new}` : `${shared.shared} of the ${shared.new}`} questions were also asked there` };
    case 'merged':
      return {
        kind: 'framework',
        text: `Not like-for-like: merges ${listed(olds.map((o) => `${numbered(o)} (${o.label})`))} from ${oldFw.id}; compared with the lowest, ${before?.label ?? 'Not yet rated'}`,
      };
    case 'split':
      return { kind: 'framework', text: `Not like-for-like: ${numbered(one!)} in ${oldFw.id} was split across several ${newFw.id} benchmarks; compared with its rating` };
    case 'new':
      return { kind: 'framework', text: `Not like-for-like: new in ${newFw.id}; no ${oldFw.id} benchmark maps to it` };
    case 'unmapped':
      return { kind: 'framework', text: `Not like-for-like: no successor in ${newFw.id}; this benchmark is no longer assessed` };
  }
}

export interface RowInput {
  oldFw: Framework;
  newFw: Framework;
  oldRatings: BenchmarkRating[];
  newRating?: BenchmarkRating;
  mapping: Mapping;
  /** With the new assessment's date, rule changes are tested as causes. */
  rules?: { changes: string[]; date: string };
}

export function compareRow(p: Pairing, { oldFw, newFw, oldRatings, newRating, mapping, rules }: RowInput): BenchmarkChange {
  const olds = p.oldIds.map((id) => oldRatings.find((r) => r.benchmark.id === id)).filter((r): r is BenchmarkRating => r !== undefined);
  const from: OldBenchmark[] = olds.map((r) => ({
    id: r.benchmark.id,
    number: r.benchmark.number,
    title: r.benchmark.title,
    rating: r.final,
    label: ratingLabel(oldFw, r.final),
    basis: r.basis,
  }));
  // A merge is compared with its lowest rated predecessor: a decline is then a fall below all of them.
  const rated = olds.filter((r) => rank(oldFw, newFw, r.final) >= 0).sort((a, b) => rank(oldFw, newFw, a.final) - rank(oldFw, newFw, b.final));
  const base = rated[0] ?? olds[0];
  const before: RatingRef | null = base ? { rating: base.final, label: ratingLabel(oldFw, base.final) } : null;
  const after = newRating ? { rating: newRating.final, label: ratingLabel(newFw, newRating.final), basis: newRating.basis, reason: newRating.summary } : null;
  const direction = directionOf(before ? rank(oldFw, newFw, before.rating) : -1, after ? rank(oldFw, newFw, after.rating) : -1);

  const pairs = pairQuestions(olds, newRating, mapping.questions);
  const one = olds.length === 1 && newRating ? olds[0]! : undefined;
  const evidenceBoth = one?.evidenceRecorded && newRating?.evidenceRecorded;
  const decisive = one && evidenceBoth && one.computed !== newRating!.computed ? decisivePairs(newFw, newRating!, pairs) : new Set<QuestionPair>();
  // With no answers on the new side, or no successor, the cause says it all; listing every
  // question as "no longer answered" would bury it.
  const listed = newRating?.evidenceRecorded ? pairs : [];
  const questions = listed.flatMap((q) => questionChange(q, oldFw, newFw, decisive.has(q)) ?? []);
  const sharedQuestions = { shared: pairs.filter((q) => q.old && q.new).length, old: pairs.filter((q) => q.old).length, new: pairs.filter((q) => q.new).length };

  const causes: Cause[] = [];
  const fwCause = frameworkCause(p, from, oldFw, newFw, before, sharedQuestions);
  if (fwCause) causes.push(fwCause);
  if (one) causes.push(...ratingCauses({ oldFw, newFw, old: one, now: newRating!, pairs, decisive }));
  const ruled = one && rules && rulesCause({ oldFw, newFw, old: one, now: newRating!, mapping, ...rules });
  if (ruled) causes.push(ruled);
  return {
    benchmark: newRating ? { id: newRating.benchmark.id, number: newRating.benchmark.number, title: newRating.benchmark.title } : null,
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
  return {
    ...(side.file !== undefined ? { file: side.file } : {}),
    authority: a.authority,
    period: a.period,
    date: a.date,
    framework: { id: fw.id, version: fw.version, title: fw.title, digest: frameworkDigest(fw).content },
    counts: countRatings(fw, side.ratings),
  };
}

/** Frameworks are compared by content: an id or a version number proves nothing. */
function contentNotes(old: RatedSide, now: RatedSide): string[] {
  const notes: string[] = [];
  for (const [name, s] of [['old', old], ['new', now]] as const) {
    if (s.framework.differsFromBundled) {
      notes.push(`warning: the ${name} assessment's framework says it is ${s.framework.id}, but its questions or rules differ from the bundled ${s.framework.id}`);
    }
  }
  const [a, b] = [old.framework, now.framework];
  if (a.id === b.id && a.version === b.version && frameworkDigest(a).content !== frameworkDigest(b).content) {
    notes.push(`framework ${b.id} ${b.version} differs between the two assessments: same id and version, other questions or rules`);
  }
  return notes;
}

export function diffAssessments(old: RatedSide, now: RatedSide): AssessmentDiff {
  const mapping = mappingBetween(old.framework, now.framework);
  const changes = ruleChanges(old.framework, now.framework, mapping);
  const rules = { changes, date: now.assessment.date };
  const rows = pairings(mapping, old.framework, now.framework).map((p) =>
    compareRow(p, { oldFw: old.framework, newFw: now.framework, oldRatings: old.ratings, newRating: now.ratings.find((r) => r.benchmark.id === p.newId), mapping, rules }),
  );
  const summary = Object.fromEntries(DIRECTIONS.map((d) => [d, rows.filter((r) => r.direction === d).length])) as Record<Direction, number>;
  const notes = [...contentNotes(old, now), ...mapping.notes];
  if (changes.length) notes.push(`the framework's rules changed: ${changesText(changes)}`);
  if (old.assessment.authority !== now.assessment.authority) notes.push(`the assessments are of different authorities: ${old.assessment.authority} and ${now.assessment.authority}`);
  if (old.assessment.date > now.assessment.date) notes.push(`the old assessment (${old.assessment.date}) is dated after the new one (${now.assessment.date}); were they given the other way round?`);
  return {
    old: summarise(old),
    new: summarise(now),
    sameFramework: old.framework.id === now.framework.id,
    mapping: mapping.kind,
    ratings: now.framework.ratings.map((r) => ({ id: r.id, label: r.label, colour: r.colour })),
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
