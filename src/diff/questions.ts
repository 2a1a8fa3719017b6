// Question-level change: old and new answers matched by question id (through the mapping's
// question table where an id changed), and what changed about each.
import type { Answer } from '../model/assessment.js';
import type { Framework } from '../model/framework-schema.js';
import type { QuestionState } from '../rating/questions.js';
import type { BenchmarkRating } from '../rating/rate.js';
import type { QuestionChange, QuestionChangeKind } from './types.js';
import { answerWord, kindLabel, plainWording, quoteQuestion, type Wording } from './wording.js';

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

const sameList = (a: string[] = [], b: string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

function evidenceChanged(a?: Answer, b?: Answer): boolean {
  return a?.evidence !== b?.evidence || a?.reviewed !== b?.reviewed || a?.justification !== b?.justification || !sameList(a?.links, b?.links);
}

function kindOf(p: QuestionPair): QuestionChangeKind | undefined {
  // Asked on one side only (the body's kind changed, or the question's kinds did): said so,
  // answered or not, rather than as a question new to or dropped from the framework.
  if (p.old && p.new && !p.old.notForKind !== !p.new.notForKind) return p.new.notForKind ? 'no longer asked' : 'now asked';
  // A question not asked of the body's kind is, for it, not there: an answer kept to it is no change.
  const [o, n] = [p.old?.notForKind ? undefined : p.old, p.new?.notForKind ? undefined : p.new];
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

export function questionChange(p: QuestionPair, oldFw: Framework, newFw: Framework, decisive: boolean, w: Wording = plainWording(oldFw, newFw)): QuestionChange | undefined {
  const change = kindOf(p);
  if (!change) return undefined;
  const { t } = w.l;
  const q = (p.new ?? p.old)!;
  const name = quoteQuestion(p.new ? w.new : w.old, q.question, w.l);
  const was = answerWord(w.old, p.old?.given, w.l);
  const is = answerWord(w.new, p.new?.given, w.l);
  const say = { name, was, is, framework: newFw.id };
  const text: Record<QuestionChangeKind, () => string> = {
    answered: () => t('question.change.answered', say),
    changed: () => t('question.change.changed', say),
    unanswered: () => t('question.change.unanswered', say),
    stale: () => {
      const reviewed = p.new!.stale!.reviewed;
      return t('question.change.stale', { ...say, reviewed, reviewedLong: w.l.date(reviewed), counts: answerWord(w.new, p.new!.effective, w.l) });
    },
    fresh: () => {
      const reviewed = p.newAnswer?.reviewed;
      return reviewed ? t('question.change.freshOn', { ...say, reviewed, reviewedLong: w.l.date(reviewed) }) : t('question.change.fresh', say);
    },
    evidence: () => t('question.change.evidence', say),
    'new question': () => t('question.change.new', say),
    'dropped question': () => t('question.change.dropped', say),
    'now asked': () => t('question.change.nowAsked', { ...say, kind: kindLabel(w.old, p.old!.notForKind!), answered: p.new!.given === undefined ? 'no' : 'yes' }),
    'no longer asked': () => t('question.change.noLongerAsked', { ...say, kind: kindLabel(w.new, p.new!.notForKind!) }),
  };
  return { id: q.question.id, title: q.question.title, essential: q.question.essential, change, from: p.old?.given, to: p.new?.given, decisive, text: text[change]() };
}
