// A real browser for the HTML report: Debian's Chromium driven by puppeteer-core (which
// downloads nothing). Every request the page makes, other than the report file itself, is
// blocked and recorded, so a test can assert that none was made. Under CI (CI=true) a missing
// Chromium is a failure: .ci/run installs it, and a browser test that skipped proves nothing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';

// CHROMIUM_PATH, when set, is the only place looked at (so a test of a missing browser can point elsewhere).
const CANDIDATES = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath = CANDIDATES.find((p) => existsSync(p));

/** Skip without Chromium on a developer's machine; never under CI. */
export const skipBrowser = !chromiumPath && process.env.CI !== 'true';

export async function launch(): Promise<Browser> {
  if (!chromiumPath) throw new Error(`Chromium not found (looked at ${CANDIDATES.join(', ')}); .ci/run installs it with apt-get install -y chromium`);
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    // As root (CI) Chromium refuses to start sandboxed; /dev/shm is small in containers.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--font-render-hinting=none'],
  });
}

export interface Opened {
  page: Page;
  /** Every request the page tried to make other than loading the file: each was refused. */
  blocked: string[];
  /** Messages of any alert, confirm or prompt the page raised (a script ran): each dismissed. */
  dialogs: string[];
}

/** Open a report file as a reader would (file://), with every other request blocked and recorded. */
export async function open(browser: Browser, file: string, viewport = { width: 1000, height: 800 }): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const url = pathToFileURL(file).href;
  const blocked: string[] = [];
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url() === url && req.isNavigationRequest()) void req.continue();
    else {
      blocked.push(req.url());
      void req.abort('blockedbyclient');
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, blocked, dialogs };
}

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** axe-core run in the page at WCAG 2.2 AA: the violations, each with where it is. */
export async function axe(page: Page): Promise<{ violations: AxeViolation[]; passes: number }> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags: string[]) => {
    const r = await (globalThis as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe.run('html', {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return {
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) })),
      passes: r.passes.length,
    };
  }, WCAG22_AA);
}
