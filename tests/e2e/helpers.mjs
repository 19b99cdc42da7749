// Shared setup for the browser tests (node --test + playwright-core).
//
// useApp() registers hooks that start scripts/serve.mjs on a free port with
// --test-controls and launch Debian's Chromium (never a downloaded browser:
// this machine is offline, see shared/toolchain.md). Everything talks to
// 127.0.0.1 only.
import { before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// E2E_DIST lets the suite run against another build (e.g. a mock app).
export const DIST = path.resolve(ROOT, process.env.E2E_DIST || 'dist');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  // Without these Chromium keeps calling hosts this offline machine cannot reach.
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 375, height: 740 };

// Start the static server; resolves with its base URL (no trailing slash).
export function startServer(dir = DIST, extraArgs = []) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), '--dir', dir, '--port', '0', '--test-controls', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the test process dies without after(), do not leave the server behind.
  const killChild = () => child.kill('SIGTERM');
  process.once('exit', killChild);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start in 10 s; stderr: ${stderr}`)), 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving .* on (http:\/\/\S+?)\/?\s/);
      if (m) {
        clearTimeout(timer);
        resolve({
          base: m[1],
          stop: () => new Promise((r) => {
            process.removeListener('exit', killChild);
            if (child.exitCode !== null) return r();
            child.once('exit', r);
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with ${code}: ${stderr}`));
    });
  });
}

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/setup.sh (apt-get install chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

const pageErrors = new WeakMap();
/** Console messages of type error and uncaught page errors seen by `page`. */
export const consoleErrors = (page) => pageErrors.get(page) ?? [];

/**
 * Registers before/after hooks and returns the handle the tests use.
 * Fails every test with "dist/ missing: run make build first" when there is
 * no build to test.
 */
export function useApp({ data = null, prepare = null } = {}) {
  const app = { base: null, browser: null, server: null, contexts: new Set() };

  before(async () => {
    if (!fs.existsSync(path.join(DIST, 'index.html'))) {
      const msg = `dist/ missing: run make build first (no ${path.join(DIST, 'index.html')})`;
      console.error(msg);
      throw new Error(msg);
    }
    // `prepare` makes the dataset (e.g. generates it) before the server starts.
    const dataDir = prepare ? await prepare() : data;
    app.server = await startServer(DIST, dataDir ? ['--data', dataDir] : []);
    app.base = app.server.base;
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  // Each test starts with a well-behaved backend...
  beforeEach(async () => {
    if (app.base) await app.reset();
  });
  // ...and leaves no page open (a hung request must not outlive its test).
  afterEach(async () => {
    for (const c of app.contexts) await c.close().catch(() => {});
    app.contexts.clear();
  });

  app.url = (p) => new URL(p, app.base + '/').href;

  /** A fresh context (fresh localStorage) and page; axe needs this pairing. */
  app.newPage = async (viewport = DESKTOP) => {
    // en-US on purpose: the app must start in Indonesian whatever the browser
    // says, until the user picks English.
    const context = await app.browser.newContext({
      baseURL: app.base, viewport, locale: 'en-US', timezoneId: 'Asia/Jakarta',
    });
    context.setDefaultTimeout(10_000);
    app.contexts.add(context);
    const page = await context.newPage();
    const errors = [];
    pageErrors.set(page, errors);
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const loc = msg.location();
        errors.push(`console.error: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
      }
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    return page;
  };

  async function control(what, init = {}) {
    const res = await fetch(app.url(`/__test/${what}`), { method: 'POST', ...init });
    assert.equal(res.status, 200, `POST /__test/${what}: ${await res.text()}`);
  }
  /** Makes /api/ misbehave; with `match`, only paths containing it. */
  app.setFault = (mode, match = '') =>
    control(`fault?mode=${encodeURIComponent(mode)}&match=${encodeURIComponent(match)}`);
  app.setConfig = (obj) => control('config', { body: JSON.stringify(obj), headers: { 'content-type': 'application/json' } });
  app.reset = () => control('reset');
  /** Reads a JSON file through the server (e.g. /api/v1/meta.json). */
  app.getJson = async (p) => {
    const res = await fetch(app.url(p));
    assert.equal(res.status, 200, `GET ${p}`);
    return res.json();
  };
  return app;
}

/**
 * Navigate and wait until the app has mounted (a visible `h1` in the app's
 * `main#main`; the static first paint's is `main#boot-main`).
 */
export async function gotoAndWait(page, p) {
  await page.goto(p);
  await page.locator('main#main h1').first().waitFor({ state: 'visible' });
}

/** Wait for data requests to finish (best effort: a hung request never does). */
export async function settle(page, timeout = 5_000) {
  await page.waitForLoadState('networkidle', { timeout }).catch(() => {});
}

/**
 * Polls until the locator's text contains `expected`; fails with the text it
 * had (Playwright's own expect() lives in @playwright/test, not used here).
 */
export async function expectText(locator, expected, { timeout = 10_000, not = false, ignoreCase = false } = {}) {
  const deadline = Date.now() + timeout;
  const fold = (s) => (ignoreCase ? s.toLowerCase() : s);
  let text = '';
  for (;;) {
    text = (await locator.first().textContent({ timeout: 1_000 }).catch(() => null)) ?? '<no element>';
    if (fold(text).includes(fold(expected)) !== not) return text;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`expected ${locator} to ${not ? 'not ' : ''}contain ${JSON.stringify(expected)}, got ${JSON.stringify(text.trim())}`);
}

/** Polls a function in the page until it returns something truthy; returns it. */
export async function waitForValue(page, fn, arg, timeout = 10_000) {
  const handle = await page.waitForFunction(fn, arg, { timeout });
  return handle.jsonValue();
}

/** axe-core violations of impact serious or critical. */
export async function checkAxe(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function formatViolations(violations) {
  return violations
    .map((v) => `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n'))
    .join('\n');
}

/** Full-page screenshot into tests/artifacts/NAME.png (gitignored). */
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
