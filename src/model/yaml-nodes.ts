// Small helpers of the in-place YAML editor (yaml-edit.ts): what a node is, where it is, and
// plain data rendered as block YAML the way people write it by hand.
import { Document, isMap, isScalar, isSeq, visit, type Node, type Pair } from 'yaml';
import type { Path } from './yaml-edit.js';

export const WIDTH = 100;
export type Collection = Exclude<ReturnType<typeof asCollection>, undefined>;
export const asCollection = (n: unknown) => (isMap(n) || isSeq(n) ? n : undefined);
export const isNull = (n: unknown) => n == null || (isScalar(n) && n.value == null);
export const keyOf = (p: Pair) => String(isScalar(p.key) ? p.key.value : p.key);
export const isPlainValue = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export function sameData(node: Node, value: unknown): boolean {
  if (isScalar(node)) return node.value === value || (node.value == null && value === null);
  return JSON.stringify(node.toJSON()) === JSON.stringify(value);
}

export function range(n: unknown): [number, number, number] {
  const r = (n as Node).range;
  if (!r) throw new Error('node has no position');
  return r;
}

export function nest(rest: Path, value: unknown): unknown {
  return rest.reduceRight<unknown>((v, k) => ({ [k]: v }), value);
}

/** Plain data as block YAML at `col`: long text folded, multi-line text literal, lists of words in brackets. */
export function render(data: unknown, col: number, step: number): string {
  const doc = new Document(data);
  visit(doc, {
    // Short lists of words (links) read best on one line, as people write them by hand.
    Seq(_, n) {
      if (n.items.every((x) => isScalar(x) && typeof x.value === 'string' && !x.value.includes('\n'))) n.flow = true;
    },
    Scalar(_, n) {
      if (typeof n.value !== 'string') return;
      if (n.value.includes('\n')) n.type = 'BLOCK_LITERAL';
      else if (n.value.length > WIDTH - col - 16) n.type = 'BLOCK_FOLDED';
    },
  });
  const pad = ' '.repeat(col);
  return doc
    .toString({ lineWidth: Math.max(60, WIDTH - col), indent: step, nullStr: '', flowCollectionPadding: false })
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}
