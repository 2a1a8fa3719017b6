// Load an assessment file against the framework it names.
import { signedDigest } from './sign-off.js';
import { dirname } from 'node:path';
import type { Problem } from '../errors.js';
import { DEFAULT_LANG, LANGS, type MessageKey, type Params } from '../i18n/catalogue.js';
import type { Action, Answer, Assessment, BenchmarkEntry, Contributor, Position } from './assessment.js';
import { assessmentSchema, type AssessmentFile } from './assessment-schema.js';
import type { Framework } from './framework-schema.js';
import { loadFramework, resolveFramework, type Loaded } from './load-framework.js';
import { loadTranslation } from './load-translation.js';
import { localize } from './localize.js';
import { said } from './said.js';
import { readSource, type Source } from './source.js';
import { textAsWritten } from './as-written.js';
import { PARSE_OPTIONS, zodProblems } from './zod-problems.js';

export interface LoadedAssessment {
  file: string;
  assessment: Assessment;
  framework: Framework;
  source: Source;
  warnings: Problem[];
}

export function loadAssessment(file: string, bundledDir: string): Loaded<LoadedAssessment> {
  const read = readSource(file);
  if (!read.source) return read;
  const source = read.source;
  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [source.at([], said('problem.notAssessment'))] };
  }
  const ref = (data as Record<string, unknown>).framework;
  if (typeof ref !== 'string' || ref.trim() === '') {
    return { problems: [source.at(['framework'], said('problem.frameworkRequired'))] };
  }
  const where = resolveFramework(ref.trim(), dirname(file), bundledDir);
  if ('error' in where) return { problems: [source.at(['framework'], where.says)] };
  const fw = loadFramework(where.dir);
  if (!fw.value) return fw;
  return checkAssessment(source, fw.value, file);
}

/** Identifiers a file may write unquoted (`reference: 012345`): taken as written, never as a number. */
const TEXT_AS_WRITTEN = ['reference', 'period', 'authority', 'framework_version', 'marking'];

// Building the schema costs more than checking a file with it; `assess` checks on every answer.
const schemas = new WeakMap<Framework, ReturnType<typeof assessmentSchema>>();

export function checkAssessment(source: Source, framework: Framework, file = source.file): Loaded<LoadedAssessment> {
  let schema = schemas.get(framework);
  if (!schema) schemas.set(framework, (schema = assessmentSchema(framework)));
  const parsed = schema.safeParse(textAsWritten(source, source.data, [], TEXT_AS_WRITTEN), PARSE_OPTIONS);
  if (!parsed.success) return { problems: zodProblems(parsed.error, schema, source) };
  const assessment = normalise(parsed.data, framework);
  const warnings: Problem[] = [];
  // Each warning in English, and as a catalogue entry for the language the command prints in.
  const warn = (path: PropertyKey[], key: MessageKey, params: Params, english: string, paramsIn?: Record<string, Params>): Problem => ({ ...source.at(path, english), says: { key, params, ...(paramsIn && { paramsIn }) } });
  // Hashing the whole assessment is a tenth of reading it; only a recorded digest needs it.
  const digest = assessment.sign_off.some((s) => s.signed) ? signedDigest(assessment) : '';
  assessment.sign_off.forEach((s, i) => {
    if (!s.signed || s.signed === digest) return;
    s.outOfDate = true;
    warnings.push(warn(['sign_off', i], 'warning.signOffOutOfDate', { name: s.name }, `warning: the sign-off by ${s.name} is out of date: the assessment has changed since it was given; sign off again`));
  });
  const v = assessment.framework_version;
  if (v !== undefined && v !== framework.version) {
    warnings.push(warn(['framework_version'], 'warning.frameworkVersion', { id: framework.id, written: v, version: framework.version }, `warning: written against ${framework.id} ${v}, read with version ${framework.version}`));
  }
  // A copy of a bundled framework with a rule deleted would otherwise pass for the real one.
  if (framework.differsFromBundled) {
    warnings.push(warn(['framework'], 'warning.frameworkDiffers', { id: framework.id }, `warning: this framework folder says it is ${framework.id}, but its questions or rules differ from the bundled ${framework.id}`));
  }
  // An answer to a question the body's kind is not asked is kept, but not counted. A reader knows
  // the kind by its label ("Primary school", "Ysgol gynradd"), as reports name it, not its id.
  for (const b of framework.benchmarks) {
    for (const q of b.questions) {
      if (!assessment.kind || !q.kinds || q.kinds.includes(assessment.kind) || !assessment.benchmarks[b.id]!.answers[q.id]?.answer) continue;
      const labels = kindLabels(framework, assessment.kind);
      const en = labels[DEFAULT_LANG]!;
      warnings.push(warn(['benchmarks', b.id, 'answers', q.id], 'warning.kindNotAsked', en, `warning: this question is not asked of ${en.kind}; its answer is not counted`, labels));
    }
  }
  // Evidence reviewed after the day the ratings were agreed is most likely a mistyped date.
  for (const [b, entry] of Object.entries(assessment.benchmarks)) {
    for (const [q, a] of Object.entries(entry.answers)) {
      if (a.reviewed && a.reviewed > assessment.date) {
        warnings.push(warn(['benchmarks', b, 'answers', q, 'reviewed'], 'warning.reviewedAfter', { reviewed: a.reviewed, date: assessment.date }, `warning: reviewed ${a.reviewed}, after the assessment date ${assessment.date}`));
      }
    }
  }
  return { value: { file, assessment, framework, source, warnings } };
}

