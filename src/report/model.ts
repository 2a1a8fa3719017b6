// What a report says, once: Markdown, JSON and PDF all render this model.
import type { Assessment, Contributor, Person } from '../model/assessment.js';
import { contributedFor, contributorsFor, unsettledFor, type ReportContributed, type ReportUnsettled } from './positions.js';
import type { Framework, RatingDef } from '../model/framework-schema.js';
import { countRatings, UNRATED, type BenchmarkRating } from '../rating/rate.js';
import { reasonText, summaryText } from '../rating/explain.js';
import { DEFAULT_LANG, messages } from '../i18n/catalogue.js';
import type { Localized } from '../model/localize.js';
import { untranslatedLines } from './untranslated.js';
import { benchmarkChange } from '../diff/diff.js';
import { kindLabel } from '../diff/wording.js';
import { reportChanges, type ReportChange } from './changes.js';

/** "Essex Police (DI Sam Carter, Prevent Engagement Officer)". */
export const contributorText = (c: NonNullable<ReportModel['contributor']>): string => {
  const who = [c.name, c.role].filter(Boolean).join(', ');
  return who ? `${c.organisation} (${who})` : c.organisation;
};

export type Audience = 'board' | 'public';

export interface ReportAnswer {
  id: string;
  title: string;
  text: string;
  essential: boolean;
  answer?: string;
  answerLabel: string;
  evidence?: string;
  links: string[];
  reviewed?: string;
  justification?: string;
  stale: boolean;
  /** Board only: where the answer came from, when organisations gave positions on it. */
  source?: 'taken' | 'settled' | 'unsettled';
  takenFrom?: string[];
  /** Set when the question does not apply to the body's kind. */
  notForKind?: boolean;
}

export interface ReportAction {
  action: string;
  benchmark: { number: number; title: string };
  owner?: string;
  due?: string;
  status: 'open' | 'done';
  overdue: boolean;
}

export interface ReportBenchmark {
  id: string;
  number: number;
  title: string;
  statement: string;
  basis: string;
  rating: string;
  ratingLabel: string;
  ratingBasis: 'agreed' | 'computed';
  reason: string;
  computed: string;
  computedLabel: string;
  computedReason: string;
  rationale?: string;
  evidenceRecorded: boolean;
  answered: number;
  total: number;
  answers: ReportAnswer[];
  notes?: string;
  actions: ReportAction[];
  change?: Change;
  /** Board only: each organisation's evidence and the settlements, question by question. */
  contributed?: ReportContributed[];
  /** How many of its questions are unsettled. */
  unsettled?: number;
}

export interface Change {
  from: string;
  fromLabel: string;
  direction: 'improved' | 'declined' | 'unchanged' | 'newly rated' | 'no longer rated' | 'not comparable';
}

export interface ReportModel {
  schema: 'dutykit/report@1';
  /** The language of every label here, and of the renderers' own words (src/i18n). */
  lang: string;
  title: string;
  audience: Audience;
  authority: string;
  /** On a return: the kind of body (its label) and its reference. */
  kind?: string;
  reference?: string;
  period: string;
  date: string;
  marking: string;
  framework: Pick<Framework, 'id' | 'version' | 'title' | 'publisher' | 'source' | 'licence' | 'attribution'>;
  ratings: RatingDef[];
  assessors: Person[];
  /** Set for a contribution (spec §9): the organisation it is from (name and role on the board version). */
  contributor?: { organisation: string; name?: string; role?: string };
  counts: Record<string, number>;
  benchmarks: ReportBenchmark[];
  actions: ReportAction[];
  signOff: { name?: string; role: string; date?: string; outOfDate?: boolean }[];
  previous?: { period: string; date: string };
  /** With a previous assessment: the benchmarks that changed (or are not like-for-like), with causes. */
  changes?: ReportChange[];
  /** Framework texts shown in English for want of a translation into `lang`, named for the reader. */
  untranslated?: string[];
  /** Board only: every question organisations still disagree on, with each position's evidence. */
  unsettled?: ReportUnsettled[];
  /** Board only: the contributions merged into the assessment. */
  contributors?: Contributor[];
}

export interface ReportOptions {
  audience: Audience;
  /** The catalogue's language (default English). */
  lang?: string;
  /** The framework in `lang` (model/localize.ts), with what it leaves in English; the ratings stay those of the framework itself. */
  translation?: Localized;
  /** `words`: its framework in `lang`, when that is not English. */
  previous?: { assessment: Assessment; framework: Framework; ratings: BenchmarkRating[]; words?: Framework };
}

