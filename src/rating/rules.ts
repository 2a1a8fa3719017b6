// First-match rules from framework.yaml, each match explained by the questions behind it.
import type { Condition, Framework, Rule } from '../model/framework-schema.js';
import type { Clause } from './explain.js';
import type { QuestionState } from './questions.js';

export interface RuleMatch {
  rule: Rule;
  /** Why, as data: one clause per condition or cited answer (explain.ts puts it in words). */
  clauses: Clause[];
  /** Questions the clauses name. */
  cited: string[];
}

interface Tally {
  pool: QuestionState[];
  hits: QuestionState[];
  holds: boolean;
}

function tally(c: Condition, states: QuestionState[]): Tally {
  const pool = states.filter((s) => s.applicable && (c.questions === 'any' || s.question.essential));
  const hits = pool.filter((s) => c.answer.includes(s.effective));
  const share = pool.length ? hits.length / pool.length : 0;
  let holds: boolean;
  if (c.at_least !== undefined) holds = hits.length >= c.at_least;
  else if (c.none) holds = hits.length === 0;
  else if (c.all) holds = hits.length === pool.length;
  else if (c.share_below !== undefined) holds = pool.length > 0 && share < c.share_below;
  else holds = pool.length > 0 && share >= c.share_at_least!;
  return { pool, hits, holds };
}

const answered = (s: QuestionState): Clause => ({ kind: 'answer', question: s.question.id, answer: s.effective, ...(s.question.essential && s.question.essential_for && { essential: true as const }) });

/** What a condition that held says; `none` says nothing, as the rule's explanation covers it. */
function describe(c: Condition, t: Tally): { clauses: Clause[]; cited: string[] } {
  const scope = c.questions;
  if (c.at_least !== undefined) return { clauses: t.hits.map(answered), cited: t.hits.map((s) => s.question.id) };
  if (c.none) return { clauses: [], cited: [] };
  if (c.all) return { clauses: [{ kind: 'all', count: t.pool.length, scope, answers: c.answer }], cited: [] };
  return { clauses: [{ kind: 'share', hits: t.hits.length, pool: t.pool.length, scope, answers: c.answer, only: c.share_below !== undefined }], cited: [] };
}

/**
 * Applied over every framework's rules: with no essential question that applies (all n/a, or
 * none defined) the rules would judge a benchmark on its lesser questions alone, and could
 * give Green for them. It is not rated until the group agrees a rating, with a rationale.
 */
export const NO_ESSENTIAL: Rule = {
  id: 'no-applicable-essential',
  rating: 'unrated',
  explain: 'no essential question applies, so the rules cannot rate it: the group must agree a rating, with a rationale',
};

export function firstMatch(fw: Framework, states: QuestionState[]): RuleMatch {
  const match = frameworkMatch(fw, states);
  if (match.rule.rating !== 'unrated' && !states.some((s) => s.applicable && s.question.essential)) return { rule: NO_ESSENTIAL, clauses: [], cited: [] };
  return match;
}

function frameworkMatch(fw: Framework, states: QuestionState[]): RuleMatch {
  for (const rule of fw.rules) {
    const conds = rule.when ? ('any' in rule.when ? rule.when.any : rule.when.all) : [];
    const tallies = conds.map((c) => tally(c, states));
    const matched = !rule.when || ('any' in rule.when ? tallies.some((t) => t.holds) : tallies.every((t) => t.holds));
    if (!matched) continue;
    const clauses: Clause[] = [];
    const cited: string[] = [];
    conds.forEach((c, i) => {
      if (!tallies[i]!.holds) return;
      const d = describe(c, tallies[i]!);
      clauses.push(...d.clauses);
      cited.push(...d.cited);
    });
    for (const s of states) {
      if (rule.cite?.includes(s.effective) && s.applicable && !cited.includes(s.question.id)) {
        clauses.push(answered(s));
        cited.push(s.question.id);
      }
    }
    return { rule, clauses, cited };
  }
  throw new Error(`framework ${fw.id}: no rule matched; the last rule must have no \`when\``);
}
