// A framework's identity is its content, not its id: two folders that both say
// `id: home-office-2018` are the same framework only if their questions and rules are.
import { createHash } from 'node:crypto';
import type { Framework } from './framework-schema.js';

export interface FrameworkDigest {
  /** SHA-256 of the canonical JSON of everything that decides a rating. */
  rules: string;
  /** SHA-256 of the canonical JSON of the benchmarks and their questions. */
  questions: string;
  /** SHA-256 over both: equal digests, equal frameworks. */
  content: string;
}

/** JSON with every object's keys sorted, so that equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What decides a rating, and the words a reader sees for it: the rules, the answer and rating
 * scales with their labels, phrases and colours, freshness, essential questions.
 */
export function ruleContent(fw: Framework) {
  return {
    rules: fw.rules,
    answers: fw.answers.map((a) => ({ id: a.id, label: a.label, phrase: a.phrase, applicable: a.applicable, stale_as: a.stale_as ?? null })),
    ratings: fw.ratings.map((r) => ({ id: r.id, label: r.label, colour: r.colour.toUpperCase() })),
    evidence_valid_months: fw.evidence_valid_months,
    essential: fw.benchmarks.flatMap((b) => b.questions.filter((q) => q.essential && !q.retired).map((q) => `${b.id}/${q.id}`)),
    // Which kinds of body a question is asked of, or essential for, decides ratings too; listed
    // only where a framework has them, so that the digest of one without kinds stays as it was.
    ...kindRules(fw),
  };
}

function kindRules(fw: Framework) {
  const live = fw.benchmarks.flatMap((b) => b.questions.filter((q) => !q.retired).map((q) => ({ id: `${b.id}/${q.id}`, q })));
  const kinds = live.filter(({ q }) => q.kinds).map(({ id, q }) => `${id}: ${q.kinds!.join(',')}`);
  const essentialFor = live.filter(({ q }) => q.essential_for).map(({ id, q }) => `${id}: ${q.essential_for!.join(',')}`);
  return { ...(kinds.length && { kinds }), ...(essentialFor.length && { essential_for: essentialFor }) };
}

const digests = new WeakMap<Framework, FrameworkDigest>();

export function frameworkDigest(fw: Framework): FrameworkDigest {
  let d = digests.get(fw);
  if (!d) {
    const rules = sha256(canonicalJson(ruleContent(fw)));
    const questions = sha256(canonicalJson(fw.benchmarks));
    d = { rules, questions, content: sha256(`${rules}\n${questions}\n${sha256(canonicalJson(fw.answers))}\n${sha256(canonicalJson(fw.ratings))}`) };
    digests.set(fw, d);
  }
  return d;
}
