// The language dutykit speaks on the terminal: the first of the command's --lang, once it is
// read. main.ts says a problem or an error in it; before --lang is read, or for a command
// without it, English.
import type { Messages } from '../i18n/catalogue.js';

let current: Messages | undefined;

export const speakIn = (m: Messages): void => void (current = m);

export const speaking = (): Messages | undefined => current;
