// Which old benchmarks each new one is compared with: the same ids within a framework, the
// newer framework's `maps_from` across frameworks (or the older one's, read backwards).
import { messages, type Messages } from '../i18n/catalogue.js';
import type { Framework } from '../model/framework-schema.js';
import type { AssessmentDiff, Comparison } from './types.js';

export interface Mapping {
  kind: AssessmentDiff['mapping'];
  /** [old id, new id] pairs. */
  edges: [string, string][];
  /** Old question id → new question id (null: dropped), within mapped benchmarks. */
  questions: Record<string, string | null>;
  notes: string[];
}

function byId(oldFw: Framework, newFw: Framework): [string, string][] {
  const known = new Set(newFw.benchmarks.map((b) => b.id));
  return oldFw.benchmarks.filter((b) => known.has(b.id)).map((b) => [b.id, b.id]);
}

/** Pairs from a `maps_from` table, keeping only ids that exist, with a note for each that does not. */
function declared(table: Record<string, string | null>, fromFw: Framework, toFw: Framework, notes: string[], { t }: Messages): [string, string][] {
  const from = new Set(fromFw.benchmarks.map((b) => b.id));
  const to = new Set(toFw.benchmarks.map((b) => b.id));
  const edges: [string, string][] = [];
  for (const [a, b] of Object.entries(table)) {
    if (!from.has(a)) notes.push(t('mapping.note.notOld', { to: toFw.id, from: fromFw.id, id: a }));
    else if (b !== null && !to.has(b)) notes.push(t('mapping.note.notNew', { to: toFw.id, id: a, target: b }));
    else if (b !== null) edges.push([a, b]);
  }
  // An old id the table forgets is compared by id where it can be, rather than silently dropped.
  for (const id of from) {
    if (id in table) continue;
    if (to.has(id)) edges.push([id, id]);
    notes.push(t(to.has(id) ? 'mapping.note.silentById' : 'mapping.note.silent', { to: toFw.id, id }));
  }
  return edges;
}

/** `l`: the language of the notes. */
export function mappingBetween(oldFw: Framework, newFw: Framework, l: Messages = messages()): Mapping {
  const notes: string[] = [];
  if (oldFw.id === newFw.id) {
    if (oldFw.version !== newFw.version) notes.push(l.t('mapping.note.version', { id: newFw.id, from: oldFw.version, to: newFw.version }));
    return { kind: 'same', edges: byId(oldFw, newFw), questions: {}, notes };
  }
  const forward = newFw.maps_from;
  if (forward?.framework === oldFw.id) {
    return { kind: 'maps_from', edges: declared(forward.benchmarks, oldFw, newFw, notes, l), questions: forward.questions ?? {}, notes };
  }
  const back = oldFw.maps_from;
  if (back?.framework === newFw.id) {
    const edges = declared(back.benchmarks, newFw, oldFw, notes, l).map(([n, o]): [string, string] => [o, n]);
    const questions = Object.fromEntries(
      Object.entries(back.questions ?? {})
        .filter((e): e is [string, string] => e[1] !== null)
        .map(([n, o]) => [o, n]),
    );
    return { kind: 'reverse maps_from', edges, questions, notes };
  }
  notes.push(l.t('mapping.note.none', { old: oldFw.id, new: newFw.id }));
  return { kind: 'by id', edges: byId(oldFw, newFw), questions: {}, notes };
}

export interface Pairing {
  comparison: Comparison;
  oldIds: string[];
  newId?: string;
}

/** One pairing per new benchmark (in order), then one per old benchmark with no successor. */
export function pairings(m: Mapping, oldFw: Framework, newFw: Framework): Pairing[] {
  const olds = (n: string) => m.edges.filter((e) => e[1] === n).map((e) => e[0]);
  const news = (o: string) => m.edges.filter((e) => e[0] === o).map((e) => e[1]);
  const out: Pairing[] = newFw.benchmarks.map((b) => {
    const from = olds(b.id);
    let comparison: Comparison;
    if (from.length === 0) comparison = 'new';
    else if (from.length > 1) comparison = 'merged';
    else if (news(from[0]!).length > 1) comparison = 'split';
    else comparison = m.kind === 'same' ? 'same' : 'mapped';
    return { comparison, oldIds: from, newId: b.id };
  });
  for (const b of oldFw.benchmarks) if (news(b.id).length === 0) out.push({ comparison: 'unmapped', oldIds: [b.id] });
  return out;
}
