// Small numbers in a public roll-up (spec §10): no count below 5 is published, and none can be
// worked out from the counts that are. A roll-up's counts are tied by sums (each benchmark's
// ratings add up to the returns counted; returned and not returned add up to those expected;
// returned and not on the roster add up to the returns counted), so hiding the small counts
// alone is not enough: 14 expected, 12 counted and nothing from outside the roster gives 2 not
// returned. Pure: numbers and sums in, the set of counts to withhold out.
//
// The check is what a reader could do with a pencil: from every sum, narrow each withheld
// count to the least and most it can be (bounds propagation; for sums that share at most one
// withheld count at a time, as a roll-up's do, that is as narrow as any reasoning gets). The
// published counts are safe when
//  - each count below 5 can still be anything from 0 to 4 ("fewer than 5" says no more), and
//  - no sum's withheld counts together come to a known number from 1 to 4 ("4 not Green").
// Until they are, one more count is withheld ("not shown"): from a sum that narrows the count
// in question, the one that takes part in the fewest sums (withholding the returns counted
// would spread to every table), then the smallest.

/** `total` = the sum of `parts`; each a cell's name. */
export interface Sum {
  total: string;
  parts: string[];
}

const SMALL = 5;
type Bounds = Map<string, [number, number]>;

/**
 * The cells to withhold from `values`, given the `sums` that tie them. Cells in `unpublished`
 * (a part no table shows, such as the returns that were on time) are never shown and never
 * chosen; they only stand in a sum. Cells in `known` are known to the reader anyway (the size
 * of a roster, a count the framework makes 0): withholding them protects nothing, so they are
 * never chosen, and one below 5 is still written "fewer than 5".
 */
export function withhold(values: ReadonlyMap<string, number>, sums: readonly Sum[], { unpublished = new Set<string>(), known = new Set<string>() }: { unpublished?: ReadonlySet<string>; known?: ReadonlySet<string> } = {}): Set<string> {
  const hidden = new Set([...values].filter(([k, v]) => v < SMALL || unpublished.has(k)).map(([k]) => k));
  const uses = new Map<string, number>();
  for (const s of sums) for (const c of [s.total, ...s.parts]) uses.set(c, (uses.get(c) ?? 0) + 1);
  const st: State = { values, sums, unpublished, known };
  // Each round withholds one more count, so this ends by the time every count is withheld.
  for (;;) {
    const risk = findUnsafe(st, hidden, narrow(st, hidden));
    const next = risk && choose(st, hidden, risk, uses);
    if (next === undefined) return new Set([...hidden].filter((k) => !unpublished.has(k)));
    hidden.add(next);
  }
}

/** What a reader can tell of each count: a shown one exactly, "fewer than 5" 0–4, others 0 or more. */
function narrow({ values, sums, unpublished, known }: State, hidden: Set<string>): Bounds {
  const b: Bounds = new Map();
  for (const [k, v] of values) b.set(k, !hidden.has(k) || known.has(k) ? [v, v] : v < SMALL && !unpublished.has(k) ? [0, SMALL - 1] : [0, Infinity]);
  const get = (k: string) => b.get(k) ?? [0, Infinity];
  for (let round = 0, changed = true; changed && round < 100; round++) {
    changed = false;
    const tighten = (k: string, lo: number, hi: number) => {
      const [a, z] = get(k);
      const [na, nz] = [Math.max(a, lo), Math.min(z, hi)];
      if (na !== a || nz !== z) (b.set(k, [na, nz]), (changed = true));
    };
    for (const s of sums) {
      const parts = s.parts.map(get);
      // Sums of the others' bounds, each added up afresh: Infinity less Infinity is no number.
      const add = (skip: number, end: 0 | 1) => parts.reduce((n, p, j) => (j === skip ? n : n + p[end]), 0);
      tighten(s.total, add(-1, 0), add(-1, 1));
      const [tlo, thi] = get(s.total);
      s.parts.forEach((p, i) => tighten(p, tlo - add(i, 1), thi - add(i, 0)));
    }
  }
  return b;
}

interface Risk {
  /** The withheld count given away, or one of the withheld group given away. */
  cell: string;
  /** The sum whose withheld parts together are given away, when that is the risk. */
  sum?: Sum;
}

type State = { values: ReadonlyMap<string, number>; sums: readonly Sum[]; unpublished: ReadonlySet<string>; known: ReadonlySet<string> };

/** A withheld count (or group of counts) that the published ones give away, or undefined. */
function findUnsafe(st: State, hidden: Set<string>, b: Bounds): Risk | undefined {
  for (const k of hidden) if (cellGiven(st, k, b)) return { cell: k };
  for (const s of st.sums) if (groupGiven(st, s, hidden, b)) return { cell: s.parts.find((p) => hidden.has(p) && !st.unpublished.has(p) && !st.known.has(p))!, sum: s };
  return undefined;
}

/** A count below 5 that can be told to be more than 0 or less than 4. */
function cellGiven(st: State, k: string, b: Bounds): boolean {
  if (st.unpublished.has(k) || st.known.has(k) || st.values.get(k)! >= SMALL) return false;
  const [lo, hi] = b.get(k)!;
  // Written so that a bound that is no number counts as giving the count away.
  return !(lo <= 0 && hi >= SMALL - 1);
}

/** A sum whose withheld parts together come to a known number from 1 to 4. */
function groupGiven(st: State, s: Sum, hidden: Set<string>, b: Bounds): boolean {
  const withheld = (p: string) => hidden.has(p) && !st.unpublished.has(p) && !st.known.has(p);
  if (!s.parts.some(withheld)) return false;
  // The withheld parts together are the total less the other parts: known when those are.
  const [tlo, thi] = b.get(s.total)!;
  const others = s.parts.filter((p) => !withheld(p)).map((p) => b.get(p)!);
  const lo = tlo - others.reduce((n, p) => n + p[1], 0);
  const hi = thi - others.reduce((n, p) => n + p[0], 0);
  return lo === hi ? lo > 0 && lo < SMALL : !(lo < hi);
}

/**
 * The next count to withhold, to protect `risk`: a shown count from the sums around it (those
 * that hold it, then those reached through other withheld counts), the cheapest that settles
 * the risk on its own, or else the cheapest of the nearest.
 */
function choose(st: State, hidden: Set<string>, risk: Risk, uses: Map<string, number>): string | undefined {
  const cost = (c: string): [number, number, string] => [uses.get(c) ?? 0, st.values.get(c)!, c];
  const settles = (c: string) => {
    const more = new Set([...hidden, c]);
    const b = narrow(st, more);
    return risk.sum ? !groupGiven(st, risk.sum, more, b) && !cellGiven(st, risk.cell, b) : !cellGiven(st, risk.cell, b);
  };
  const reached = new Set([risk.cell]);
  let nearest: string[] | undefined;
  for (let grown = true; grown; ) {
    grown = false;
    const near = st.sums.filter((s) => s === risk.sum || [s.total, ...s.parts].some((c) => reached.has(c)));
    const shown = [...new Set(near.flatMap((s) => [s.total, ...s.parts]).filter((c) => !hidden.has(c) && !st.known.has(c) && st.values.has(c)))].sort((x, y) => compare(cost(x), cost(y)));
    nearest ??= shown.length ? shown : undefined;
    const fix = shown.find(settles);
    if (fix !== undefined) return fix;
    for (const c of near.flatMap((s) => [s.total, ...s.parts])) if (hidden.has(c) && !reached.has(c)) (reached.add(c), (grown = true));
  }
  return nearest?.[0];
}

const compare = (a: [number, number, string], b: [number, number, string]) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