// The framework in each language, read once however many returns warn (a roll-up reads hundreds).
const inEachLang = new WeakMap<Framework, Map<string, Framework>>();

/**
 * A kind's label in each language, from the framework's translation. A translation that does not
 * load is the command's to report where it uses one: English meanwhile.
 */
function kindLabels(fw: Framework, kind: string): Record<string, Params> {
  let fws = inEachLang.get(fw);
  if (!fws) inEachLang.set(fw, (fws = new Map(LANGS.map((lang) => [lang, lang === DEFAULT_LANG ? fw : localize(fw, loadTranslation(fw, lang).value).framework]))));
  return Object.fromEntries([...fws].map(([lang, w]) => [lang, { kind: w.kinds?.find((k) => k.id === kind)?.label ?? kind }]));
}

function normalise(f: AssessmentFile, fw: Framework): Assessment {
  const benchmarks: Record<string, BenchmarkEntry> = {};
  for (const b of fw.benchmarks) {
    const e = f.benchmarks?.[b.id];
    const answers: Record<string, Answer> = {};
    for (const [id, a] of Object.entries(e?.answers ?? {})) {
      if (!a) continue;
      answers[id] = { ...position(a), ...(a.positions && { positions: mapValues(a.positions, position) }), ...(a.settled && { settled: a.settled }) };
    }
    benchmarks[b.id] = {
      answers,
      rating: e?.rating ?? undefined,
      rationale: e?.rationale ?? undefined,
      notes: e?.notes ?? undefined,
      actions: (e?.actions ?? []) as Action[],
    };
  }
  return {
    framework: f.framework,
    framework_version: f.framework_version,
    authority: f.authority,
    kind: typeof (f as { kind?: unknown }).kind === 'string' ? (f as { kind: string }).kind : undefined,
    reference: f.reference ?? undefined,
    period: f.period,
    date: f.date,
    marking: f.marking,
    assessors: f.assessors ?? [],
    // Absent unless the file has them: the sign-off digest of every other file stays as it was.
    ...(f.contributor && { contributor: contributor(f.contributor) }),
    ...(f.contributors && { contributors: f.contributors.map(contributor) }),
    benchmarks,
    sign_off: (f.sign_off ?? []).map((s) => ({ ...s })),
  };
}

type FileAnswer = { answer?: string | null; evidence?: string | null; links?: string[]; reviewed?: string | null; justification?: string | null };

function position(a: FileAnswer): Position {
  return {
    answer: a.answer ?? undefined,
    evidence: a.evidence ?? undefined,
    links: a.links ?? [],
    reviewed: a.reviewed ?? undefined,
    justification: a.justification ?? undefined,
  };
}

const mapValues = <T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

export function contributor(c: { organisation: string; name?: string | null; role?: string | null; date?: string }): Contributor {
  return { organisation: c.organisation, ...(c.name && { name: c.name }), ...(c.role && { role: c.role }), ...(c.date && { date: c.date }) };
}
