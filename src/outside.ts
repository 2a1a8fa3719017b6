// The one seam for text from outside: assessment and framework files, file names, pasted input.
// Such text reaches a terminal only as a `Term`, and a `Term` is made in one of three ways:
// `plain` (body text, controls removed), `exact` (names and error text, controls shown as
// \u001b), or the `term` template, whose values must already be `Term` (or numbers). The CLI's
// writers take nothing else, so a message that forgets fails the type check. Markdown, PDF and
// JSON have their own escaping (report/markdown.ts, report/pdf/flow.ts, `jsonText` here), all
// starting from the same rules. See docs/security.md.

declare const TERM: unique symbol;
/** Text fit for a terminal: nothing in it from outside can move the cursor, recolour or retitle. */
export type Term = string & { readonly [TERM]: true };

// Escape sequences, 7-bit and 8-bit: CSI (ESC [ or U+009B) ... final byte; strings (OSC ESC ],
// DCS ESC P, SOS ESC X, PM ESC ^, APC ESC _, and their C1 forms) up to BEL or ST, or to the end
// of the line when unterminated; any other ESC with its intermediate and final bytes.
const SEQUENCE =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?/g;
// C0 and C1 controls (a line end is kept where text may have lines).
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/g;
// Bidirectional embeddings, overrides and isolates (the "Trojan source" reorderings), and
// invisible characters that only hide a difference: zero-width space, word joiner and the
// invisible operators, deprecated format controls, the byte-order mark, interlinear annotation.
// Joiners (U+200C, U+200D) and the directional marks stay in body text: scripts and emoji need
// them, and they reorder nothing across them.
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * Outside text as body text for any channel: escape sequences, controls, reorderings and hidden
 * characters removed (an OSC 8 link's text stays, its address goes); tabs become four spaces and
 * every line end (CR, CRLF, U+2028, U+2029) becomes \n.
 */
export function clean(s: string): string {
  return s
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, '    ')
    .replace(SEQUENCE, '')
    .replace(CONTROL, '')
    .replace(HIDDEN, '');
}

// Everything `clean` would remove, plus the directional marks and tag characters: in a name or
// an error the reader must see exactly what is there.
const SHOWN = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\u061c\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]|[\u{e0000}-\u{e007f}]/gu;

// The same less C0: JSON.stringify writes every C0 control as an escape, so the only raw one in
// its text is the layout's line end, and a pass that never matches it copies nothing.
const SHOWN_IN_JSON = new RegExp(SHOWN.source.replace('\\x00-\\x1f', ''), 'gu');

const u4 = (n: number) => `\\u${n.toString(16).padStart(4, '0')}`;
const code = (c: string) => (c.length > 1 ? `\\u{${c.codePointAt(0)!.toString(16)}}` : u4(c.charCodeAt(0)));

/** Every control and hidden character shown as \u001b (line ends too, unless `lines`). */
export function visible(s: string, lines = false): string {
  return s.replace(SHOWN, (c) => (lines && c === '\n' ? c : code(c)));
}

/**
 * A message's values (file names, values from files, what was typed) made visible, line ends
 * included: the message keeps its own lines, and a value can never start one of its own.
 */
export function visibleValues<T extends Record<string, unknown>>(params: T): T {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? visible(v) : v])) as T;
}

// Colour and weight only: SGR 8 (concealed), 5 (blink) and 7 (reverse) could hide or fake text.
const SGR = /\x1b\[([0-9;]*)m/g;
const SAFE_SGR = /^(?:(?:0|1|2|3|4|22|23|24|39|49|[39][0-7]|(?:10|4)[0-7]|[34]8;5;\d{1,3}|[34]8;2;\d{1,3};\d{1,3};\d{1,3})(?:;|$))*$/;

/**
 * A writer's last line of defence, for text that carries dutykit's own colour (the walk-through,
 * prompts): colour codes stay, everything else `clean` removes goes. Outside text in it should
 * already have been through `plain` or `exact`; this only makes a slip harmless.
 */
export function withColour(s: string): Term {
  let kept = '';
  let last = 0;
  for (const m of s.matchAll(SGR)) {
    kept += clean(s.slice(last, m.index)) + (SAFE_SGR.test(m[1]!) ? m[0] : '');
    last = m.index + m[0].length;
  }
  return (kept + clean(s.slice(last))) as Term;
}

/** Outside text as body text in a terminal. */
export const plain = (s: string): Term => clean(s) as Term;

/**
 * Outside text in a line of dutykit's own (a status line, `ok  file: summary`): every line
 * break, U+2028 and U+2029 included, becomes a space, so that the text cannot start a line
 * that looks like one of dutykit's.
 */
export const plainLine = (s: string): Term => clean(s).replace(/\s*\n\s*/g, ' ') as Term;

/** A file name, id or value quoted in a message: shown exactly, controls made visible. */
export const exact = (s: string): Term => visible(s) as Term;

/** A message of several lines (an error), every control but the line ends made visible. */
export const message = (s: string): Term => visible(s, true) as Term;

/** A value `term` takes: a Term, a number, or a string written in the code (a literal type). */
type Safe<T> = T extends Term | number ? T : T extends string ? (string extends T ? never : T) : never;

/**
 * A message: the literal parts are dutykit's own; each value must be a `Term` already, a number,
 * or a literal in the code (`n === 1 ? '' : 's'`). Write term`wrote ${exact(file)}`, never
 * `wrote ${file}`: a bare string is refused by the type check ("not assignable to never").
 */
export function term<const V extends unknown[]>(strings: TemplateStringsArray, ...values: { [K in keyof V]: Safe<V[K]> }): Term {
  return strings.reduce((s, part, i) => s + (i ? String(values[i - 1]) : '') + part, '') as Term;
}

/** Terms joined (a table's lines, a list). */
export const joined = (parts: readonly Term[], by = '\n'): Term => parts.join(by) as Term;

/**
 * The reviewed exception: text dutykit made itself from parts already made safe (a renderer's
 * table, help text). Each use is named in docs/security.md.
 */
export const ours = (s: string): Term => s as Term;

/**
 * JSON whose strings are exact but in which no control, C1 or reordering character appears raw:
 * JSON.stringify leaves U+009B (a CSI to many terminals) and U+202E as they are; here they are
 * written \u009b, which parses back to the same text.
 */
export function jsonText(value: unknown, indent = 2): Term {
  // The only raw line ends are the layout's; JSON writes a character beyond U+FFFF as a pair.
  return JSON.stringify(value, null, indent).replace(SHOWN_IN_JSON, (c) => c.split('').map((h) => u4(h.charCodeAt(0))).join('')) as Term;
}
