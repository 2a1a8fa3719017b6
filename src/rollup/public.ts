// The public roll-up (spec §10): counts only, none below 5 published, and none that the counts
// published give away (disclosure.ts decides which to withhold). Here are the sums a reader
// can use, because the tables describe the same returns:
//  - each benchmark's ratings, and each question's answers, add up to the returns counted;
//  - returned and not returned add up to those expected (public anyway: a council's schools
//    are listed elsewhere), returned and not on the roster to the returns counted; late returns
//    are some of those returned;
//  - bodies with a Red benchmark are at least each benchmark's Red and at most all of them;
//  - a rating that fell ends below the top of the scale;
//  - the framework's rules (public too) tie ratings to answers: where every rule giving Red
//    needs an essential question not met, a benchmark's Red is at most its essential questions'
//    Not met; where Green needs every essential question met, at most each one's Met;
//  - a question asked of every kind of body has none "not applicable to their kind".
// A bound from the rules is used only where the returns keep it (an agreed rating can break
// it; a reader's reasoning from a broken bound is wrong, and gives nothing away).
import type { Condition, Framework, Rule } from '../model/framework-schema.js';
import { NO_ESSENTIAL } from '../rating/rules.js';
import { withhold, type Sum } from './disclosure.js';
import { FEWER_THAN_5, NOT_SHOWN, type Count, type RollupSection } from './model.js';
import { NOT_FOR_KIND } from './summary.js';

export function publicSection(s: RollupSection, fw: Framework): RollupSection {
  const values = new Map<string, number>();
  const sums: Sum[] = [];
  const unpublished = new Set<string>();
  const known = new Set<string>();
  const n = (v: unknown[] | Count) => (Array.isArray(v) ? v.length : (v as number));
  const cell = (k: string, v: number) => (values.set(k, v), k);
  /**
   * `total` = `parts`; `atMost` when the parts are only some of the total (a part no table
   * shows, "the rest", stands in the sum then: the reader does not know it, even when it is 0).
   */
  const sum = (total: string, parts: string[], atMost = false) => {
    const rest = values.get(total)! - parts.reduce((t, p) => t + values.get(p)!, 0);
    // (Never below 0 where the counts are right; were it, the sum fails and all is withheld.)
    const k = `rest:${sums.length}`;
    if (atMost || rest !== 0) unpublished.add(cell(k, Math.max(rest, 0)));
    sums.push({ total, parts: atMost || rest !== 0 ? [...parts, k] : parts });
  };
  /** `part` ≤ the sum of `of`, where the counts keep it. */
  const atMostSumOf = (part: string, of: string[]) => {
    const total = of.reduce((t, k) => t + values.get(k)!, 0);
    if (values.get(part)! > total) return;
    const k = of.length === 1 ? of[0]! : cell(`sum:${sums.length}`, total);
    if (of.length > 1) (unpublished.add(k), sum(k, of));
    sum(k, [part], true);
  };

  cell('returns', n(s.returns));
  const row = (prefix: string, counts: Record<string, Count>) => sum('returns', Object.entries(counts).map(([k, v]) => cell(`${prefix}:${k}`, v as number)));
  s.benchmarks.forEach((b, i) => row(`b${i}`, b.counts));
  s.questions.forEach((q, i) => row(`q${i}`, q.counts));

  const questions = fw.benchmarks.flatMap((b) => b.questions.filter((q) => !q.retired).map((q) => ({ b, q })));
  questions.forEach(({ q }, i) => {
    if (!q.kinds && values.has(`q${i}:${NOT_FOR_KIND}`)) known.add(`q${i}:${NOT_FOR_KIND}`);
  });
  fw.benchmarks.forEach((b, bi) => {
    // Essential for some kinds of body counts for `at_least` (a bound may be loose, never
    // wrong); for `all`, only what is essential for every body.
    const cells = (scope: Condition['questions'], answers: string[], every = false) =>
      questions.flatMap(({ b: qb, q }, i) => (qb === b && (scope === 'any' || q.essential || (!every && q.essential_for)) ? answers.map((a) => `q${i}:${a}`) : [])).filter((k) => values.has(k));
    for (const r of [...fw.ratings.map((x) => x.id), 'unrated']) {
      if (values.has(`b${bi}:${r}`)) for (const bound of ruleBounds(fw, r, cells)) atMostSumOf(`b${bi}:${r}`, bound);
    }
  });

  sum('returns', [cell('red', n(s.red))], true);
  const reds = s.benchmarks.map((_, i) => `b${i}:red`).filter((k) => values.has(k));
  for (const k of reds) sum('red', [k], true);
  unpublished.add(cell('reds', reds.reduce((t, k) => t + values.get(k)!, 0)));
  sum('reds', reds);
  sum('reds', ['red'], true);

  const r = s.roster;
  if (r) {
    known.add(cell('expected', r.expected as number));
    sum('expected', [cell('returned', n(r.returned)), cell('missing', n(r.missing))]);
    sum('returns', ['returned', cell('notOnRoster', n(r.notOnRoster))]);
    sum('returned', [cell('late', n(r.late))], true);
  }
  for (const k of ['duplicates', 'overdueActions', 'staleEvidence'] as const) cell(k, n(s[k]));
  if (s.declines !== undefined) {
    const top = fw.ratings[fw.ratings.length - 1]!.id;
    atMostSumOf(cell('declines', n(s.declines)), s.benchmarks.flatMap((b, i) => Object.keys(b.counts).filter((id) => id !== top).map((id) => `b${i}:${id}`)));
  }

  const hidden = withhold(values, sums, { unpublished, known });
  const shown = (k: string): Count => (!hidden.has(k) ? values.get(k)! : values.get(k)! < 5 ? FEWER_THAN_5 : NOT_SHOWN);
  const counts = (prefix: string, c: Record<string, Count>) => Object.fromEntries(Object.keys(c).map((k) => [k, shown(`${prefix}:${k}`)]));
  return {
    ...s,
    returns: shown('returns'),
    benchmarks: s.benchmarks.map((b, i) => ({ ...b, counts: counts(`b${i}`, b.counts) })),
    questions: s.questions.map((q, i) => ({ ...q, counts: counts(`q${i}`, q.counts) })),
    ...(r && { roster: { period: r.period, due: r.due, expected: shown('expected'), returned: shown('returned'), missing: shown('missing'), late: shown('late'), notOnRoster: shown('notOnRoster') } }),
    duplicates: shown('duplicates'),
    red: shown('red'),
    overdueActions: shown('overdueActions'),
    staleEvidence: shown('staleEvidence'),
    ...(s.declines !== undefined && { declines: shown('declines') }),
  };
}

