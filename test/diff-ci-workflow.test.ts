// docs/dutykit-diff.yml must parse, and every dutykit command and option it runs must exist.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './diff-helpers.js';

const text = readFileSync(join(ROOT, 'docs/dutykit-diff.yml'), 'utf8');
const workflow = parse(text) as { on: unknown; jobs: Record<string, { steps: { run?: string; uses?: string }[] }> };
const help = (...args: string[]) => spawnSync(process.execPath, ['bin/dutykit.js', ...args, '--help'], { cwd: ROOT, encoding: 'utf8' }).stdout;

/** Each `dutykit <command> ...` in the workflow's shell, with the options it passes. */
function invocations(): { command: string; options: string[] }[] {
  const scripts = Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));
  const lines = scripts.join('\n').replace(/\\\n/g, ' ').split('\n').filter((l) => !l.trim().startsWith('#'));
  return lines.flatMap((l) => [...l.matchAll(/\bdutykit\s+([a-z][a-z-]*)([^|;&\n]*)/g)].map((m) => ({ command: m[1]!, options: [...m[2]!.matchAll(/(?:^|\s)(--[a-z-]+)/g)].map((o) => o[1]!) })));
}

describe('the CI workflow in docs', () => {
  it('parses, runs on pull requests and writes to the step summary', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(text).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(Object.values(workflow.jobs)[0]!.steps.map((s) => s.uses ?? 'run')).toContain('actions/checkout@v4');
  });

  it('runs diff with Markdown output and fails on a decline', () => {
    expect(invocations()).toContainEqual({ command: 'diff', options: ['--format', '--fail-on'] });
    expect(text).toMatch(/dutykit diff "\$previous" "\$file" --format md --fail-on decline/);
  });

  it('runs only commands and options the CLI has', () => {
    const runs = invocations();
    expect(runs.map((r) => r.command)).toEqual(['validate', 'trend', 'diff']);
    const commands = [...help().matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]);
    for (const { command, options } of runs) {
      expect(commands).toContain(command);
      const own = help(command);
      for (const o of options) expect(own, `${command} ${o}`).toContain(o);
    }
  });

  it('is the same workflow docs/ci.md shows', () => {
    expect(readFileSync(join(ROOT, 'docs/ci.md'), 'utf8')).toContain('```yaml\n' + text + '```');
  });
});
