// HTML the way Go's html/template and lit make it: every value put into the `html` template
// is escaped unless it is `Html` already, and `Html` is made only by this template (or by
// `trusted`, for the stylesheet dutykit writes itself). So text from a file can never become
// an element or an attribute: a renderer that forgets cannot compile a raw string in.
import { clean } from '../../outside.js';
import type { MessageKey, Messages } from '../../i18n/catalogue.js';

const KEY: unique symbol = Symbol('html');

/** Markup dutykit made, in which every piece of outside text has been escaped. */
export class Html {
  /** Only this module holds the key: elsewhere, markup is made with html`...` or trusted('...'). */
  constructor(
    key: typeof KEY,
    readonly text: string,
  ) {
    if (key !== KEY) throw new TypeError('Html is made by the html template only');
  }
}
const make = (text: string) => new Html(KEY, text);

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The one escape for outside text in HTML, for element content and quoted attribute values
 * alike: cleaned as every channel cleans it (controls, reorderings and hidden characters
 * gone), then the five characters HTML acts on written as entities.
 */
export function escapeHtml(s: string): string {
  return clean(s).replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

/** What the template takes: outside text (escaped), numbers, markup, lists of markup, or nothing. */
export type Value = string | number | Html | readonly Html[] | undefined | false;

function part(v: Value): string {
  if (v === undefined || v === false) return '';
  if (typeof v === 'number') return String(v);
  if (v instanceof Html) return v.text;
  if (typeof v === 'string') return escapeHtml(v);
  return v.map((x) => x.text).join('');
}

/** Markup from a template: the literal parts are ours, each value escaped unless it is Html. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let s = strings[0]!;
  for (let i = 0; i < values.length; i++) s += part(values[i]) + strings[i + 1]!;
  return make(s);
}

/** Text with its line breaks kept as <br/>, each line escaped. */
export function lines(s: string): Html {
  return make(
    clean(s)
      .trim()
      .split('\n')
      .map((line) => escapeHtml(line))
      .join('<br/>'),
  );
}

/** The reviewed exception: markup or CSS written in dutykit's code, with no outside text in it. */
export function trusted(s: string): Html {
  return make(s);
}

/**
 * Outside text as a CSS string (the marking in the printed page's margin): on one line, and
 * every character but letters, digits and spaces written as a CSS escape, so nothing in it
 * can end the string, the rule or the <style> element.
 */
export function cssString(s: string): Html {
  let out = '"';
  for (const c of clean(s).replace(/\s+/g, ' ')) out += /[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `;
  return make(`${out}"`);
}

// Stand-ins for a message's text arguments: private-use characters that `clean` keeps and
// escapeHtml leaves alone, so the message's own words can be escaped around them.
const SLOT = /\ue000(\d+)\ue001/g;

/**
 * A catalogue message as markup: its own words escaped like any text (a translation is data
 * too), each text argument escaped (or, if Html, kept) and put in its place. Numbers go in as
 * numbers, so plural rules still see them.
 */
export function message(t: Messages['t'], key: MessageKey, params: Record<string, string | number | Html> = {}): Html {
  const parts: string[] = [];
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'number') args[k] = v;
    else {
      args[k] = `\ue000${parts.length}\ue001`;
      parts.push(v instanceof Html ? v.text : escapeHtml(v));
    }
  }
  return make(escapeHtml(t(key, args)).replace(SLOT, (_, i: string) => parts[Number(i)]!));
}
