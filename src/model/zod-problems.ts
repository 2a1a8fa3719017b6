// Zod issues turned into positioned, plain-English problems.
import type * as z from 'zod';
import type { Problem } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { quote } from './shape.js';
import { LIMITS, type Source } from './source.js';

type AnySchema = z.core.$ZodType;

/** The keys a strict object accepts at `path`, found by walking the schema. */
function keysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let s: AnySchema | undefined = schema;
  const rest = [...path];
  while (s) {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional'].includes(def.type)) s = def.innerType as AnySchema;
    else if (def.type === 'pipe') s = (def.in as AnySchema)._zod.def.type === 'transform' ? (def.out as AnySchema) : (def.in as AnySchema);
    else if (rest.length === 0) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    else {
      const key = rest.shift()!;
      if (def.type === 'object') s = (def.shape as Record<string, AnySchema>)[String(key)];
      else if (def.type === 'array') s = def.element as AnySchema;
      else if (def.type === 'record') s = def.valueType as AnySchema;
      else return [];
    }
  }
  return [];
}

function noun(path: readonly PropertyKey[]): string {
  if (path.length === 1 && path[0] === 'benchmarks') return 'benchmark';
  if (path.length === 3 && path[0] === 'benchmarks' && path[2] === 'answers') return 'question';
  return 'key';
}

function received(input: unknown): string {
  if (input === null) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return `text ${quote(input)}`;
  return typeof input === 'boolean' ? String(input) : `${typeof input} ${String(input)}`;
}

/**
 * How every file is checked: with the input in each issue (for the messages here), and
 * without zod's generated fast path, which compiles code for each schema with `new Function`
 * and costs more than it saves when a command checks one or two files.
 */
export const PARSE_OPTIONS = { reportInput: true, jitless: true } as const;

let checkedSoFar = 0;
/**
 * The options for the next file checked: past the first few (a trend or a roll-up reads
 * hundreds), zod's fast path, compiled once, saves a fifth of the check on every file.
 */
export function parseOptions(): { reportInput: true; jitless?: true } {
  return ++checkedSoFar <= 4 ? PARSE_OPTIONS : { reportInput: true };
}

const expectedName: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys',
};

/** A suggestion only for a word short enough to be a typo (the distance is quadratic). */
const suggest = (word: string, known: readonly string[]) => (word.length <= 100 ? didYouMean(word, known) : '');

/** The value at `path` as the file has it, before the schema changed it. */
function writtenAt(source: Source, path: readonly PropertyKey[]): unknown {
  let v: unknown = source.data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

export function zodProblems(error: z.ZodError, schema: AnySchema, source: Source): Problem[] {
  const out: Problem[] = [];
  let total = 0;
  // Locating a problem walks the tree: past the cap, problems are only counted.
  const add = (path: readonly PropertyKey[], message: () => string, opts?: { key?: string }) => {
    if (total++ < LIMITS.problems) out.push(source.at(path, message(), opts));
  };
  for (const issue of error.issues) {
    const path = issue.path;
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = keysAt(schema, path);
        for (const key of issue.keys) add(path, () => `unknown ${noun(path)} ${quote(key)}${suggest(key, known)}`, { key });
        break;
      }
      case 'invalid_value': {
        const got = issue.input;
        const values = issue.values.map(String);
        // Quoted as written: the schema compares answer words trimmed and lower-cased.
        const written = writtenAt(source, path) ?? got;
        add(path, () =>
          written !== null && typeof written === 'object'
            ? `${received(written)} is not allowed here; write one of ${values.join(', ')}`
            : `${quote(written)} is not allowed; expected one of ${values.join(', ')}${typeof got === 'string' ? suggest(got, values) : ''}`,
        );
        break;
      }
      case 'invalid_type': {
        const got = issue.input;
        const want = expectedName[issue.expected] ?? issue.expected;
        add(path, () => (got === undefined ? `required: expected ${want}` : `expected ${want}, found ${received(got)}`));
        break;
      }
      case 'invalid_union': {
        const got = issue.input;
        add(path, () => (got === undefined ? 'required: expected text' : `expected text, found ${received(got)}`));
        break;
      }
      case 'too_small':
        add(path, () => (issue.origin === 'string' ? 'must not be empty' : issue.message));
        break;
      default:
        add(path, () => issue.message);
    }
  }
  const sorted = out.sort((a, b) => a.line - b.line || a.col - b.col);
  const more = total - LIMITS.problems;
  if (more > 0) {
    const last = sorted[sorted.length - 1]!;
    sorted.push({ ...last, path: '', message: `and ${more} more problem${more === 1 ? '' : 's'} not shown; fix these and run again`, more });
  }
  return sorted;
}
