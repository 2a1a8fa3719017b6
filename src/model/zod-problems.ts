// Zod issues turned into positioned, plain-English problems.
import type * as z from 'zod';
import type { Problem } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import type { Source } from './source.js';

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
  return `${typeof input === 'string' ? 'text' : typeof input} ${JSON.stringify(input)}`;
}

const expectedName: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys',
};

export function zodProblems(error: z.ZodError, schema: AnySchema, source: Source): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path;
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = keysAt(schema, path);
        for (const key of issue.keys) {
          out.push(source.at(path, `unknown ${noun(path)} "${key}"${didYouMean(key, known)}`, { key }));
        }
        break;
      }
      case 'invalid_value': {
        const got = issue.input;
        const values = issue.values.map(String);
        const hint = typeof got === 'string' ? didYouMean(got, values) : '';
        out.push(source.at(path, `"${String(got)}" is not allowed; expected one of ${values.join(', ')}${hint}`));
        break;
      }
      case 'invalid_type': {
        const got = issue.input;
        const want = expectedName[issue.expected] ?? issue.expected;
        out.push(source.at(path, got === undefined ? `required: expected ${want}` : `expected ${want}, found ${received(got)}`));
        break;
      }
      case 'invalid_union': {
        const got = issue.input;
        out.push(source.at(path, got === undefined ? 'required: expected text' : `expected text, found ${received(got)}`));
        break;
      }
      case 'too_small':
        out.push(source.at(path, issue.origin === 'string' ? 'must not be empty' : issue.message));
        break;
      default:
        out.push(source.at(path, issue.message));
    }
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}