/**
 * What the rules say of the bodies rated `rating`, as sets of answer counts each at least as
 * large: when every rule giving it needs some question of a scope answered one of some words
 * (`at_least`), the sum over the rules of those counts; when one rule alone gives it and needs
 * every question of a scope so answered (`all`), each such question's count of those words (or
 * of an answer that takes it out of the pool).
 */
function ruleBounds(fw: Framework, rating: string, cells: (scope: Condition['questions'], answers: string[], every?: boolean) => string[]): string[][] {
  const rules: Rule[] = [...fw.rules.filter((x) => x.rating === rating), ...(rating === 'unrated' ? [NO_ESSENTIAL] : [])];
  if (!rules.length || rules.some((x) => !x.when)) return [];
  const outOfPool = [...fw.answers.filter((a) => !a.applicable).map((a) => a.id), NOT_FOR_KIND];
  const some = rules.map((x) => {
    const conds = 'any' in x.when! ? x.when.any : x.when!.all;
    const bounds = conds.map((c) => (c.at_least !== undefined && c.at_least >= 1 ? cells(c.questions, c.answer) : undefined));
    // Any of several: each must give a bound. All of several: one is enough.
    return 'any' in x.when! ? (bounds.every(Boolean) ? bounds.flat() : undefined) : bounds.find(Boolean);
  });
  const out: string[][] = some.every(Boolean) ? [some.flat() as string[]] : [];
  const only = rules.length === 1 && 'all' in rules[0]!.when! ? rules[0]!.when.all : [];
  for (const c of only.filter((x) => x.all)) {
    const perQuestion = new Map<string, string[]>();
    for (const k of cells(c.questions, [...c.answer, ...outOfPool], true)) perQuestion.set(k.split(':')[0]!, [...(perQuestion.get(k.split(':')[0]!) ?? []), k]);
    out.push(...perQuestion.values());
  }
  return out;
}
