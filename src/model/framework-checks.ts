// Checks across a framework's files that no schema can make: every id once, no reserved word
// as an id, rules that name only words the framework defines, and a `maps_from` table that
// names only benchmarks and questions that exist. A framework that passes can be rated,
// reported and diffed without surprises.
import type { Problem } from '../errors.js';
import { readAlike } from './one-line.js';
import { near, said, type Said } from './said.js';
import type { Benchmark, FrameworkFile } from './framework-schema.js';
import type { Source } from './source.js';

/** The rules' words for "no answer yet" and "no rating": no answer or rating may be called so. */
export const RESERVED = ['unanswered', 'unrated'] as const;

/** Benchmark and question ids of the framework a `maps_from` table maps from. */
export interface MappedFrom {
  id: string;
  benchmarks: { id: string; questions: string[] }[];
}

/** Each answer, rating and rule id once, and none of them a reserved word. */
export function checkIds(fw: FrameworkFile, source: Source): Problem[] {
  const problems: Problem[] = [];
  const lists = [
    ['answers', 'answer', fw.answers],
    ['ratings', 'rating', fw.ratings],
    ['rules', 'rule', fw.rules],
  ] as const;
  for (const [key, noun, items] of lists) {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const at = (message: Said) => problems.push(source.at([key, i, 'id'], message));
      if (key !== 'rules' && (RESERVED as readonly string[]).includes(item.id)) {
        at(said('problem.reservedWord', { id: item.id, noun }));
      }
      const first = seen.get(item.id);
      if (first !== undefined) at(said('problem.idTwice', { noun, id: item.id, list: key, first }));
      else seen.set(item.id, i);
    });
  }
  return problems;
}

/**
 * The board reads labels, not ids: a label (or an answer's phrase) that names another entry of
 * its scale, as `red` labelled "Green" or `not-met` labelled "Met" would, makes a report say
 * the opposite of the rating. Each label and phrase names its own entry only.
 */
export function checkLabels(fw: FrameworkFile, source: Source): Problem[] {
  const problems: Problem[] = [];
  const scales = [
    ['answers', 'answer', fw.answers],
    ['ratings', 'rating', fw.ratings],
  ] as const;
  for (const [key, noun, items] of scales) {
    items.forEach((item, i) => {
      const fields: ('label' | 'phrase')[] = 'phrase' in item ? ['label', 'phrase'] : ['label'];
      for (const field of fields) {
        const text = (item as Record<string, string>)[field]!;
        const other = items.find((o, j) => j !== i && [o.id, (o as Record<string, string>)[field]!].some((w) => readAlike(w) === readAlike(text)));
        if (other) problems.push(source.at([key, i, field], said('problem.labelTwice', { field, text, noun, other: other.id })));
      }
    });
  }
  return problems;
}

/** Rules may only name answer and rating words the framework defines. */
export function checkRules(fw: FrameworkFile, source: Source): Problem[] {
  const answers = [...new Set([...fw.answers.map((a) => a.id), 'unanswered'])];
  const ratings = [...new Set([...fw.ratings.map((r) => r.id), 'unrated'])];
  const problems: Problem[] = [];
  fw.answers.forEach((a, i) => {
    if (a.stale_as && !answers.includes(a.stale_as)) problems.push(source.at(['answers', i, 'stale_as'], said('problem.unknownAnswer', { word: a.stale_as, hint: 'no', near: '' })));
  });
  fw.rules.forEach((rule, i) => {
    if (!ratings.includes(rule.rating)) {
      problems.push(source.at(['rules', i, 'rating'], said('problem.unknownRating', { word: rule.rating, ...near(rule.rating, ratings), ratings: ratings.join(', ') })));
    }
    const conds = rule.when ? ('any' in rule.when ? rule.when.any : rule.when.all) : [];
    const group = rule.when && 'any' in rule.when ? 'any' : 'all';
    conds.forEach((c, j) =>
      c.answer.forEach((w) => {
        if (!answers.includes(w)) problems.push(source.at(['rules', i, 'when', group, j, 'answer'], said('problem.unknownAnswer', { word: w, ...near(w, answers) })));
      }),
    );
    rule.cite?.forEach((w, j) => {
      if (!answers.includes(w)) problems.push(source.at(['rules', i, 'cite', j], said('problem.unknownAnswer', { word: w, ...near(w, answers) })));
    });
  });
  const last = fw.rules[fw.rules.length - 1];
  if (last?.when) problems.push(source.at(['rules', fw.rules.length - 1], said('problem.lastRuleWhen')));
  return problems;
}

