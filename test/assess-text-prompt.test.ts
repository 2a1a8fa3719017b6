// The text prompt on its own: what a burst of keys (a paste) and the editing keys do.
import { render } from '@inquirer/testing';
import { expect, it } from 'vitest';
import { textPrompt } from '../src/cli/text-prompt.js';

it('a burst with line breaks is one answer, its lines kept (multiline) or joined with spaces', async () => {
  for (const [multiline, want] of [[true, 'first, with comma\n\nthird'], [false, 'first, with comma third']] as const) {
    const { answer, events } = await render(textPrompt, { message: 'Evidence', multiline });
    events.type('first, with comma\r\rthird\r'); // one write, as a terminal sends a paste
    await expect(answer).resolves.toBe(want);
  }
});

it('Enter alone answers; backspace at the start of a line joins it to the line before', async () => {
  const { answer, events, getScreen } = await render(textPrompt, { message: 'Rationale', multiline: true });
  events.type('one\rtwo'); // a paste: the line break stays in the text
  for (let i = 0; i < 4; i++) events.keypress('backspace'); // "two", then the line break
  await new Promise((r) => setImmediate(r));
  expect(getScreen()).toContain('Rationale one');
  events.type('!');
  events.keypress('enter');
  await expect(answer).resolves.toBe('one!');
});

it('an answer that fails its check stays on the line to be corrected', async () => {
  const { answer, events, getScreen } = await render(textPrompt, { message: 'Date', validate: (v: string) => (/^\d{4}-\d\d-\d\d$/.test(v) ? true : 'Write YYYY-MM-DD') });
  events.type('2025-3-1');
  events.keypress('enter');
  await new Promise((r) => setTimeout(r, 100));
  expect(getScreen()).toContain('Date 2025-3-1');
  expect(getScreen()).toContain('Write YYYY-MM-DD');
  events.keypress('end');
  for (let i = 0; i < 3; i++) events.keypress('backspace');
  events.type('03-01');
  events.keypress('enter');
  await expect(answer).resolves.toBe('2025-03-01');
});

it('an answer of several lines stays on screen as lines (not \\u000a), controls in it still shown escaped', async () => {
  const { answer, events, getScreen } = await render(textPrompt, { message: 'Evidence', multiline: true });
  events.type('Minutes, March 2025\rCTLP \u202e received\r');
  await expect(answer).resolves.toBe('Minutes, March 2025\nCTLP \u202e received');
  const screen = getScreen();
  expect(screen).toContain('Evidence Minutes, March 2025\nCTLP \\u202e received');
  expect(screen).not.toContain('\\u000a');
});

it('shows every character the seam shows (a right-to-left mark, a tag character) escaped, and a tab as typed', async () => {
  const { answer, events, getScreen } = await render(textPrompt, { message: 'Owner' });
  events.type('Jo\u200f Bloggs\u{e0041}\tPrevent');
  await new Promise((r) => setImmediate(r));
  expect(getScreen()).toContain('Owner Jo\\u200f Bloggs\\u{e0041}\tPrevent');
  events.keypress('enter');
  await expect(answer).resolves.toBe('Jo\u200f Bloggs\u{e0041}\tPrevent');
});
