// Load a framework folder: framework.yaml and its benchmark files, every problem at once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type * as z from 'zod';
import type { Problem } from '../errors.js';
import { readCompiled } from './compiled-framework.js';
import { didYouMean } from './did-you-mean.js';
import { frameworkSchemas, type Benchmark, type Framework, type FrameworkFile } from './framework-schema.js';
import { readSource, type Source } from './source.js';
import { PARSE_OPTIONS, zodProblems } from './zod-problems.js';

export type Loaded<T> = { value: T; problems?: undefined } | { value?: undefined; problems: Problem[] };

/**
 * Where a framework reference points: a bundled id, or a folder path
 * (relative to `baseDir`, the folder of the file that names it).
 */
export function resolveFramework(ref: string, baseDir: string, bundledDir: string): { dir: string } | { error: string } {
  if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(ref)) {
    const dir = join(bundledDir, ref);
    if (existsSync(join(dir, 'framework.yaml'))) return { dir };
  }
  const dir = isAbsolute(ref) ? ref : resolve(baseDir, ref);
  if (existsSync(join(dir, 'framework.yaml'))) return { dir };
  const known = bundledIds(bundledDir);
  return { error: `unknown framework "${ref}"${didYouMean(ref, known)}; bundled: ${known.join(', ')}, or give a folder holding framework.yaml` };
}

export function bundledIds(bundledDir: string): string[] {
  if (!existsSync(bundledDir)) return [];
  return readdirSync(bundledDir)
    .filter((id) => existsSync(join(bundledDir, id, 'framework.yaml')))
    .sort();
}

function check<S extends z.ZodType>(schema: S, source: Source): Loaded<z.output<S>> {
  const parsed = schema.safeParse(source.data, PARSE_OPTIONS);
  return parsed.success ? { value: parsed.data } : { problems: zodProblems(parsed.error, schema, source) };
}

const cache = new Map<string, Loaded<Framework>>();
let compiledDir: string | undefined;

/** Where compiled frameworks are kept (the build writes the bundled ones there). */
export function useCompiledFrameworks(dir: string): void {
  compiledDir = dir;
}

/** Load a framework, from its compiled copy when that was made from these very files. */
export function loadFramework(dir: string): Loaded<Framework> {
  const key = resolve(dir);
  let hit = cache.get(key);
  if (!hit) {
    const compiled = compiledDir && existsSync(key) ? readCompiled(compiledDir, key) : undefined;
    hit = compiled ? { value: compiled } : readFramework(key);
    cache.set(key, hit);
  }
  return hit;
}

/** Load and check every file of a framework, ignoring any compiled copy (for `validate`). */
export function checkFramework(dir: string): Loaded<Framework> {
  return readFramework(resolve(dir));
}

function readFramework(dir: string): Loaded<Framework> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { problems: [{ file: dir, line: 1, col: 1, path: '', message: 'no such framework folder' }] };
  }
  const main = readSource(join(dir, 'framework.yaml'));
  if (!main.source) return main;
  const fw = check(frameworkSchemas().frameworkFileSchema, main.source);
  if (!fw.value) return fw;

  const problems: Problem[] = [];
  const benchmarks: Benchmark[] = [];
  fw.value.benchmarks.forEach((id, i) => {
    const file = join(dir, `${id}.yaml`);
    const src = readSource(file);
    if (!src.source) {
      problems.push(...src.problems.map((p) => (p.message === 'no such file' ? main.source.at(['benchmarks', i], `no file ${id}.yaml for this benchmark`) : p)));
      return;
    }
    const b = check(frameworkSchemas().benchmarkFileSchema, src.source);
    if (!b.value) return void problems.push(...b.problems);
    if (b.value.id !== id) problems.push(src.source.at(['id'], `id "${b.value.id}" does not match the file name ${id}.yaml`));
    if (b.value.number !== i + 1) problems.push(src.source.at(['number'], `number ${b.value.number} does not match its place (${i + 1}) in framework.yaml`));
    const seen = new Set<string>();
    b.value.questions.forEach((q, j) => {
      if (seen.has(q.id)) problems.push(src.source.at(['questions', j, 'id'], `question id "${q.id}" is used twice`));
      seen.add(q.id);
    });
    benchmarks.push(b.value);
  });
  problems.push(...checkRules(fw.value, main.source));
  if (problems.length) return { problems };
  const { benchmarks: _ids, ...rest } = fw.value;
  return { value: { ...rest, dir, benchmarks } };
}

/** Rules may only name answer and rating words the framework defines. */
function checkRules(fw: FrameworkFile, source: Source): Problem[] {
  const answers = [...fw.answers.map((a) => a.id), 'unanswered'];
  const ratings = [...fw.ratings.map((r) => r.id), 'unrated'];
  const problems: Problem[] = [];
  fw.answers.forEach((a, i) => {
    if (a.stale_as && !answers.includes(a.stale_as)) problems.push(source.at(['answers', i, 'stale_as'], `unknown answer "${a.stale_as}"`));
  });
  fw.rules.forEach((rule, i) => {
    if (!ratings.includes(rule.rating)) {
      problems.push(source.at(['rules', i, 'rating'], `unknown rating "${rule.rating}"${didYouMean(rule.rating, ratings)}; expected one of ${ratings.join(', ')}`));
    }
    const conds = rule.when ? ('any' in rule.when ? rule.when.any : rule.when.all) : [];
    const group = rule.when && 'any' in rule.when ? 'any' : 'all';
    conds.forEach((c, j) =>
      c.answer.forEach((w) => {
        if (!answers.includes(w)) problems.push(source.at(['rules', i, 'when', group, j, 'answer'], `unknown answer "${w}"${didYouMean(w, answers)}`));
      }),
    );
    rule.cite?.forEach((w, j) => {
      if (!answers.includes(w)) problems.push(source.at(['rules', i, 'cite', j], `unknown answer "${w}"${didYouMean(w, answers)}`));
    });
  });
  for (const [from, to] of Object.entries(fw.maps_from?.benchmarks ?? {})) {
    if (to !== null && !fw.benchmarks.includes(to)) {
      problems.push(source.at(['maps_from', 'benchmarks', from], `maps to "${to}", which is not a benchmark of this framework${didYouMean(to, fw.benchmarks)}`));
    }
  }
  const last = fw.rules[fw.rules.length - 1];
  if (last?.when) problems.push(source.at(['rules', fw.rules.length - 1], 'the last rule must have no `when`, so that every benchmark gets a rating'));
  return problems;
}
