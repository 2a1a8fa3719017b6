// Zod issues turned into positioned, plain-English problems.
import type * as z from 'zod';
import type { Problem } from '../errors.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { english, near, said, type Said } from './said.js';
import { quote } from './shape.js';
import { LIMITS, words, type Source } from './source.js';

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

/** `benchmark`, `question` or `key`: a select in problem.unknownKey. */
function noun(path: readonly PropertyKey[]): string {
  if (path.length === 1 && path[0] === 'benchmarks') return 'benchmark';
  if (path.length === 3 && path[0] === 'benchmarks' && path[2] === 'answers') return 'question';
  return 'key';
}

/** What the file has, as the `found` and `value` of a catalogue entry ("a list", `text "x"`, `number 5`). */
function received(input: unknown): { found: string; value: string } {
  if (input === null) return { found: 'null', value: '' };
  if (Array.isArray(input)) return { found: 'array', value: '' };
  if (typeof input === 'object') return { found: 'object', value: '' };
  return { found: typeof input, value: typeof input === 'string' ? quote(input) : String(input) };
}

/**
 * How every file is checked: with the input in each issue (for the messages here), and
 * without zod's generated fast path, which compiles code for each schema with `new Function`.
 * That costs more than it saves when a command checks one or two files, and, measured over
 * 1,000 assessments on Node 22 and 24 (`trend`), more CPU time and 16-30 MB more memory
 * than it saves on the checks themselves (docs/architecture.md).
 */
export const PARSE_OPTIONS = { reportInput: true, jitless: true } as const;

/** A suggestion only for a word short enough to be a typo (the distance is quadratic). */
const suggest = (word: string, known: readonly string[]) => near(word, known, 100);

const FIXED = ['problem.kebabId', 'problem.answerWord', 'problem.colour', 'problem.rosterEmpty'] as const satisfies MessageKey[];
let fixed: Map<string, MessageKey> | undefined;

/** Zod's own words for what it checked, or the catalogue entry a schema of ours gave (`params.says`). */
function ownWords(issue: z.core.$ZodIssue): string | Said {
  const says = (issue as { params?: { says?: Said } }).params?.says;
  if (says) return says;
  // isoDate's check: the date schema's words, as a catalogue entry.
  if (issue.code === 'invalid_format' && issue.format === 'date') return said('problem.notDate', { value: String(issue.input) });
  // Fixed words a schema gives (a regex's, a list's minimum), each the English of its entry.
  fixed ??= new Map(FIXED.map((k) => [english(said(k)), k]));
  const key = fixed.get(issue.message);
  return key ? said(key) : issue.message;
}

/**
 * A value past a limit: empty text as such; a schema's own words where it gave some (a roster
 * with no body), else the limit of a number or a list.
 */
function outOfRange(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string | Said {
  const small = issue.code === 'too_small';
  if (small && issue.origin === 'string') return said('problem.notEmpty');
  const own = ownWords(issue);
  if (typeof own !== 'string') return own;
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'number') return said(small ? 'problem.atLeast' : 'problem.atMost', { limit: limit.toLocaleString('en-GB'), inclusive: String(issue.inclusive !== false) });
  if (issue.origin === 'array') return said(small ? 'problem.listAtLeast' : 'problem.listAtMost', { limit });
  return own;
}

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
  const add = (path: readonly PropertyKey[], message: () => string | Said, opts?: { key?: string }) => {
    if (total++ < LIMITS.problems) out.push(source.at(path, message(), opts));
  };
  for (const issue of error.issues) {
    const path = issue.path;
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = keysAt(schema, path);
        for (const key of issue.keys) add(path, () => said('problem.unknownKey', { noun: noun(path), key: quote(key), ...suggest(key, known) }), { key });
        break;
      }
      case 'invalid_value': {
        const got = issue.input;
        const values = issue.values.map(String);
        // Quoted as written: the schema compares answer words trimmed and lower-cased.
        const written = writtenAt(source, path) ?? got;
        add(path, () =>
          written === undefined || written === null
            ? said('problem.requiredOneOf', { values: values.join(', ') })
            : typeof written === 'object'
            ? said('problem.notAllowedHere', { ...received(written), values: values.join(', ') })
            : said('problem.notAllowed', { value: quote(written), values: values.join(', '), ...(typeof got === 'string' ? suggest(got, values) : { hint: 'no', near: '' }) }),
        );
        break;
      }
      case 'invalid_type': {
        const got = issue.input;
        const want = issue.expected;
        add(path, () => (got === undefined ? said('problem.required', { want }) : said('problem.expectedFound', { want, ...received(got) })));
        break;
      }
      case 'invalid_union': {
        const got = issue.input;
        add(path, () => (got === undefined ? said('problem.required', { want: 'string' }) : said('problem.expectedFound', { want: 'string', ...received(got) })));
        break;
      }
      case 'too_small':
      case 'too_big':
        add(path, () => outOfRange(issue));
        break;
      default:
        add(path, () => ownWords(issue));
    }
  }
  const sorted = out.sort((a, b) => a.line - b.line || a.col - b.col);
  const more = total - LIMITS.problems;
  if (more > 0) {
    const last = sorted[sorted.length - 1]!;
    sorted.push({ ...last, path: '', ...words(said('problem.more', { count: more })), more });
  }
  return sorted;
}
