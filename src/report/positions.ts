// The report's view of contributions (spec §9): for the board, each organisation's evidence
// beside the file's own (provenance), the settlements made at challenge, and every question
// still unsettled with each position's evidence. The public version carries none of it.
import type { Answer, Contributor } from '../model/assessment.js';
import type { Framework } from '../model/framework-schema.js';
import type { BenchmarkRating } from '../rating/rate.js';
import type { QuestionState } from '../rating/questions.js';
import type { ReportAnswer } from './model.js';

/** One organisation's answer, shown as an answer is. */
export interface ReportPosition extends Pick<ReportAnswer, 'answer' | 'answerLabel' | 'evidence' | 'links' | 'reviewed' | 'justification'> {
  organisation: string;
}

export interface ReportSettlement {
  answerLabel: string;
  reason: string;
  date: string;
  positions: { organisation: string; answerLabel: string }[];
}

/** One question's contributed evidence, in its benchmark's section. */
export interface ReportContributed {
  question: string;
  title: string;
  /** Where the answer came from: the file's own, taken from the positions, settled, unsettled. */
  source: QuestionState['resolved']['source'];
  positions: ReportPosition[];
  settled?: ReportSettlement;
}

export interface ReportUnsettled {
  benchmark: { id: string; number: number; title: string };
  question: { id: string; title: string; number: string };
  countsAs: string;
  /** Every position, the file's own first (under the authority's name). */
  positions: ReportPosition[];
}

const label = (fw: Framework, w: string | undefined, none: string) => (w ? (fw.answers.find((d) => d.id === w)?.label ?? w) : none);

function position(fw: Framework, organisation: string, p: Omit<Answer, 'positions' | 'settled'>, none: string): ReportPosition {
  return {
    organisation,
    answer: p.answer,
    answerLabel: label(fw, p.answer, none),
    ...(p.evidence && { evidence: p.evidence }),
    links: p.links,
    ...(p.reviewed && { reviewed: p.reviewed }),
    ...(p.justification && { justification: p.justification }),
  };
}

/** Board only: the questions of a benchmark that carry positions or a settlement. */
export function contributedFor(fw: Framework, r: BenchmarkRating, none: string): ReportContributed[] {
  const out: ReportContributed[] = [];
  for (const q of r.questions) {
    const a = r.entry.answers[q.question.id];
    if (!a?.positions && !a?.settled) continue;
    const s = q.resolved.source === 'settled' ? a.settled : undefined;
    out.push({
      question: q.question.id,
      title: q.question.title,
      source: q.resolved.source,
      positions: Object.entries(a.positions ?? {}).map(([org, p]) => position(fw, org, p, none)),
      ...(s && {
        settled: {
          answerLabel: label(fw, s.answer, none),
          reason: s.reason,
          date: s.date,
          positions: Object.entries(s.positions).map(([organisation, w]) => ({ organisation, answerLabel: label(fw, w, none) })),
        },
      }),
    });
  }
  return out;
}

/** Board only: every unsettled question, with each position and its evidence. */
export function unsettledFor(fw: Framework, ratings: BenchmarkRating[], authority: string, none: string): ReportUnsettled[] {
  return ratings.flatMap((r) =>
    r.questions
      .filter((q) => q.resolved.source === 'unsettled')
      .map((q): ReportUnsettled => {
        const a = r.entry.answers[q.question.id]!;
        const own = a.answer ? [position(fw, authority, a, none)] : [];
        const n = r.benchmark.questions.findIndex((x) => x.id === q.question.id) + 1;
        return {
          benchmark: { id: r.benchmark.id, number: r.benchmark.number, title: r.benchmark.title },
          question: { id: q.question.id, title: q.question.title, number: `${r.benchmark.number}.${n}` },
          countsAs: label(fw, q.resolved.answer, none),
          positions: [...own, ...Object.entries(a.positions ?? {}).filter(([, p]) => p.answer).map(([org, p]) => position(fw, org, p, none))],
        };
      }),
  );
}

/** Board only: the contributions merged, with who wrote each. */
export const contributorsFor = (list: Contributor[] | undefined, board: boolean) => (board && list?.length ? list : undefined);
