// For a look at the file system (stat, realpath, home folder) whose failure only means "not
// there" or "not known" to the caller: one shape instead of a try/catch around each.

/** What `f` returns, or undefined if it throws. */
export function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
