// Shape checks on the parsed tree, before it becomes data: nesting depth, key kinds,
// duplicate keys and value length. One pass, linear in the size of the file.
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { said, type Said } from './said.js';

export interface ShapeLimits {
  depth: number;
  string: number;
}

export interface ShapeProblem {
  offset: number;
  path: PropertyKey[];
  message: Said;
}

interface Visit {
  node: unknown;
  depth: number;
  parent?: Visit;
  key?: PropertyKey;
}

const pathOf = (v: Visit | undefined): PropertyKey[] => {
  const out: PropertyKey[] = [];
  for (; v?.parent; v = v.parent) out.unshift(v.key!);
  return out;
};

/** A value from the file, quoted and cut short: it is shown to help find it, not to repeat it. */
export function quote(value: unknown): string {
  const s = String(value);
  return `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
}

const offsetOf = (node: unknown): number => (node as { range?: [number] } | null)?.range?.[0] ?? 0;

const kind = (node: unknown): Said =>
  said('problem.keyKind', { kind: isMap(node) ? 'mapping' : isSeq(node) ? 'list' : isAlias(node) ? 'alias' : 'empty', alias: isAlias(node) ? node.source : '' });

export function checkShape(root: unknown, limits: ShapeLimits): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  // Characters are code points, counted only for text already too long in UTF-16 units.
  const tooLong = (s: string) => s.length > limits.string && [...s].length > limits.string;
  const long = (s: string, key: 'problem.tooLong' | 'problem.keyTooLong') => said(key, { length: [...s].length.toLocaleString('en-GB'), limit: limits.string.toLocaleString('en-GB') });
  const stack: Visit[] = [{ node: root, depth: 0 }];
  let deep = false;
  while (stack.length) {
    const visit = stack.pop()!;
    const { node, depth } = visit;
    if (depth > limits.depth) {
      // One depth problem is enough: the rest of that branch is as deep or deeper.
      if (!deep) problems.push({ offset: offsetOf(node), path: [], message: said('problem.nestedDeep', { depth: limits.depth }) });
      deep = true;
      continue;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string' && tooLong(node.value)) problems.push({ offset: offsetOf(node), path: pathOf(visit), message: long(node.value, 'problem.tooLong') });
    } else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key)) {
          // A list or mapping as a key is stringified by the parser at great cost, and never a valid key here.
          problems.push({ offset: offsetOf(key), path: pathOf(visit), message: kind(key) });
          continue;
        }
        if (key.value === null) {
          const empty = !(key as { source?: string }).source;
          problems.push({ offset: empty ? offsetOf(pair.value) || offsetOf(node) : offsetOf(key), path: pathOf(visit), message: said(empty ? 'problem.keyMissing' : 'problem.keyNull') });
          continue;
        }
        const name = String(key.value);
        if (tooLong(name)) {
          problems.push({ offset: offsetOf(key), path: pathOf(visit), message: long(name, 'problem.keyTooLong') });
          continue;
        }
        if (seen.has(name)) problems.push({ offset: offsetOf(key), path: pathOf(visit), message: said('problem.duplicateKey', { key: quote(name) }) });
        seen.add(name);
        stack.push({ node: pair.value, depth: depth + 1, parent: visit, key: name });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, depth: depth + 1, parent: visit, key: i }));
    }
  }
  return problems;
}
