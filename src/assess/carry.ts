// Pure: what a new assessment takes over from last year's (`assess --from`).
import type { Action, Answer, Assessment, Person } from '../model/assessment.js';
import type { Framework } from '../model/framework-schema.js';

export interface CarriedEvidence {
  benchmark: string;
  question: string;
  evidence?: string;
  links: string[];
  reviewed?: string;
}

export interface Carried {
  /** Evidence with the date it was last reviewed; the answer itself is only offered as a default. */
  evidence: CarriedEvidence[];
  /** Open actions; done ones are dropped. */
  actions: { benchmark: string; action: Action }[];
  details: { authority: string; marking: string; assessors: Person[] };
}

export function carryForward(fw: Framework, prev: Assessment): Carried {
  const evidence: CarriedEvidence[] = [];
  const actions: Carried['actions'] = [];
  for (const b of fw.benchmarks) {
    const entry = prev.benchmarks[b.id];
    if (!entry) continue;
    for (const q of b.questions.filter((x) => !x.retired)) {
      const a = entry.answers[q.id];
      if (a && (a.evidence || a.links.length)) {
        evidence.push({ benchmark: b.id, question: q.id, evidence: a.evidence, links: a.links, reviewed: a.reviewed });
      }
    }
    for (const action of entry.actions) if (action.status === 'open') actions.push({ benchmark: b.id, action });
  }
  return { evidence, actions, details: { authority: prev.authority, marking: prev.marking, assessors: prev.assessors } };
}

/** Last year's answer to a question, offered as the default. */
export function previousAnswer(prev: Assessment | undefined, benchmark: string, question: string): Answer | undefined {
  const a = prev?.benchmarks[benchmark]?.answers[question];
  return a?.answer ? a : undefined;
}