/**
 * Every name in `maps_from` must name something: values are benchmarks and questions of this
 * framework; keys are benchmarks and questions of the framework mapped from, checked when
 * that framework can be found (`from`), bundled or beside this one.
 */
export function checkMapping(fw: FrameworkFile, benchmarks: Benchmark[], source: Source, from: MappedFrom | undefined): Problem[] {
  const map = fw.maps_from;
  if (!map) return [];
  const problems: Problem[] = [];
  if (map.framework === fw.id) problems.push(source.at(['maps_from', 'framework'], said('problem.ownId', { id: map.framework })));
  const oldIds = from?.benchmarks.map((b) => b.id);
  for (const [old, to] of Object.entries(map.benchmarks)) {
    if (oldIds && !oldIds.includes(old)) {
      problems.push(source.at(['maps_from', 'benchmarks'], said('problem.notOldBenchmark', { id: old, framework: map.framework, ...near(old, oldIds) }), { key: old }));
    }
    if (to !== null && !fw.benchmarks.includes(to)) {
      problems.push(source.at(['maps_from', 'benchmarks', old], said('problem.notNewBenchmark', { id: to, ...near(to, fw.benchmarks) })));
    }
  }
  const oldQuestions = from && [...new Set(from.benchmarks.flatMap((b) => b.questions))];
  const newQuestions = [...new Set(benchmarks.flatMap((b) => b.questions.map((q) => q.id)))];
  for (const [old, to] of Object.entries(map.questions ?? {})) {
    if (oldQuestions && !oldQuestions.includes(old)) {
      problems.push(source.at(['maps_from', 'questions'], said('problem.notOldQuestion', { id: old, framework: map.framework, ...near(old, oldQuestions) }), { key: old }));
    }
    if (to !== null && !newQuestions.includes(to)) {
      problems.push(source.at(['maps_from', 'questions', old], said('problem.notNewQuestion', { id: to, ...near(to, newQuestions) })));
    }
  }
  return problems;
}

/** Each kind of body declared once. */
export function checkKindIds(fw: FrameworkFile, source: Source): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  fw.kinds?.forEach((k, i) => {
    const first = seen.get(k.id);
    if (first !== undefined) problems.push(source.at(['kinds', i, 'id'], said('problem.idTwice', { noun: 'kind', id: k.id, list: 'kinds', first })));
    else seen.set(k.id, i);
  });
  return problems;
}

/**
 * A question's `kinds` and `essential_for` name kinds the framework declares, and a question is
 * essential only for kinds it applies to: otherwise a return of that kind could never be rated.
 */
export function checkQuestionKinds(fw: FrameworkFile, b: Benchmark, source: Source): Problem[] {
  const known = (fw.kinds ?? []).map((k) => k.id);
  const problems: Problem[] = [];
  b.questions.forEach((q, j) => {
    for (const key of ['kinds', 'essential_for'] as const) {
      q[key]?.forEach((k, n) => {
        if (!known.length) problems.push(source.at(['questions', j, key, n], said('problem.kindUndeclared', { kind: k })));
        else if (!known.includes(k)) problems.push(source.at(['questions', j, key, n], said('problem.unknownKind', { kind: k, ...near(k, known), kinds: known.join(', ') })));
        else if (key === 'essential_for' && q.kinds && !q.kinds.includes(k)) {
          problems.push(source.at(['questions', j, key, n], said('problem.essentialNotApplies', { kind: k, kinds: q.kinds.join(', ') })));
        }
      });
    }
  });
  return problems;
}
