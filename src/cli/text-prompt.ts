// A text prompt that keeps everything typed or pasted into it.
//
// @inquirer/input answers on the first Enter it sees. A paste of several lines arrives as one
// burst of keys, so it answered with the first line; the keys after that reached a prompt that
// had closed, and the next prompt drops keys that come before it is drawn (inquirer's guard
// against stale typeahead), so the other lines were lost. It also drew the whole prompt again
// after every key: a paste of n characters wrote about n²/2 characters to the terminal.
//
// This prompt keeps the text itself and leaves readline's line empty: createPrompt measures
// readline's line on every key (getCursorPos walks it character by character), which is the
// other half of the slowdown. The line is handed to readline only while the prompt is drawn, so
// that the cursor lands in the right place, and the prompt is drawn once per burst of keys.
// An Enter answers only when nothing follows it: inside a bracketed paste, or with more keys
// close behind it (a terminal without bracketed paste sends a paste as one fast burst), it is a
// line break in the text.
import { createPrompt, isBackspaceKey, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState, type KeypressEvent } from '@inquirer/core';
import type { Interface } from 'node:readline';
import { visible } from '../outside.js';

export interface TextConfig {
  message: string;
  /** Offered in the line, ready to edit; Enter keeps it. */
  current?: string;
  /** Check the answer; a string is the message shown, and the text stays to be corrected. */
  validate?: (value: string) => true | string;
  /** Line breaks are kept; otherwise the lines of a paste are joined with spaces. */
  multiline?: boolean;
  /** Prefix and styles, as inquirer's themes take them (no colour: plain ones). */
  theme?: { prefix?: { idle?: string; done?: string }; style?: object };
}

/** How long the keyboard must be quiet after an Enter for it to answer (a paste is faster). */
export const QUIET_MS = 40;
const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';

/** readline's `line` and `cursor` are public but typed read-only. */
type Readline = Interface & { line: string; cursor: number; output: NodeJS.WritableStream & { unmute?(): void; mute?(): void } };
type Key = KeypressEvent & { sequence?: string; meta?: boolean };

/** The text being edited: the lines ended so far, and the line with the cursor. */
class Text {
  lines: string[] = [];
  line = '';
  cursor = 0;

  constructor(current = '') {
    const all = current.split(/\r?\n/);
    this.line = all.pop()!;
    this.lines = all;
    this.cursor = this.line.length;
  }

  insert(s: string): void {
    this.line = this.line.slice(0, this.cursor) + s + this.line.slice(this.cursor);
    this.cursor += s.length;
  }

  /** Enter: the line ends at the cursor; what follows the cursor starts the next line. */
  breakLine(): void {
    this.lines.push(this.line.slice(0, this.cursor));
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
  }

  /** Back to the end of the line before, joining this one to it (undoes breakLine). */
  joinUp(): void {
    const before = this.lines.pop()!;
    this.line = before + this.line;
    this.cursor = before.length;
  }

  /** The editing keys of a shell line; true if the key was one of them. */
  edit(key: Key): boolean {
    const at = this.cursor;
    const { name, ctrl } = key;
    if (isBackspaceKey(key) || (ctrl && name === 'h')) {
      if (at > 0) this.line = this.line.slice(0, at - 1) + this.line.slice(at);
      else if (this.lines.length) return this.joinUp(), true;
      this.cursor = Math.max(0, at - 1);
    } else if (name === 'delete' || (ctrl && name === 'd' && this.line)) this.line = this.line.slice(0, at) + this.line.slice(at + 1);
    else if (name === 'left' || (ctrl && name === 'b')) this.cursor = Math.max(0, at - 1);
    else if (name === 'right' || (ctrl && name === 'f')) this.cursor = Math.min(this.line.length, at + 1);
    else if (name === 'home' || (ctrl && name === 'a')) this.cursor = 0;
    else if (name === 'end' || (ctrl && name === 'e')) this.cursor = this.line.length;
    else if (ctrl && name === 'u') [this.line, this.cursor] = [this.line.slice(at), 0];
    else if (ctrl && name === 'k') this.line = this.line.slice(0, at);
    else if (ctrl && name === 'w') {
      const start = this.line.slice(0, at).replace(/\S*\s*$/, '').length;
      [this.line, this.cursor] = [this.line.slice(0, start) + this.line.slice(at), start];
    } else return false;
    return true;
  }
}

