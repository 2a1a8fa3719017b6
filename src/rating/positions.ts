// What a question counts as when organisations have given positions on it (spec §9): its own
// answer alone as before; one answer all agree on, taken; the group's settlement while it still
// covers every position; otherwise unsettled, counting as its lowest position.
import type { Answer, Settlement } from '../model/assessment.js';
import type { Framework } from '../model/framework-schema.js';

export interface Voice {
  /** The organisation; null for the file's own answer. */
  organisation: string | null;
  answer: string;
}

export interface Resolved {
  /** What the question counts as; undefined while unanswered. */
  answer?: string;
  /** The latest review of the evidence behind that answer. */
  reviewed?: string;
  source: 'none' | 'own' | 'taken' | 'settled' | 'unsettled';
  /** Every answer given, the file's own first. */
  voices: Voice[];
  /** The organisations whose answer was taken (source `taken`). */
  takenFrom: string[];
  /** A settlement that no longer covers the positions (one changed since). */
  lapsed?: Settlement;
}

/** Higher is better: answers are listed best first; one that does not apply ranks above all that do. */
export function answerRank(fw: Framework, word: string): number {
  const i = fw.answers.findIndex((a) => a.id === word);
  const def = fw.answers[i];
  return def && !def.applicable ? fw.answers.length : fw.answers.length - i;
}

export function resolveAnswer(fw: Framework, a: Answer | undefined): Resolved {
  const own = a?.answer;
  // Most answers have no positions: their own answer, as it is (a roll-up rates thousands).
  if (!a?.positions) return { answer: own, reviewed: a?.reviewed, source: own ? 'own' : 'none', voices: own ? [{ organisation: null, answer: own }] : [], takenFrom: [] };
  const positions = Object.entries(a?.positions ?? {}).filter(([, p]) => p.answer !== undefined);
  const voices: Voice[] = [...(own ? [{ organisation: null, answer: own }] : []), ...positions.map(([organisation, p]) => ({ organisation, answer: p.answer! }))];
  const reviewedFor = (answer: string | undefined) =>
    [own === answer ? a?.reviewed : undefined, ...positions.filter(([, p]) => p.answer === answer).map(([, p]) => p.reviewed)]
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1);
  const result = (source: Resolved['source'], answer: string | undefined, extra: Partial<Resolved> = {}): Resolved => ({
    answer,
    reviewed: reviewedFor(answer),
    source,
    voices,
    takenFrom: [],
    ...extra,
  });
  if (positions.length === 0) return result(own ? 'own' : 'none', own);
  const s = a?.settled;
  const stands = s !== undefined && own === s.answer && positions.every(([org, p]) => s.positions[org] === p.answer);
  if (stands) return result('settled', s.answer);
  const lapsed = s && !stands ? { lapsed: s } : {};
  const distinct = [...new Set(voices.map((v) => v.answer))];
  if (distinct.length === 1) {
    return own ? result('own', own, lapsed) : result('taken', distinct[0], { ...lapsed, takenFrom: positions.map(([org]) => org) });
  }
  const lowest = distinct.reduce((low, w) => (answerRank(fw, w) < answerRank(fw, low) ? w : low));
  return result('unsettled', lowest, lapsed);
}
