// Question-level change: old and new answers matched by question id (through the mapping's
// question table where an id changed), and what changed about each.
import type { Answer } from '../model/assessment.js';
import type { Framework } from '../model/framework-schema.js';
import { UNANSWERED, type QuestionState } from '../rating/questions.js';
import type { BenchmarkRating } from '../rating/rate.js';
import type { QuestionChange, QuestionChangeKind } from './types.js';

export interface QuestionPair {
  old?: QuestionState;
  new?: QuestionState;
  oldAnswer?: Answer;
  newAnswer?: Answer;
}

/** What `old` is called on the new side: the mapped id, null when dropped, or itself. */
const renamed = (map: Record<string, string | null>, id: string) => (id in map ? map[id]! : id);

/** New questions in order, each with its old counterpart; then old questions with none. */
export function pairQuestions(olds: BenchmarkRating[], now: BenchmarkRating | undefined, map: Record<string, string | null>): QuestionPair[] {
  const pool = olds.flatMap((r) => r.questions.map((q) => ({ q, a: r.entry.answers[q.question.id] })));
  const used = new Set<QuestionState>();
  const pairs: QuestionPair[] = (now?.questions ?? []).map((n) => {
    const hit = pool.find((o) => !used.has(o.q) && renamed(map, o.q.question.id) === n.question.id);
    if (hit) used.add(hit.q);
    return { old: hit?.q, oldAnswer: hit?.a, new: n, newAnswer: now!.entry.answers[n.question.id] };
  });
  for (const o of pool) if (!used.has(o.q)) pairs.push({ old: o.q, oldAnswer: o.a });
  return pairs;
}

export const answerLabel = (fw: Framework, word: string | undefined) =>
  word === undefined || word === UNANSWERED ? 'Not answered' : (fw.answers.find((a) => a.id === word)?.label ?? word);

const sameList = (a: string[] = [], b: string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

function evidenceChanged(a?: Answer, b?: Answer): boolean {
  return a?.evidence !== b?.evidence || a?.reviewed !== b?.reviewed || a?.justification !== b?.justification || !sameList(a?.links, b?.links);
}

function kindOf(p: QuestionPair): QuestionChangeKind | undefined {
  const [o, n] = [p.old, p.new];
  if (!o) return n?.given !== undefined ? 'new question' : undefined;
  if (!n) return o.given !== undefined ? 'dropped question' : undefined;
  if (o.given === undefined && n.given === undefined) return undefined;
  if (o.given === undefined) return 'answered';
  if (n.given === undefined) return 'unanswered';
  if (o.given !== n.given) return 'changed';
  if (n.stale && !o.stale) return 'stale';
  if (o.stale && !n.stale) return 'fresh';
  return evidenceChanged(p.oldAnswer, p.newAnswer) ? 'evidence' : undefined;
}

export function questionChange(p: QuestionPair, oldFw: Framework, newFw: Framework, decisive: boolean): QuestionChange | undefined {
  const change = kindOf(p);
  if (!change) return undefined;
  const q = (p.new ?? p.old)!;
  const name = `'${q.question.title}'${q.question.essential ? ' (essential)' : ''}`;
  const was = answerLabel(oldFw, p.old?.given);
  const is = answerLabel(newFw, p.new?.given);
  const text: Record<QuestionChangeKind, () => string> = {
    answered: () => `${name}: answered ${is}`,
    changed: () => `${name}: ${was} → ${is}`,
    unanswered: () => `${name}: ${was} → not answered`,
    stale: () => `${name}: still ${is}, but its evidence (last reviewed ${p.new!.stale!.reviewed}) is now out of date, so it counts as ${answerLabel(newFw, p.new!.effective)}`,
    fresh: () => `${name}: evidence reviewed again${p.newAnswer?.reviewed ? ` on ${p.newAnswer.reviewed}` : ''}, so it counts as ${is} again`,
    evidence: () => `${name}: evidence updated (still ${is})`,
    'new question': () => `${name}: new in ${newFw.id}, answered ${is}`,
    'dropped question': () => `${name}: not asked in ${newFw.id} (was ${was})`,
  };
  return { id: q.question.id, title: q.question.title, essential: q.question.essential, change, from: p.old?.given, to: p.new?.given, decisive, text: text[change]() };
}
