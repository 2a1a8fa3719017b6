// Rules compared between two frameworks, so that a rating moved by a rule change is never
// shown as an improvement with no cause: what changed, and what the old rules would give.
import { canonicalJson, frameworkDigest } from '../model/framework-digest.js';
import type { Benchmark, Framework } from '../model/framework-schema.js';
import { ratingLabel, rateBenchmark, type BenchmarkRating } from '../rating/rate.js';
import type { Mapping } from './mapping.js';
import type { Cause } from './types.js';

const renamed = (map: Record<string, string | null>, id: string) => (id in map ? map[id] : id);

/** Each old question paired with the new one it became, within one benchmark pair. */
function counterpart(oldB: Benchmark, newId: string, m: Mapping) {
  return oldB.questions.find((q) => renamed(m.questions, q.id) === newId);
}

function essentialChanges(oldFw: Framework, newFw: Framework, m: Mapping): string[] {
  const out: string[] = [];
  for (const [o, n] of m.edges) {
    const oldB = oldFw.benchmarks.find((b) => b.id === o);
    const newB = newFw.benchmarks.find((b) => b.id === n);
    if (!oldB || !newB) continue;
    const live = (q: { retired: boolean }) => !q.retired;
    for (const q of newB.questions.filter(live)) {
      const was = counterpart(oldB, q.id, m);
      if (was && live(was) && was.essential !== q.essential) out.push(`'${q.title}' (${newB.title}) is ${q.essential ? 'now' : 'no longer'} essential`);
      else if ((!was || !live(was)) && q.essential && m.kind === 'same') out.push(`'${q.title}' (${newB.title}) is a new essential question`);
    }
    if (m.kind !== 'same') continue;
    for (const q of oldB.questions.filter((x) => live(x) && x.essential)) {
      const now = newB.questions.find((x) => x.id === q.id);
      if (!now || now.retired) out.push(`essential question '${q.title}' (${oldB.title}) ${now ? 'retired' : 'removed'}`);
    }
  }
  return out;
}

/** Every change between two frameworks that can change a computed rating, one phrase each. */
export function ruleChanges(oldFw: Framework, newFw: Framework, m: Mapping): string[] {
  if (frameworkDigest(oldFw).rules === frameworkDigest(newFw).rules) return [];
  const out: string[] = [];
  const ids = (l: { id: string }[]) => l.map((x) => x.id);
  const [oldRules, newRules] = [ids(oldFw.rules), ids(newFw.rules)];
  for (const id of oldRules.filter((r) => !newRules.includes(r))) out.push(`rule '${id}' removed`);
  for (const id of newRules.filter((r) => !oldRules.includes(r))) out.push(`rule '${id}' added`);
  for (const rule of newFw.rules) {
    const was = oldFw.rules.find((r) => r.id === rule.id);
    if (was && canonicalJson(was) !== canonicalJson(rule)) out.push(`rule '${rule.id}' changed`);
  }
  const common = (a: string[], b: string[]) => a.filter((x) => b.includes(x));
  if (common(oldRules, newRules).join() !== common(newRules, oldRules).join()) out.push(`rules in a new order: ${newRules.join(', ')} (was ${oldRules.join(', ')})`);
  if (ids(oldFw.ratings).join() !== ids(newFw.ratings).join()) out.push(`ratings, lowest first, are ${ids(newFw.ratings).join(', ')} (were ${ids(oldFw.ratings).join(', ')})`);
  for (const r of newFw.ratings) {
    const was = oldFw.ratings.find((x) => x.id === r.id);
    if (was && was.label !== r.label) out.push(`rating '${r.id}' is now labelled "${r.label}" (was "${was.label}")`);
    if (was && was.colour.toUpperCase() !== r.colour.toUpperCase()) out.push(`rating '${r.id}' is now coloured ${r.colour} (was ${was.colour})`);
  }
  for (const a of oldFw.answers.filter((x) => !newFw.answers.some((y) => y.id === x.id))) out.push(`answer '${a.id}' removed`);
  for (const a of newFw.answers) {
    const was = oldFw.answers.find((x) => x.id === a.id);
    if (!was) out.push(`answer '${a.id}' added`);
    else {
      if (was.applicable !== a.applicable) out.push(`answer '${a.id}' ${a.applicable ? 'now counts' : 'no longer counts'} as applicable`);
      if (was.label !== a.label) out.push(`answer '${a.id}' is now labelled "${a.label}" (was "${was.label}")`);
      if (was.phrase !== a.phrase) out.push(`answer '${a.id}' now reads "${a.phrase}" in reasons (was "${was.phrase}")`);
      if (was.stale_as !== a.stale_as) out.push(`answer '${a.id}' with out-of-date evidence counts as ${a.stale_as ?? 'itself'} (was ${was.stale_as ?? 'itself'})`);
    }
  }
  if (oldFw.evidence_valid_months !== newFw.evidence_valid_months) out.push(`evidence stays fresh for ${newFw.evidence_valid_months} months (was ${oldFw.evidence_valid_months})`);
  out.push(...essentialChanges(oldFw, newFw, m));
  return out;
}

/** The changes in a sentence: the first few, then how many more. */
export function changesText(changes: string[]): string {
  const shown = changes.slice(0, 3).join('; ');
  return changes.length > 3 ? `${shown}; and ${changes.length - 3} more` : shown;
}

export interface RulesInput {
  oldFw: Framework;
  newFw: Framework;
  old: BenchmarkRating;
  now: BenchmarkRating;
  date: string;
  mapping: Mapping;
  changes: string[];
}

/**
 * The new answers rated under the old framework's rules (its scales, freshness and essential
 * questions): where that gives another rating than the new rules, the rule change moved it.
 */
export function rulesCause({ oldFw, newFw, old, now, date, mapping, changes }: RulesInput): Cause | undefined {
  if (!changes.length) return undefined;
  const hybrid: Framework = { ...newFw, rules: oldFw.rules, answers: oldFw.answers, ratings: oldFw.ratings, evidence_valid_months: oldFw.evidence_valid_months };
  const b = now.benchmark;
  const questions = b.questions.map((q) => {
    const was = counterpart(old.benchmark, q.id, mapping);
    return was ? { ...q, essential: was.essential } : q;
  });
  const underOld = rateBenchmark(hybrid, { ...b, questions }, now.entry, date).computed;
  if (underOld === now.computed) return undefined;
  const from = { rating: underOld, label: ratingLabel(oldFw, underOld) };
  const to = { rating: now.computed, label: ratingLabel(newFw, now.computed) };
  return {
    kind: 'rules',
    text: `The framework's rules changed: ${changesText(changes)}; the old rules give ${from.label}, the new ones ${to.label}`,
    changes,
    computed: { from, to },
  };
}
