// A real terminal for end-to-end tests: a private tmux server, one window per session.
// Keys are sent only once the prompt they answer is on screen (tmux drops typeahead).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import { loadAssessment } from '../../src/model/load-assessment.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** The built binary, which every terminal test runs. */
export const BIN = resolve('bin/dutykit.js');

/** `dutykit assess <file>` as the terminal runs it, with today pinned to 2025-03-12. */
export const assessCommand = (file: string) => `SOURCE_DATE_EPOCH=1741737600 node ${BIN} assess ${file}`;

/** Fail the file's tests at once, with the fix, when dist/ has not been built. */
export function needsBuild(): void {
  beforeAll(() => {
    if (!existsSync('dist/cli.cjs')) throw new Error('dist/ is missing: run `npm run build` first');
  });
}

/** An assessment file as it is on disk now; a file that does not load fails the test. */
export function loadOrFail(file: string): Assessment {
  const r = loadAssessment(file, 'benchmarks');
  if (!r.value) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value.assessment;
}

/**
 * A new folder and a terminal in it for each test of the calling suite, closed after each.
 * Read `dir` and `term` inside the tests (they change from test to test).
 */
export function terminalEachTest(prefix: string): { readonly dir: string; readonly term: Terminal } {
  const current = {} as { dir: string; term: Terminal };
  beforeEach(() => {
    current.dir = mkdtempSync(join(tmpdir(), prefix));
    current.term = new Terminal(current.dir);
  });
  afterEach(() => current.term.close());
  return current;
}

export class Terminal {
  readonly socket = `dutykit-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  #windows = 0;

  constructor(readonly cwd: string) {
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 't', '-x', '160', '-y', '50', '-c', cwd, 'sh');
    this.tmux('set-option', '-g', 'history-limit', '50000');
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  }

  /** A new window running `command` in a shell, which prints EXIT:<code> when it ends. */
  run(command: string): Window {
    const name = `w${this.#windows++}`;
    // `t:` (the session, with its colon) puts the window at the next free index; a bare `t` can
    // be taken for a window, and then fails now and then with "index 0 in use".
    this.tmux('new-window', '-d', '-t', 't:', '-n', name, '-c', this.cwd, 'sh');
    const w = new Window(this, `t:${name}`);
    w.type(`clear; ${command}; echo EXIT:$?`);
    w.keys('Enter');
    return w;
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

export class Window {
  constructor(readonly term: Terminal, readonly target: string) {}

  keys(...keys: string[]): void {
    this.term.tmux('send-keys', '-t', this.target, ...keys);
  }

  type(text: string): void {
    this.term.tmux('send-keys', '-t', this.target, '-l', text);
  }

  /**
   * Paste `text` as a terminal does: one write of the whole text, line breaks sent as CR.
   * `bracketed`: wrapped in the paste brackets, which tmux adds only when the program asked for them.
   */
  paste(text: string, bracketed = false): void {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-paste-'));
    try {
      writeFileSync(join(dir, 'paste'), text);
      this.term.tmux('load-buffer', '-b', 'paste', join(dir, 'paste'));
      this.term.tmux('paste-buffer', '-d', '-b', 'paste', ...(bracketed ? ['-p'] : []), '-t', this.target);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The screen as it is now, with its colour codes. */
  styled(): string {
    return this.term.tmux('capture-pane', '-p', '-e', '-t', this.target);
  }

  /** Everything the window has shown, scrollback included. */
  text(): string {
    return this.term.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', this.target);
  }

  async waitFor(test: (text: string) => boolean, what: string, timeout = 30_000): Promise<string> {
    const end = Date.now() + timeout;
    for (;;) {
      const text = this.text();
      if (test(text)) return text;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the terminal shows:\n${text.trimEnd().split('\n').slice(-25).join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Wait until the prompt asking `message` is the live one (answered ones show ✔, not ?). */
  prompt(message: string, after?: string): Promise<string> {
    const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const live = new RegExp(`^\\? ${escaped}(\\s|$)`);
    return this.waitFor((text) => {
      const lines = text.trimEnd().split('\n');
      const head = lines.findLastIndex((l) => /^[?✔] /.test(l));
      if (head < 0 || !live.test(lines[head]!)) return false;
      // `after` must have been said since the previous prompt, so a repeated prompt is not mistaken for the last one.
      const previous = lines.slice(0, head).findLastIndex((l) => /^[?✔] /.test(l));
      return after === undefined || lines.slice(previous + 1, head).join('\n').includes(after);
    }, `the prompt "${message}"${after ? ` after "${after}"` : ''}`);
  }

  /** Wait for the shell's EXIT:<code> line. */
  async exitCode(): Promise<number> {
    const text = await this.waitFor((t) => /^EXIT:\d+/m.test(t), 'the command to end');
    return Number(/^EXIT:(\d+)/m.exec(text)![1]);
  }
}
