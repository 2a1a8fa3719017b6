// Identifiers are text, whatever they look like. YAML's core schema reads `reference: 012345`
// as the number 12345, `framework_version: 1.10` as 1.1 and `reference: 0x1F` as 31: turned
// back into text, a school's URN would silently lose its leading zero and match no roster
// entry. The loaders of returns and rosters put back each such value as it is written in the
// file, before checking it, so that quoting it or not makes no difference.
import { isAlias, isScalar, type Node } from 'yaml';
import type { Source } from './source.js';

/** The text of a plain scalar at `path` that the core schema read as a number, as written. */
function writtenAt(source: Source, path: readonly PropertyKey[]): string | undefined {
  let node = source.doc.getIn(path as unknown[], true) as Node | undefined;
  if (isAlias(node)) node = node.resolve(source.doc);
  return isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string' ? node.source.trim() : undefined;
}

/**
 * `obj` (the data at `path` in the file) with each of `keys` that YAML read as a number
 * replaced by its text as written; `obj` itself when none is a number (the common case costs a
 * `typeof` a key). Anything else is left for the schema to judge.
 */
export function textAsWritten(source: Source, obj: unknown, path: readonly PropertyKey[], keys: readonly string[]): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return obj;
  const o = obj as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const k of keys) {
    if (typeof o[k] !== 'number') continue;
    const text = writtenAt(source, [...path, k]);
    if (text !== undefined) (copy ??= { ...o })[k] = text;
  }
  return copy ?? obj;
}
