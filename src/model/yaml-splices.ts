// The changes of a YamlEditor batch: each placed against the text as last parsed, all spliced
// in one pass at the end. A change that needs the others applied first to be placed right is
// refused with STALE; the editor then applies the batch, parses, and makes it again.

/**
 * A change to the text as last parsed. `anchor` is where the node it changes starts (for an
 * insertion, the map or list it goes into); `claim` names what an insertion creates, so that a
 * second one creating the same thing is seen; `node`: the whole node at `start` is replaced.
 */
export interface Splice {
  start: number;
  end: number;
  text: string;
  anchor: number;
  claim?: string;
  node?: boolean;
}

/** Thrown inside a batched change that the text as last parsed cannot place. */
export const STALE = Symbol('stale');

const inside = (x: number, r: Splice) => r.start < x && x < r.end;
const replaces = (s: Splice) => s.end > s.start;

/** Whether change `n` needs the text after `p` to be placed right. */
function clash(p: Splice, n: Splice): boolean {
  if (replaces(p) && replaces(n)) return n.start < p.end && p.start < n.end;
  if (replaces(p)) return inside(n.start, p) || inside(n.anchor, p) || (n.anchor === p.start && p.node === true);
  if (replaces(n)) return inside(p.start, n) || inside(p.anchor, n) || (p.anchor === n.start && n.node === true);
  return p.claim !== undefined && p.claim === n.claim;
}

export class Batch {
  readonly #splices: Splice[] = [];

  get size(): number {
    return this.#splices.length;
  }

  add(s: Splice): void {
    if (this.#splices.some((p) => clash(p, s))) throw STALE;
    this.#splices.push(s);
  }

  /** Forget the changes made since the batch had `size` of them. */
  dropFrom(size: number): void {
    this.#splices.length = size;
  }

  /** `text` with every change made, in one pass; the batch is then empty. */
  applyTo(text: string): string {
    // By place. At one offset, insertions come before a replacement; an insertion into a map or
    // list nested in another before one into the outer one (the inner ends where the outer does,
    // and made one by one the inner one's goes inside it); into one map, in the order made.
    const order = this.#splices
      .map((s, i) => ({ s, i }))
      .sort((a, b) => a.s.start - b.s.start || Number(replaces(a.s)) - Number(replaces(b.s)) || b.s.anchor - a.s.anchor || a.i - b.i);
    let out = '';
    let at = 0;
    for (const { s } of order) {
      out += text.slice(at, s.start) + s.text;
      at = s.end;
    }
    this.#splices.length = 0;
    return out + text.slice(at);
  }

  /** A replacement over [from, to]: where a map or list ends, found from its last item, may move. */
  movesEnd(from: number, to: number): boolean {
    return this.#splices.some((p) => replaces(p) && p.start < to && p.end >= from);
  }

  /** Any change in, at the edges of, or around [start, end]. */
  touches(start: number, end: number): boolean {
    const near = (x: number) => x >= start && x <= end;
    return this.#splices.some((p) => near(p.start) || near(p.end) || near(p.anchor) || (p.start <= start && start < p.end));
  }

  /** A replacement of the text where a node starts (the node itself, or something around it). */
  replacesAt(start: number): boolean {
    return this.#splices.some((p) => replaces(p) && p.start <= start && start < p.end);
  }
}
