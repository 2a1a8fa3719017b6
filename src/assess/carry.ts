// Pure: what a new assessment takes over from last year's (`assess --from`). Last year's file
// may be on another framework (the 2018 toolkit, when this year's is on the 2024 one): its
// benchmarks and questions are then found through the mapping the frameworks declare, as
// `diff` finds them.
import { mappingBetween, type Mapping } from '../diff/mapping.js';
import type { Action, Answer, Assessment, Person } from '../model/assessment.js';
import type { Framework } from '../model/framework-schema.js';

export type CarriedEvidence = { benchmark: string; question: string } & Pick<Answer, 'evidence' | 'links' | 'reviewed'>;

export interface Carried {
  /** Evidence with the date it was last reviewed; the answer itself is only offered as a default. */
  evidence: CarriedEvidence[];
  /** Open actions; done ones are dropped. */
  actions: { benchmark: string; action: Action }[];
  details: { authority: string; kind?: string; marking: string; assessors: Person[] };
  /** How last year's benchmarks were matched to this framework's (`same`: by id, one framework). */
  mapping: Mapping['kind'];
  /** Last year's benchmarks with nothing in this framework to go to, and what was left behind. */
  notCarried: { benchmark: string; evidence: number; actions: number }[];
}

/** Last year's assessment, with the framework it was made on. */
export interface Previous {
  assessment: Assessment;
  framework: Framework;
}

const key = (benchmark: string, question: string) => `${benchmark}\u0000${question}`;

/** For each question of `fw`: last year's answer to it, where there was one. */
export class LastYear {
  readonly mapping: Mapping;
  readonly #answers = new Map<string, Answer>();
  /** Last year's benchmarks that became each of this framework's. */
  readonly #sources = new Map<string, string[]>();
  /** Where each of last year's benchmarks sends its open actions: one place, even when it was split. */
  readonly #actionsGoTo = new Map<string, string>();

  constructor(
    fw: Framework,
    readonly prev: Previous,
  ) {
    this.mapping = mappingBetween(prev.framework, fw);
    const renamed = (q: string) => (q in this.mapping.questions ? this.mapping.questions[q] : q);
    for (const b of fw.benchmarks) {
      const olds = this.mapping.edges.filter(([, to]) => to === b.id).map(([from]) => from);
      this.#sources.set(b.id, olds);
      for (const old of olds) if (!this.#actionsGoTo.has(old)) this.#actionsGoTo.set(old, b.id);
      for (const q of b.questions) {
        for (const old of olds) {
          const found = Object.entries(prev.assessment.benchmarks[old]?.answers ?? {}).find(([id]) => renamed(id) === q.id);
          if (found) {
            this.#answers.set(key(b.id, q.id), found[1]);
            break;
          }
        }
      }
    }
  }

  answer(benchmark: string, question: string): Answer | undefined {
    return this.#answers.get(key(benchmark, question));
  }

  /** Last year's open actions under the benchmarks that became `benchmark` (a split one's go to its first successor). */
  openActions(benchmark: string): Action[] {
    return (this.#sources.get(benchmark) ?? [])
      .filter((old) => this.#actionsGoTo.get(old) === benchmark)
      .flatMap((old) => this.prev.assessment.benchmarks[old]?.actions ?? [])
      .filter((a) => a.status === 'open');
  }

  /** Last year's benchmarks that went nowhere, with what they held. */
  notCarried(): Carried['notCarried'] {
    return this.prev.framework.benchmarks
      .filter((b) => !this.#actionsGoTo.has(b.id))
      .map((b) => {
        const entry = this.prev.assessment.benchmarks[b.id];
        const evidence = Object.values(entry?.answers ?? {}).filter((a) => a.evidence || a.links.length).length;
        const actions = (entry?.actions ?? []).filter((a) => a.status === 'open').length;
        return { benchmark: b.id, evidence, actions };
      })
      .filter((x) => x.evidence || x.actions);
  }
}

export function carryForward(fw: Framework, prev: Previous): Carried {
  const last = new LastYear(fw, prev);
  const evidence: CarriedEvidence[] = [];
  const actions: Carried['actions'] = [];
  for (const b of fw.benchmarks) {
    for (const q of b.questions.filter((x) => !x.retired)) {
      const a = last.answer(b.id, q.id);
      if (a && (a.evidence || a.links.length)) {
        evidence.push({ benchmark: b.id, question: q.id, evidence: a.evidence, links: a.links, reviewed: a.reviewed });
      }
    }
    for (const action of last.openActions(b.id)) actions.push({ benchmark: b.id, action });
  }
  const p = prev.assessment;
  return {
    evidence,
    actions,
    details: { authority: p.authority, ...(p.kind && { kind: p.kind }), marking: p.marking, assessors: p.assessors },
    mapping: last.mapping.kind,
    notCarried: last.notCarried(),
  };
}

/** Last year's answer to a question, offered as the default. */
export function previousAnswer(last: LastYear | undefined, benchmark: string, question: string): Answer | undefined {
  const a = last?.answer(benchmark, question);
  return a?.answer ? a : undefined;
}
