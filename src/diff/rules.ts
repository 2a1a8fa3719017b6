// Rules compared between two frameworks, so that a rating moved by a rule change is never
// shown as an improvement with no cause: what changed, and what the old rules would give.
import { canonicalJson, frameworkDigest } from '../model/framework-digest.js';
import type { Benchmark, Framework } from '../model/framework-schema.js';
import { appliesTo, forKind } from '../rating/questions.js';
import { rateBenchmark, type BenchmarkRating } from '../rating/rate.js';
import { messages, type Messages } from '../i18n/catalogue.js';
import type { Mapping } from './mapping.js';
import type { Cause } from './types.js';
import { benchmarkTitle, label, plainWording, quoteQuestion, type Wording } from './wording.js';

const renamed = (map: Record<string, string | null>, id: string) => (id in map ? map[id] : id);

/** Each old question paired with the new one it became, within one benchmark pair. */
function counterpart(oldB: Benchmark, newId: string, m: Mapping) {
  return oldB.questions.find((q) => renamed(m.questions, q.id) === newId);
}

/** The kind of body on each side (a return's `kind:`): questions are as asked of it. */
export interface Kinds {
  old?: string;
  new?: string;
}

function essentialChanges(oldFw: Framework, newFw: Framework, m: Mapping, w: Wording, kinds: Kinds): string[] {
  const { t } = w.l;
  const out: string[] = [];
  for (const [o, n] of m.edges) {
    const oldB = asKind(oldFw.benchmarks.find((b) => b.id === o), kinds.old);
    const newB = asKind(newFw.benchmarks.find((b) => b.id === n), kinds.new);
    if (!oldB || !newB) continue;
    const live = (q: { retired: boolean }) => !q.retired;
    for (const q of newB.questions.filter(live)) {
      const was = counterpart(oldB, q.id, m);
      const named = { question: quoteQuestion(w.new, { ...q, essential: false }, w.l), benchmark: benchmarkTitle(w.new, newB.id, newB.title) };
      if (was && live(was) && was.essential !== q.essential) out.push(t(q.essential ? 'rules.change.nowEssential' : 'rules.change.noLongerEssential', named));
      else if ((!was || !live(was)) && q.essential && m.kind === 'same') out.push(t('rules.change.newEssential', named));
    }
    if (m.kind !== 'same') continue;
    for (const q of oldB.questions.filter((x) => live(x) && x.essential)) {
      const now = newB.questions.find((x) => x.id === q.id);
      const named = { question: quoteQuestion(w.old, { ...q, essential: false }, w.l), benchmark: benchmarkTitle(w.old, oldB.id, oldB.title) };
      if (!now || now.retired) out.push(t(now ? 'rules.change.essentialRetired' : 'rules.change.essentialRemoved', named));
    }
  }
  return out;
}

/**
 * A benchmark's questions as a body of this kind is asked them: one outside its kind is
 * retired for it (never a change, never essential), one essential for it is essential.
 */
function asKind(b: Benchmark | undefined, kind: string | undefined): Benchmark | undefined {
  if (!b || !kind) return b;
  return { ...b, questions: b.questions.map((q) => (appliesTo(q, kind) ? forKind(q, kind) : { ...q, retired: true })) };
}

/**
 * Every change between two frameworks that can change a computed rating, one phrase each.
 * `kinds`: for returns, the body's kind on each side; a question not asked of it is no change.
 */
