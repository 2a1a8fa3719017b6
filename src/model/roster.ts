// A roster names the returns expected in a round (spec §10): framework, period, due date and,
// per body, a stable reference, its name, its kind and a contact. Loaded like an assessment:
// every problem at once, each at its place, never a throw.
import { dirname } from 'node:path';
import * as z from 'zod';
import type { Problem } from '../errors.js';
import { isoDate, looseText, text } from './assessment-schema.js';
import { oneLine, organisationName } from './one-line.js';
import { english, near, said } from './said.js';
import { textAsWritten } from './as-written.js';
import type { Framework } from './framework-schema.js';
import { loadFramework, resolveFramework, type Loaded } from './load-framework.js';
import { readSource, type ItemLimit, type Source } from './source.js';
import { PARSE_OPTIONS, zodProblems } from './zod-problems.js';

export interface RosterBody {
  reference: string;
  name: string;
  kind?: string;
  contact?: string;
}

export interface Roster {
  file: string;
  framework: Framework;
  period: string;
  due: string;
  bodies: RosterBody[];
}

function schema() {
  // Every value here is printed on a line of its own (the roll-up's tables, status lines) and
  // written into the blank returns: one line each, as the assessment's one-line fields are.
  return z.strictObject({
    framework: oneLine(text),
    period: oneLine(looseText),
    due: isoDate,
    bodies: z
      .array(
        z.strictObject({
          reference: oneLine(looseText),
          name: organisationName(looseText),
          kind: oneLine(text).optional(),
          contact: oneLine(looseText).optional(),
        }),
      )
      .min(1, english(said('problem.rosterEmpty'))),
  });
}

/** Whether parsed YAML is shaped as a roster: a mapping with a `bodies` list. */
export function looksLikeRoster(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && 'bodies' in data;
}

/**
 * A roster has about ten lines and entries a body (four or five `key: value` lines and a dash):
 * an assessment's bound (100,000) would refuse a region's schools at about 10,000. This one
 * allows some 40,000 bodies, more than the schools of England and Wales; the 5 MB bound on a
 * file comes first for rosters with long names and contacts.
 */
export const ROSTER_ITEMS: ItemLimit = { items: 400_000, typical: 'roster' };

export function loadRoster(file: string, bundledDir: string): Loaded<Roster> {
  const read = readSource(file, ROSTER_ITEMS);
  if (!read.source) return read;
  const source = read.source;
  if (!looksLikeRoster(source.data)) {
    return { problems: [source.at([], said('problem.notRoster'))] };
  }
  const s = schema();
  const parsed = s.safeParse(asWritten(source), PARSE_OPTIONS);
  if (!parsed.success) return { problems: zodProblems(parsed.error, s, source) };
  const r = parsed.data;
  const where = resolveFramework(r.framework, dirname(file), bundledDir);
  if ('error' in where) return { problems: [source.at(['framework'], where.says)] };
  const fw = loadFramework(where.dir);
  if (!fw.value) return fw;
  const problems = bodyProblems(r.bodies, fw.value, source);
  if (problems.length) return { problems };
  return { value: { file, framework: fw.value, period: r.period, due: r.due, bodies: r.bodies } };
}

/** The roster's data with a URN, name, contact or period written as a number taken as written (`reference: 012345`). */
function asWritten(source: Source): unknown {
  const data = textAsWritten(source, source.data, [], ['period']) as Record<string, unknown>;
  if (!Array.isArray(data.bodies)) return data;
  return { ...data, bodies: data.bodies.map((b, i) => textAsWritten(source, b, ['bodies', i], ['reference', 'name', 'contact'])) };
}

/** Each reference once, and each kind one the framework declares (required when it declares any). */
function bodyProblems(bodies: RosterBody[], fw: Framework, source: Source): Problem[] {
  const kinds = fw.kinds?.map((k) => k.id) ?? [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  bodies.forEach((b, i) => {
    const first = seen.get(b.reference);
    if (first !== undefined) problems.push(source.at(['bodies', i, 'reference'], said('problem.referenceTwice', { reference: b.reference, first, name: bodies[first]!.name })));
    else seen.set(b.reference, i);
    if (b.kind === undefined && kinds.length) problems.push(source.at(['bodies', i], said('problem.kindRequired', { kinds: kinds.join(', ') })));
    else if (b.kind !== undefined && !kinds.length) problems.push(source.at(['bodies', i, 'kind'], said('problem.noKinds', { id: fw.id })));
    else if (b.kind !== undefined && !kinds.includes(b.kind)) {
      problems.push(source.at(['bodies', i, 'kind'], said('problem.unknownKind', { kind: b.kind, ...near(b.kind, kinds), kinds: kinds.join(', ') })));
    }
  });
  return problems;
}