// What must not reach the terminal as it is (controls, and the characters that reorder or hide
// text) is shown as \u202e by the one seam's `visible`, so that the text is kept exactly while
// the screen stays honest. Line breaks and tabs stay as they are: both are typed text here.
const shown = (s: string) => s.split('\t').map((part) => visible(part, true)).join('\t');

/** An answer as it stays on screen once given: a very long one is cut short (the file has it whole). */
function brief(value: string): string {
  return value.length <= 600 ? shown(value) : `${shown(value.slice(0, 300))}… (${value.length.toLocaleString('en-GB')} characters)`;
}

/** A key that types text: printable characters and tabs, as the terminal sent them. */
const typed = (key: Key): string | undefined =>
  key.sequence && !key.ctrl && !key.meta && /^[^\x00-\x08\x0a-\x1f\x7f]+$/u.test(key.sequence) ? key.sequence : undefined;

export const textPrompt = createPrompt<string, TextConfig>((config, done) => {
  const theme = makeTheme<object>(config.theme as never);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [error, setError] = useState<string | undefined>();
  /** Bumped to draw again: once per burst of keys. */
  const [, setDrawn] = useState(0);
  const prefix = usePrefix({ status, theme });
  const text = useRef(new Text(config.current)).current;
  const s = useRef({ rl: undefined as Readline | undefined, pasting: false, answer: undefined as NodeJS.Timeout | undefined, draw: false, lastKey: '', value: '' }).current;

  useEffect((rawRl) => {
    const rl = (s.rl = rawRl as unknown as Readline);
    const raw = (seq: string) => {
      rl.output.unmute?.();
      rl.output.write(seq);
      rl.output.mute?.();
    };
    raw(PASTE_ON);
    return () => {
      clearTimeout(s.answer);
      raw(PASTE_OFF);
    };
  }, []);

  // Readline's line is ours only while drawing (see the top of the file): empty it again after.
  useEffect(() => {
    if (!s.rl) return;
    s.rl.line = '';
    s.rl.cursor = 0;
  }, [{}]);

  useKeypress((rawKey) => {
    if (status !== 'idle') return;
    const key = rawKey as Key;
    const rl = s.rl!;
    rl.line = '';
    rl.cursor = 0;
    const lastKey = s.lastKey;
    s.lastKey = key.name ?? '';
    if (key.name === 'paste-start' || key.name === 'paste-end') s.pasting = key.name === 'paste-start';
    else if (isEnterKey(key)) {
      if (key.name === 'enter' && lastKey === 'return') return; // the LF of a CR LF pair
      text.breakLine();
      clearTimeout(s.answer);
      s.answer = s.pasting ? undefined : setTimeout(answer, QUIET_MS);
    } else {
      const t = typed(key);
      if (t !== undefined) text.insert(t);
      else if (!text.edit(key)) return;
      // More keys straight after an Enter: it was a line break inside a paste, not an answer.
      clearTimeout(s.answer);
      s.answer = undefined;
      if (error) setError(undefined);
    }
    if (s.draw) return;
    s.draw = true;
    setImmediate(() => {
      s.draw = false;
      if (status === 'idle') setDrawn((n) => n + 1);
    });
  });

  function answer(): void {
    s.answer = undefined;
    text.joinUp(); // the Enter that answers is not part of the text
    const all = [...text.lines, text.line];
    // Blank lines at the end carry nothing; on one line, neither do blank lines anywhere.
    const value = config.multiline ? all.join('\n').replace(/\n+$/, '') : all.filter((l) => l.trim()).join(' ');
    const valid = config.validate ? config.validate(value) : true;
    if (valid !== true) return void setError(valid);
    s.value = value;
    setStatus('done');
    done(value);
  }

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(brief(s.value))}`;
  const line = shown(text.line);
  if (s.rl) {
    s.rl.line = line;
    s.rl.cursor = shown(text.line.slice(0, text.cursor)).length;
  }
  // The line with the cursor is drawn last and whole: readline places the cursor in it.
  const head = `${prefix} ${message} `;
  const body = text.lines.length ? `${head}${text.lines.map(shown).join('\n')}\n${line}` : `${head}${line}`;
  return [body, error ? theme.style.error(error) : ''];
});