export function buildReport(rated: Framework, a: Assessment, ratings: BenchmarkRating[], opts: ReportOptions): ReportModel {
  const fw = opts.translation?.framework ?? rated;
  const board = opts.audience === 'board';
  const lang = opts.lang ?? DEFAULT_LANG;
  const l = messages(lang);
  const { t } = l;
  const ratingLabel = (id: string) => (id === UNRATED ? t('rating.unrated') : (fw.ratings.find((r) => r.id === id)?.label ?? id));
  const contributed = (r: BenchmarkRating) => contributedFor(fw, r, t('answer.unanswered'));
  const unsettled = board ? unsettledFor(fw, ratings, a.authority, t('answer.unanswered')) : [];
  const benchmarks = ratings.map((r): ReportBenchmark => {
    // The rating was made with the framework's own (English) texts; the words come from `fw`, which may be a translation.
    const b = fw.benchmarks.find((x) => x.id === r.benchmark.id) ?? r.benchmark;
    const question = (id: string) => b.questions.find((q) => q.id === id);
    const answerLabel = (w?: string) => (w ? (fw.answers.find((d) => d.id === w)?.label ?? w) : t('answer.unanswered'));
    const answers = r.questions.map((q): ReportAnswer => {
      const given = r.entry.answers[q.question.id];
      const own = question(q.question.id) ?? q.question;
      return {
        id: q.question.id,
        title: own.title,
        text: own.text,
        essential: q.question.essential && !q.notForKind,
        answer: q.given,
        answerLabel: q.notForKind ? t('answer.notForKind', { kind: kindLabel(fw, q.notForKind) }) : answerLabel(q.given),
        evidence: board ? given?.evidence : undefined,
        links: board ? (given?.links ?? []) : [],
        reviewed: board ? given?.reviewed : undefined,
        justification: board ? given?.justification : undefined,
        stale: q.stale !== undefined,
        ...(board && ['taken', 'settled', 'unsettled'].includes(q.resolved.source) && { source: q.resolved.source as 'taken' }),
        ...(board && q.resolved.takenFrom.length > 0 && { takenFrom: q.resolved.takenFrom }),
        ...(q.notForKind && { notForKind: true }),
      };
    });
    const actions = r.entry.actions.map(
      (x): ReportAction => ({
        action: x.action,
        benchmark: { number: b.number, title: b.title },
        owner: board ? x.owner : undefined,
        due: x.due,
        status: x.status,
        overdue: x.status === 'open' && x.due !== undefined && x.due < a.date,
      }),
    );
    return {
      id: b.id,
      number: b.number,
      title: b.title,
      statement: b.statement,
      basis: b.basis,
      rating: r.final,
      ratingLabel: ratingLabel(r.final),
      ratingBasis: r.basis,
      reason: summaryText(fw, r.explained, l, { public: !board }),
      computed: r.computed,
      computedLabel: ratingLabel(r.computed),
      computedReason: reasonText(fw, r.why, l, { public: !board }),
      rationale: board ? r.entry.rationale : undefined,
      evidenceRecorded: r.evidenceRecorded,
      answered: r.answered,
      total: r.total,
      answers: r.evidenceRecorded ? answers : [],
      notes: board ? r.entry.notes : undefined,
      actions,
      change: opts.previous ? changeFor(rated, r, opts.previous, ratingLabel) : undefined,
      ...(board && contributed(r).length && { contributed: contributed(r) }),
      ...(r.questions.some((q) => q.resolved.source === 'unsettled') && { unsettled: r.questions.filter((q) => q.resolved.source === 'unsettled').length }),
    };
  });
  return {
    schema: 'dutykit/report@1',
    lang,
    title: t('report.title'),
    audience: opts.audience,
    authority: a.authority,
    ...(a.kind && { kind: kindLabel(fw, a.kind) }),
    ...(a.reference && { reference: a.reference }),
    period: a.period,
    date: a.date,
    // The public version has had the sensitive material taken out, so it is published as OFFICIAL.
    marking: board ? a.marking : 'OFFICIAL',
    framework: {
      id: fw.id,
      version: fw.version,
      title: fw.title,
      publisher: fw.publisher,
      source: fw.source,
      licence: fw.licence,
      attribution: fw.attribution,
    },
    ratings: fw.ratings,
    assessors: board ? a.assessors : [],
    ...(a.contributor && { contributor: board ? { organisation: a.contributor.organisation, name: a.contributor.name, role: a.contributor.role } : { organisation: a.contributor.organisation } }),
    counts: countRatings(fw, ratings),
    ...(board && unsettled.length && { unsettled }),
    ...(contributorsFor(a.contributors, board) && { contributors: contributorsFor(a.contributors, board) }),
    benchmarks,
    actions: benchmarks.flatMap((b) => b.actions),
    signOff: a.sign_off.map((s) => ({ name: board ? s.name : undefined, role: s.role, date: s.date, ...(s.outOfDate && { outOfDate: true }) })),
    previous: opts.previous && { period: opts.previous.assessment.period, date: opts.previous.assessment.date },
    ...(lang !== DEFAULT_LANG && { untranslated: untranslatedLines(fw, opts.translation?.untranslated ?? [], l) }),
    changes: opts.previous && reportChanges(opts.previous, { assessment: a, framework: rated, ratings, words: fw }, board, l).map((c) => (board ? c : { ...c, causes: c.causes.map(undated) })),
  };
}

/**
 * Review dates date the evidence, and are left out of the public version with it: a public
 * reason says that evidence is out of date ("last reviewed more than 12 months before …"),
 * not when it was reviewed. Every phrasing of the rating and diff cores is "reviewed", an
 * optional "again" and "on", then the date.
 */
function undated(text: string): string {
  return text.replace(/\breviewed( again)?(?: on)? \d{4}-\d{2}-\d{2}(?:,(?= more than))?/g, 'reviewed$1');
}

/**
 * Through the diff core, so a change of framework maps benchmarks (a merge shows each old
 * rating). The diff runs on the frameworks the ratings were made with; the words are the report's.
 */
function changeFor(fw: Framework, r: BenchmarkRating, prev: NonNullable<ReportOptions['previous']>, label: (id: string) => string): Change | undefined {
  const row = benchmarkChange(prev, fw, r);
  if (!row?.before || row.comparison === 'new') return { from: 'n/a', fromLabel: '—', direction: 'not comparable' };
  const fromLabel = row.comparison === 'merged' ? row.from.map((o) => label(o.rating)).join(' / ') : label(row.before.rating);
  return { from: row.before.rating, fromLabel, direction: row.direction };
}
