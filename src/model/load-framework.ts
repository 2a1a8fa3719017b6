// Load a framework folder: framework.yaml and its benchmark files, every problem at once.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type * as z from 'zod';
import type { Problem } from '../errors.js';
import { readCompiled } from './compiled-framework.js';
import { checkIds, checkKindIds, checkLabels, checkMapping, checkQuestionKinds, checkRules, type MappedFrom } from './framework-checks.js';
import { outside } from './inside.js';
import { frameworkDigest } from './framework-digest.js';
import { frameworkSchemas, type Benchmark, type Framework } from './framework-schema.js';
import { english, near, said, type Said } from './said.js';
import { readSource, words, type Source, type SourceResult } from './source.js';
import { PARSE_OPTIONS, zodProblems } from './zod-problems.js';

export type Loaded<T> = { value: T; problems?: undefined } | { value?: undefined; problems: Problem[] };

/**
 * Where a framework reference points: a bundled id, or a folder path
 * (relative to `baseDir`, the folder of the file that names it).
 */
export function resolveFramework(ref: string, baseDir: string, bundledDir: string): { dir: string } | { error: string; says: Said } {
  const key = `${bundledDir}\0${ref}`;
  const found = bundledFound.get(key);
  if (found) return { dir: found };
  if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(ref)) {
    const dir = join(bundledDir, ref);
    if (existsSync(join(dir, 'framework.yaml'))) {
      bundledFound.set(key, dir);
      return { dir };
    }
  }
  const dir = isAbsolute(ref) ? ref : resolve(baseDir, ref);
  if (existsSync(join(dir, 'framework.yaml'))) return { dir };
  const known = bundledIds(bundledDir);
  const says = said('problem.unknownFramework', { ref, ...near(ref, known), known: known.join(', ') });
  return { error: english(says), says };
}

/** Bundled frameworks found once: they are part of the install, and a roll-up asks for one per return. */
const bundledFound = new Map<string, string>();

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
    if (hit.value) markImpostor(hit.value);
  }
  return hit;
}

/**
 * A folder that takes a bundled framework's id with other questions or rules is marked, so
 * that `diff` can say so: otherwise a copy with a rule deleted would pass for the real one.
 */
function markImpostor(fw: Framework): void {
  const there = bundledDir && join(bundledDir, fw.id);
  if (!there || !existsSync(join(there, 'framework.yaml')) || realpathSync(there) === realpathSync(fw.dir)) return;
  const bundled = loadFramework(there).value;
  if (bundled && frameworkDigest(bundled).content !== frameworkDigest(fw).content) fw.differsFromBundled = true;
}

/** Load and check every file of a framework, ignoring any compiled copy (for `validate`). */
export function checkFramework(dir: string): Loaded<Framework> {
  return readFramework(resolve(dir));
}

/** A problem with a file or folder as a whole, not a place in it. */
const wholeFile = (file: string, says: Said): Problem => ({ file, line: 1, col: 1, path: '', ...words(says) });

/** A framework file, read only when it is inside the folder. */
function readInside(root: string, file: string): SourceResult {
  return outside(root, file) ? { problems: [wholeFile(file, said('problem.linkedOut'))] } : readSource(file);
}

let bundledDir: string | undefined;

/** Where the bundled frameworks are: a `maps_from` naming one of them is checked against it. */
export function useBundledFrameworks(dir: string): void {
  bundledDir = dir;
}

/**
 * Benchmark and question ids of the framework `id`, for checking a `maps_from` table: a
 * bundled framework, or a folder of that name beside `dir`. Read without its own mapping
 * checked, so two frameworks that map from each other do not loop.
 */
function mappedFrom(id: string, dir: string): MappedFrom | undefined {
  for (const base of [bundledDir, dirname(dir)]) {
    if (!base) continue;
    const there = join(base, id);
    if (!existsSync(join(there, 'framework.yaml')) || resolve(there) === dir) continue;
    const fw = (compiledDir && readCompiled(compiledDir, resolve(there))) || readFramework(resolve(there), false).value;
    if (fw?.id === id) return { id, benchmarks: fw.benchmarks.map((b) => ({ id: b.id, questions: b.questions.map((q) => q.id) })) };
  }
  return undefined;
}

function readFramework(dir: string, withMapping = true): Loaded<Framework> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { problems: [wholeFile(dir, said('problem.noFrameworkFolder'))] };
  }
  const root = realpathSync(dir);
  const main = readInside(root, join(dir, 'framework.yaml'));
  if (!main.source) return main;
  const fw = check(frameworkSchemas().frameworkFileSchema, main.source);
  if (!fw.value) return fw;

  const problems: Problem[] = [];
  const benchmarks: Benchmark[] = [];
  const listed = new Map<string, number>();
  fw.value.benchmarks.forEach((id, i) => {
    const first = listed.get(id);
    if (first !== undefined) return void problems.push(main.source.at(['benchmarks', i], said('problem.benchmarkTwice', { id, first })));
    listed.set(id, i);
    const file = join(dir, `${id}.yaml`);
    const src = readInside(root, file);
    if (!src.source) {
      problems.push(...src.problems.map((p) => (p.says?.key === 'problem.noFile' ? main.source.at(['benchmarks', i], said('problem.noBenchmarkFile', { id })) : p)));
      return;
    }
    const b = check(frameworkSchemas().benchmarkFileSchema, src.source);
    if (!b.value) return void problems.push(...b.problems);
    if (b.value.id !== id) problems.push(src.source.at(['id'], said('problem.idNotFileName', { id: b.value.id, file: id })));
    if (b.value.number !== i + 1) problems.push(src.source.at(['number'], said('problem.numberNotPlace', { number: b.value.number, place: i + 1 })));
    const seen = new Set<string>();
    b.value.questions.forEach((q, j) => {
      if (seen.has(q.id)) problems.push(src.source.at(['questions', j, 'id'], said('problem.questionTwice', { id: q.id })));
      seen.add(q.id);
    });
    problems.push(...checkQuestionKinds(fw.value, b.value, src.source));
    benchmarks.push(b.value);
  });
  problems.push(...checkIds(fw.value, main.source), ...checkLabels(fw.value, main.source), ...checkRules(fw.value, main.source), ...checkKindIds(fw.value, main.source));
  const map = fw.value.maps_from;
  if (withMapping && map) problems.push(...checkMapping(fw.value, benchmarks, main.source, mappedFrom(map.framework, dir)));
  if (problems.length) return { problems };
  const { benchmarks: _ids, ...rest } = fw.value;
  return { value: { ...rest, dir, benchmarks } };
}
