// Ctrl-C between prompts, closing the terminal (SIGHUP) and SIGTERM all stop `assess` as Ctrl-C
// at a prompt does: the prompt on screen (and any later one) is stopped, and the caller saves
// what was given, removes the lock and says how to resume. The exit code is 128 + the signal's
// number, as a shell reports a process a signal ended (130, 129, 143).
import { constants } from 'node:os';
import { resumePrompts, stopPrompts } from '../prompts.js';

const SIGNALS = ['SIGINT', 'SIGHUP', 'SIGTERM'] as const;
type StopSignal = (typeof SIGNALS)[number];
const WHY: Record<StopSignal, string> = { SIGINT: '', SIGHUP: ' (the terminal was closed)', SIGTERM: ' (SIGTERM)' };

export interface StopSignals {
  /** The signal that stopped the session, if one did. */
  readonly signal: StopSignal | undefined;
  /** "Stopped" and why, for the stop message. */
  readonly why: string;
  readonly exitCode: number;
  dispose(): void;
}

/**
 * Listen for the signals that stop a session. `last` runs only if nothing was waiting on a
 * prompt to carry the stop through within a few seconds: everything confirmed is on disk by
 * then, so it says how to resume, removes the lock and exits.
 */
export function listenForStop(last: (s: StopSignals) => void): StopSignals {
  let got: StopSignal | undefined;
  const handler = (sig: StopSignal) => {
    if (got) return;
    got = sig;
    // With the terminal gone, writing to it fails: the message is lost, the work is not.
    if (sig === 'SIGHUP') process.stderr.on('error', () => undefined);
    stopPrompts();
    setTimeout(() => last(state), 3000).unref();
  };
  const state: StopSignals = {
    get signal() {
      return got;
    },
    get why() {
      return got ? WHY[got] : '';
    },
    get exitCode() {
      return 128 + (got ? constants.signals[got] : constants.signals.SIGINT);
    },
    dispose() {
      for (const s of SIGNALS) process.off(s, handler);
      resumePrompts();
    },
  };
  for (const s of SIGNALS) process.on(s, handler);
  // A closed terminal also ends stdin, often before SIGHUP comes. readline then resets the
  // terminal mode as it closes, which fails with EIO; readline passes that on as an 'error' on
  // its interface, which nothing can listen to (inquirer makes it), and the process ended
  // before anything was said or the lock removed. So the end of stdin is taken as the hang-up
  // it is, before readline sees it, and from then on the mode of a terminal that has gone is
  // left alone.
  const stdin = process.stdin as NodeJS.ReadStream;
  const setRawMode = stdin.setRawMode;
  let gone = false;
  const hangUp = () => {
    gone = true;
    handler('SIGHUP');
  };
  if (setRawMode) {
    stdin.setRawMode = function (mode: boolean) {
      return gone ? this : setRawMode.call(this, mode);
    };
  }
  stdin.prependListener('end', hangUp);
  const dispose = state.dispose;
  state.dispose = () => {
    dispose();
    if (setRawMode) stdin.setRawMode = setRawMode;
    stdin.off('end', hangUp);
  };
  return state;
}
