// Edit YAML text in place. Each change splices freshly rendered text over the one node it
// changes (or inserts a new key or list item), so comments, key order, folding and spacing
// everywhere else stay exactly as the user wrote them. The yaml Document API finds the nodes
// and renders the new parts; the text is parsed again after every change, or, inside
// `batch`, once at the end (many edits to a large file: `merge`).
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { formatPath } from './source.js';
import { asCollection, isNull, isPlainValue, keyOf, nest, range, render, sameData, WIDTH, type Collection } from './yaml-nodes.js';
import { Batch, STALE, type Splice } from './yaml-splices.js';

export type Path = readonly (string | number)[];
/** Key order to insert new keys in, for the map at a path; undefined: append at the end. */
export type KeyOrder = (mapPath: Path) => readonly string[] | undefined;

export class YamlEditor {
  #text: string;
  #parsed: Document.Parsed | undefined;
  #eol: string;
  #step = 2;
  /** Inside `batch`: changes made against the text as last parsed, not yet applied. */
  #batch: Batch | undefined;
  #inChange = false;

  constructor(text: string, private readonly order: KeyOrder = () => undefined) {
    this.#eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.#text = text.endsWith('\n') ? text : text + this.#eol;
    this.#parse();
    const nested = isMap(this.#doc.contents) ? this.#doc.contents.items.find((p) => isMap(p.value) && !p.value.flow) : undefined;
    if (nested && isMap(nested.value)) {
      const step = this.#col(range(nested.value.items[0]!.key)[0]) - this.#col(range(nested.key)[0]);
      if (step > 0) this.#step = step;
    }
  }

  toString(): string {
    return this.#text;
  }

  /**
   * Make many changes and parse the text once, at the end, instead of after each: each change
   * is placed against the text as last parsed, and applied with the others in one pass. A change
   * that depends on one not yet applied (it goes into a node another replaced, or creates a key
   * another created) applies the batch first and is made again on the new text, so the result
   * is the text that making the changes one by one gives (test/yaml-edit-batch.test.ts).
   */
  batch(run: () => void): void {
    if (this.#batch) return run();
    this.#batch = new Batch();
    try {
      run();
    } finally {
      this.#flush(false);
      this.#batch = undefined;
    }
  }

  #change(run: () => void): void {
    const batch = this.#batch;
    if (!batch || this.#inChange) return run();
    const mark = batch.size;
    this.#inChange = true;
    try {
      run();
    } catch (e) {
      // Any failure may come of the text not yet having the batch's changes: make it again on the new text.
      if (e !== STALE && mark === 0) throw e;
      batch.dropFrom(mark);
      // Parsed again, which also drops whatever the attempt changed in the tree.
      if (batch.size) this.#flush();
      else this.#parse();
      this.#batch = undefined;
      try {
        run();
      } finally {
        this.#batch = batch;
      }
    } finally {
      this.#inChange = false;
    }
  }

  /** Apply the batched changes in one pass over the text, then parse it again (now, or when next needed). */
  #flush(now = true): void {
    if (!this.#batch?.size) return;
    this.#text = this.#batch.applyTo(this.#text);
    this.#parsed = undefined;
    if (now) this.#parse();
  }

  /** Set the value at `path` (plain data); `undefined` deletes the key. Missing maps are created. */
  set(path: Path, value: unknown): void {
    this.#change(() => this.#set(path, value));
  }

  #set(path: Path, value: unknown): void {
    let node: unknown = this.#doc.contents;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const coll = asCollection(node);
      if (coll?.flow) return this.#editFlow(path, i, value);
      if (isMap(node)) {
        const pair = node.items.find((p) => keyOf(p) === String(seg));
        if (!pair) return value === undefined ? this.#unchanged(node) : this.#insertPair(node, path.slice(0, i), String(seg), nest(path.slice(i + 1), value));
        if (i === path.length - 1) return this.#replaceValue(pair, value);
        if (isNull(pair.value)) return value === undefined ? this.#unchanged(pair.key) : this.#replaceValue(pair, nest(path.slice(i + 1), value));
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] && i < path.length - 1) {
        node = node.items[seg];
      } else {
        this.#unchanged(this.#doc.contents);
        throw new Error(`cannot set ${formatPath(path)}: ${formatPath(path.slice(0, i)) || 'the document'} is not a map`);
      }
    }
    throw new Error('cannot replace the whole document');
  }

  /**
   * Where a map or list ends is found from its last item, as the text was last parsed: inside a
   * batch, a change not yet applied to that item (deleted, or left empty) may move its end.
   */
  #endKept(from: number, to: number): void {
    if (this.#batch?.movesEnd(from, to)) throw STALE;
  }

  /**
   * Nothing to change at `node` (or an edit that cannot be made there), as the text was last
   * parsed: inside a batch, a change not yet applied in or around it may make it otherwise.
   */
  #unchanged(node: unknown, until: unknown = node): void {
    if (this.#batch?.touches(range(node)[0], range(until)[2])) throw STALE;
  }

  /** The plain data at `path`, and whether it is written in flow style (`{ a: 1 }`). */
  get(path: Path): { data: unknown; flow: boolean } {
    let node = this.#getIn(path);
    if (this.#batch?.size) {
      const [start, end] = node && (node as Node).range ? range(node) : [0, Infinity];
      if (this.#batch.touches(start, end)) {
        this.#flush();
        node = this.#getIn(path);
      }
    }
    return { data: isNull(node) ? null : (node as Node | undefined)?.toJSON?.() ?? node, flow: asCollection(node)?.flow === true };
  }

  /**
   * Whether the collection at `path` is written in flow style: the same as `get(path).flow`, but
   * inside `batch` it applies the batch only when the node itself was replaced.
   */
  isFlow(path: Path): boolean {
    const node = this.#getIn(path);
    if (!(node as Node | undefined)?.range) return false; // a node made now is written as a block
    const start = range(node)[0];
    if (this.#batch?.replacesAt(start)) {
      this.#flush();
      return asCollection(this.#getIn(path))?.flow === true;
    }
    return asCollection(node)?.flow === true;
  }

  /** Append an item to the list at `path`, creating the list if it is missing or empty. */
  push(path: Path, item: unknown): void {
    this.#change(() => this.#push(path, item));
  }

  #push(path: Path, item: unknown): void {
    const node = this.#doc.getIn(path, true);
    if (isNull(node) || (isSeq(node) && node.items.length === 0)) return this.#set(path, [item]);
    if (!isSeq(node)) throw new Error(`cannot add to ${formatPath(path)}: it is not a list`);
    if (node.flow) {
      node.items.push(this.#doc.createNode(item));
      return this.#rerender(node);
    }
    const col = this.#col(range(node)[0]);
    const at = this.#lineAfter(range(node)[1]);
    this.#endKept(range(node.items[node.items.length - 1])[0], at);
    this.#splice(at, at, render([item], col, this.#step), { anchor: range(node)[0] });
  }

  #parse(): void {
    const doc = parseDocument(this.#text, { uniqueKeys: true });
    if (doc.errors.length) throw new Error(`edit produced invalid YAML: ${doc.errors[0]!.message}`);
    this.#parsed = doc;
  }

  /** The text as parsed; after a batch, parsed when next needed (a merge's last parse is the save's own check). */
  get #doc(): Document.Parsed {
    if (!this.#parsed) this.#parse();
    return this.#parsed!;
  }

  #splice(start: number, end: number, insert: string, how: Partial<Pick<Splice, 'anchor' | 'claim' | 'node'>> = {}): void {
    const text = this.#eol === '\n' ? insert : insert.replace(/\r?\n/g, this.#eol);
    // A range that ends on a line's last character stops before its CR, never between the CR
    // and the LF: else the CR goes and the inserted text ends in a bare LF among CRLF lines.
    if (this.#text[end - 1] === '\r' && this.#text[end] === '\n') start = Math.min(start, --end);
    if (this.#batch) return this.#batch.add({ start, end, text, anchor: how.anchor ?? start, ...(how.claim && { claim: how.claim }), ...(how.node && { node: true }) });
    this.#text = this.#text.slice(0, start) + text + this.#text.slice(end);
    this.#parse();
  }

  #col(offset: number): number {
    return offset - (this.#text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** The start of the line after `offset`, unless `offset` already starts a line. */
  #lineAfter(offset: number): number {
    if (offset > 0 && this.#text[offset - 1] === '\n') return offset;
    const nl = this.#text.indexOf('\n', offset);
    return nl < 0 ? this.#text.length : nl + 1;
  }

  #replaceValue(pair: Pair, value: unknown): void {
    if (value === undefined) return this.#deletePair(pair);
    const key = pair.key as Node;
    const v = pair.value as Node | null;
    // A value set to what it already is keeps its bytes: quotes, escapes, folding, comments.
    if (v !== null && sameData(v, value)) return this.#unchanged(key, v);
    if (isPlainValue(value) && (v === null || isScalar(v))) return this.#replaceScalar(key, v, value);
    if (isSeq(v) && v.flow && Array.isArray(value) && value.every(isPlainValue)) {
      v.items = value.map((x) => this.#doc.createNode(x));
      return this.#rerender(v);
    }
    // A collection, or a scalar becoming one: render the whole pair again.
    const start = range(key)[0];
    const valueEnd = v ? range(v)[1] : range(key)[1];
    const end = this.#lineAfter(valueEnd);
    const tail = this.#text.slice(valueEnd, end).trim();
    const lines = render({ [keyOf(pair)]: value }, this.#col(start), this.#step).trimStart().split('\n');
    // A comment on the key's own line (`Wessex Police:   # phoned 3 March`) is about the key: it stays.
    const keyLine = /^\s*:\s*(#.*)$/.exec(this.#text.slice(range(key)[1], this.#lineAfter(range(key)[1])).replace(/\r?\n$/, ''));
    if (keyLine && (!v || range(v)[0] >= this.#lineAfter(range(key)[1]))) lines[0] += ` ${keyLine[1]!.trimEnd()}`;
    if (tail.startsWith('#')) lines[0] += ` ${tail}`;
    this.#splice(start, end, lines.join('\n'));
  }

  #replaceScalar(key: Node, v: Node | null, value: unknown): void {
    const col = this.#col(range(key)[0]);
    const stub = 'k'.repeat(Math.max(1, String((key as { value?: unknown }).value ?? 'k').length));
    let text = render({ [stub]: value }, col, this.#step).slice(col + stub.length + 1);
    let [start, end] = v ? range(v) : [range(key)[1], range(key)[1]];
    const claim = start === end ? `value:${range(key)[0]}` : undefined;
    if (start === end) {
      // `key:` with nothing after it: write just after the colon, before any comment.
      start = end = this.#text.indexOf(':', range(key)[1]) + 1;
    } else text = text.replace(/^ /, '');
    if (this.#text[end - 1] === '\n') {
      if (!text.endsWith('\n')) text += '\n';
    } else {
      text = text.replace(/\n$/, '');
      const nl = text.indexOf('\n');
      if (nl >= 0) {
        // The new value spans lines: a comment after the old one moves up to its first line.
        const eol = this.#lineAfter(end) - 1;
        const tail = /^\s*[|>]/.test(text) ? this.#text.slice(end, eol).trimEnd() : '';
        text = text.slice(0, nl) + tail + text.slice(nl);
        end = eol;
      }
    }
    this.#splice(start, end, text, { anchor: range(key)[0], ...(claim && { claim }) });
  }

  #deletePair(pair: Pair): void {
    const start = range(pair.key as Node)[0];
    const lineStart = this.#text.lastIndexOf('\n', start - 1) + 1;
    if (this.#text.slice(lineStart, start).trim() !== '') throw new Error(`cannot delete ${keyOf(pair)}: it shares its line`);
    const end = this.#lineAfter(pair.value ? range(pair.value as Node)[1] : range(pair.key as Node)[1]);
    this.#splice(lineStart, end, '');
  }

  #insertPair(map: Collection, mapPath: Path, key: string, value: unknown): void {
    const first = map.items[0] as Pair;
    const col = this.#col(range(first.key as Node)[0]);
    const order = this.order(mapPath);
    const rank = (k: string) => order?.indexOf(k) ?? -1;
    const later =
      rank(key) >= 0 ? (map.items as Pair[]).find((p, i) => i > 0 && rank(keyOf(p)) > rank(key)) : undefined;
    let at: number;
    if (later) {
      // Before the next key and the comment lines that introduce it.
      at = this.#text.lastIndexOf('\n', range(later.key as Node)[0] - 1) + 1;
      for (;;) {
        const prev = this.#text.lastIndexOf('\n', at - 2) + 1;
        const line = this.#text.slice(prev, at);
        if (at === 0 || !line.trim().startsWith('#') || /^ */.exec(line)![0].length !== col) break;
        at = prev;
      }
    } else {
      const last = map.items[map.items.length - 1] as Pair;
      at = this.#lineAfter(last.value ? range(last.value as Node)[1] : range(last.key as Node)[1]);
      this.#endKept(range(last.key as Node)[0], at);
    }
    // Two keys going into a map with a key order are placed after each other only once parsed.
    const claim = order ? `map:${range(map)[0]}` : `map:${range(map)[0]}:${key}`;
    this.#splice(at, at, render({ [key]: value }, col, this.#step), { anchor: range(map)[0], claim });
  }

  /** Change a flow collection (`{ a: 1 }`, `[a, b]`) on the path: render the outermost one again. */
  #editFlow(path: Path, depth: number, value: unknown): void {
    let at = 0;
    while (!asCollection(this.#getIn(path.slice(0, at)))?.flow) at++;
    const flow = asCollection(this.#getIn(path.slice(0, at)))!;
    if (at > depth) throw new Error('flow collection not found');
    const rest = path.slice(at);
    if (value === undefined) flow.deleteIn(rest);
    else flow.setIn(rest, this.#doc.createNode(value));
    this.#rerender(flow);
  }

  #getIn(path: Path): unknown {
    return path.length ? this.#doc.getIn(path, true) : this.#doc.contents;
  }

  #rerender(node: Collection): void {
    const [start, end] = range(node);
    const copy = node.clone() as Collection;
    copy.comment = copy.commentBefore = undefined;
    const doc = new Document();
    doc.contents = copy;
    const lineStart = this.#text.lastIndexOf('\n', start - 1) + 1;
    const pad = ' '.repeat(/^ */.exec(this.#text.slice(lineStart))![0].length + this.#step);
    // A flow collection written on one line stays on one line.
    const oneLine = !this.#text.slice(start, end).includes('\n');
    const lines = doc.toString({ lineWidth: oneLine ? 0 : WIDTH, nullStr: '' }).replace(/\n$/, '').split('\n');
    this.#splice(start, end, lines.map((l, i) => (i && l ? pad + l : l)).join('\n'), { node: true });
  }
}
