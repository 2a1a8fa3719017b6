// A framework with a translation laid over it: each text the translation gives replaces the
// English one, and each one it lacks is kept in English and named, so that a report can say
// which parts are not yet translated rather than be silently half-translated.
import type { Framework } from './framework-schema.js';
import type { Translation } from './load-translation.js';

/** A text left in English: where it is, by the framework's own ids. */
export interface Untranslated {
  /** The benchmark it belongs to, or undefined for the framework's own texts. */
  benchmark?: string;
  /** A question id within the benchmark, when it is a question's text. */
  question?: string;
  field: 'title' | 'source' | 'licence' | 'attribution' | 'rating' | 'answer' | 'phrase' | 'rule' | 'kind' | 'statement' | 'basis' | 'text';
  /** The id of the rating, answer, rule or kind, for those fields. */
  id?: string;
}

export interface Localized {
  framework: Framework;
  untranslated: Untranslated[];
}

export function localize(fw: Framework, tr: Translation | undefined): Localized {
  const untranslated: Untranslated[] = [];
  const pick = (given: string | undefined, english: string, where: Untranslated): string => {
    if (given !== undefined) return given;
    untranslated.push(where);
    return english;
  };
  const t = tr ?? {};
  const framework: Framework = {
    ...fw,
    title: pick(t.title, fw.title, { field: 'title' }),
    // A web address reads the same in every language; words naming a document do not.
    source: /^https?:\/\/\S+$/.test(fw.source) ? fw.source : pick(t.source, fw.source, { field: 'source' }),
    licence: pick(t.licence, fw.licence, { field: 'licence' }),
    attribution: pick(t.attribution, fw.attribution, { field: 'attribution' }),
    ratings: fw.ratings.map((r) => ({ ...r, label: pick(t.ratings?.[r.id], r.label, { field: 'rating', id: r.id }) })),
    answers: fw.answers.map((a) => ({
      ...a,
      label: pick(t.answers?.[a.id]?.label, a.label, { field: 'answer', id: a.id }),
      phrase: pick(t.answers?.[a.id]?.phrase, a.phrase, { field: 'phrase', id: a.id }),
    })),
    rules: fw.rules.map((r) => ({ ...r, explain: pick(t.rules?.[r.id], r.explain, { field: 'rule', id: r.id }) })),
    // A kind's label is printed in a return's report ("Kind of body", "Not applicable to …").
    ...(fw.kinds && { kinds: fw.kinds.map((k) => ({ ...k, label: pick(t.kinds?.[k.id], k.label, { field: 'kind', id: k.id }) })) }),
    benchmarks: fw.benchmarks.map((b) => {
      const tb = t.benchmarks?.[b.id];
      return {
        ...b,
        title: pick(tb?.title, b.title, { benchmark: b.id, field: 'title' }),
        statement: pick(tb?.statement, b.statement, { benchmark: b.id, field: 'statement' }),
        basis: pick(tb?.basis, b.basis, { benchmark: b.id, field: 'basis' }),
        questions: b.questions.map((q) => {
          const tq = tb?.questions?.[q.id];
          return {
            ...q,
            title: pick(tq?.title, q.title, { benchmark: b.id, question: q.id, field: 'title' }),
            text: pick(tq?.text, q.text, { benchmark: b.id, question: q.id, field: 'text' }),
            // Guidance is read while assessing, not printed in reports: translated when given, never listed.
            guidance: tq?.guidance ?? q.guidance,
            evidence: tq?.evidence ?? q.evidence,
          };
        }),
      };
    }),
  };
  return { framework, untranslated };
}