export function ruleChanges(oldFw: Framework, newFw: Framework, m: Mapping, w: Wording = plainWording(oldFw, newFw), kinds: Kinds = {}): string[] {
  if (frameworkDigest(oldFw).rules === frameworkDigest(newFw).rules) return [];
  const { t } = w.l;
  const out: string[] = [];
  const ids = (l: { id: string }[]) => l.map((x) => x.id);
  const [oldRules, newRules] = [ids(oldFw.rules), ids(newFw.rules)];
  for (const id of oldRules.filter((r) => !newRules.includes(r))) out.push(t('rules.change.ruleRemoved', { id }));
  for (const id of newRules.filter((r) => !oldRules.includes(r))) out.push(t('rules.change.ruleAdded', { id }));
  for (const rule of newFw.rules) {
    const was = oldFw.rules.find((r) => r.id === rule.id);
    if (was && canonicalJson(was) !== canonicalJson(rule)) out.push(t('rules.change.ruleChanged', { id: rule.id }));
  }
  const common = (a: string[], b: string[]) => a.filter((x) => b.includes(x));
  if (common(oldRules, newRules).join() !== common(newRules, oldRules).join()) out.push(t('rules.change.order', { now: newRules.join(', '), was: oldRules.join(', ') }));
  if (ids(oldFw.ratings).join() !== ids(newFw.ratings).join()) out.push(t('rules.change.ratings', { now: ids(newFw.ratings).join(', '), was: ids(oldFw.ratings).join(', ') }));
  // Labels and phrases are compared as the frameworks have them (in English); the words said are the output's.
  for (const r of newFw.ratings) {
    const was = oldFw.ratings.find((x) => x.id === r.id);
    if (was && was.label !== r.label) out.push(t('rules.change.ratingLabel', { id: r.id, now: label(w.new, r.id, w.l), was: label(w.old, r.id, w.l) }));
    if (was && was.colour.toUpperCase() !== r.colour.toUpperCase()) out.push(t('rules.change.ratingColour', { id: r.id, now: r.colour, was: was.colour }));
  }
  const word = (fw: Framework, id: string) => fw.answers.find((a) => a.id === id);
  for (const a of oldFw.answers.filter((x) => !newFw.answers.some((y) => y.id === x.id))) out.push(t('rules.change.answerRemoved', { id: a.id }));
  for (const a of newFw.answers) {
    const was = oldFw.answers.find((x) => x.id === a.id);
    if (!was) out.push(t('rules.change.answerAdded', { id: a.id }));
    else {
      if (was.applicable !== a.applicable) out.push(t(a.applicable ? 'rules.change.nowApplicable' : 'rules.change.noLongerApplicable', { id: a.id }));
      if (was.label !== a.label) out.push(t('rules.change.answerLabel', { id: a.id, now: word(w.new, a.id)?.label ?? a.label, was: word(w.old, a.id)?.label ?? was.label }));
      if (was.phrase !== a.phrase) out.push(t('rules.change.answerPhrase', { id: a.id, now: word(w.new, a.id)?.phrase ?? a.phrase, was: word(w.old, a.id)?.phrase ?? was.phrase }));
      if (was.stale_as !== a.stale_as) out.push(t('rules.change.staleAs', { id: a.id, now: a.stale_as ?? t('rules.change.itself'), was: was.stale_as ?? t('rules.change.itself') }));
    }
  }
  if (oldFw.evidence_valid_months !== newFw.evidence_valid_months) out.push(t('rules.change.months', { now: newFw.evidence_valid_months, was: oldFw.evidence_valid_months }));
  out.push(...essentialChanges(oldFw, newFw, m, w, kinds));
  return out;
}

/** The changes in a sentence: the first few, then how many more. */
export function changesText(changes: string[], l: Messages = messages()): string {
  const shown = changes.slice(0, 3).join(l.t('list.clauses'));
  return changes.length > 3 ? l.t('rules.change.more', { shown, more: changes.length - 3 }) : shown;
}

export interface RulesInput {
  oldFw: Framework;
  newFw: Framework;
  old: BenchmarkRating;
  now: BenchmarkRating;
  date: string;
  mapping: Mapping;
  changes: string[];
  w?: Wording;
  /** The new return's kind of body: the old rules are applied to the questions it is asked. */
  kind?: string;
}

/**
 * The new answers rated under the old framework's rules (its scales, freshness and essential
 * questions): where that gives another rating than the new rules, the rule change moved it.
 */
export function rulesCause({ oldFw, newFw, old, now, date, mapping, changes, w = plainWording(oldFw, newFw), kind }: RulesInput): Cause | undefined {
  if (!changes.length) return undefined;
  const hybrid: Framework = { ...newFw, rules: oldFw.rules, answers: oldFw.answers, ratings: oldFw.ratings, evidence_valid_months: oldFw.evidence_valid_months };
  const b = now.benchmark;
  const questions = b.questions.map((q) => {
    const was = counterpart(old.benchmark, q.id, mapping);
    return was ? { ...q, essential: was.essential, kinds: was.kinds, essential_for: was.essential_for } : q;
  });
  const underOld = rateBenchmark(hybrid, { ...b, questions }, now.entry, date, undefined, kind).computed;
  if (underOld === now.computed) return undefined;
  const from = { rating: underOld, label: label(w.old, underOld, w.l) };
  const to = { rating: now.computed, label: label(w.new, now.computed, w.l) };
  return {
    kind: 'rules',
    text: w.l.t('cause.rules', { changes: changesText(changes, w.l), from: from.label, to: to.label }),
    changes,
    computed: { from, to },
  };
}
