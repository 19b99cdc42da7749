// The Content Security Policy (scripts/csp.mjs, run by trunk after each
// build) and the security headers of scripts/serve.mjs: no page, and no
// export, does anything the policy forbids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, consoleErrors, DIST, settle } from './helpers.mjs';

const app = useApp();
const TIMEOUT = { timeout: 60_000 };

function policyOf(html) {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
  assert.ok(m, 'dist/index.html has no Content-Security-Policy meta tag');
  return Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

test('the policy allows no inline or eval script, only wasm compilation', () => {
  const p = policyOf(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) {
    assert.ok(!p['script-src'].includes(bad), `script-src has ${bad}: ${p['script-src']}`);
  }
  assert.ok(p['script-src'].includes("'wasm-unsafe-eval'"));
  assert.ok(!p['style-src'].includes("'unsafe-inline'"), `style-src: ${p['style-src']}`);
  assert.deepEqual(p['object-src'], ["'none'"]);
  assert.deepEqual(p['default-src'], ["'self'"]);
  // The meta tag comes before any script, or it would not cover them.
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.ok(html.indexOf('Content-Security-Policy') < html.search(/<script/i), 'CSP meta after a script');
});

test('serve.mjs sends the policy and the security headers', async () => {
  for (const p of ['/', '/mitra', '/api/v1/meta.json']) {
    const res = await fetch(app.url(p));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', p);
    assert.equal(res.headers.get('referrer-policy'), 'same-origin', p);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, p);
    assert.match(csp, /frame-ancestors 'none'/, p);
  }
});

async function detailPaths() {
  const partners = await app.getJson('/api/v1/partners/page-1.json');
  const agreements = await app.getJson('/api/v1/agreements/page-1.json');
  return [`/mitra/${partners.items[0].id}`, `/perjanjian/${agreements.items[0].id}`];
}

// Collects violations from the moment the page starts.
async function watched() {
  const page = await app.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample || ''}`);
    });
  });
  return page;
}

async function violations(page) {
  const seen = await page.evaluate(() => window.__csp);
  const logged = consoleErrors(page).filter((e) => /Content Security Policy|Refused to/.test(e));
  return [...seen, ...logged];
}

test('no page breaks the policy', TIMEOUT, async () => {
  const routes = ['/', '/mitra', '/mitra?q=a&jenis=pma', '/perjanjian', '/simulasi', '/tentang',
    '/presentasi', '/presentasi/3', '/halaman-tidak-ada', ...(await detailPaths())];
  const page = await watched();
  for (const r of routes) {
    await page.goto(r);
    await page.locator('h1').first().waitFor({ state: 'visible' });
    await settle(page);
    assert.deepEqual(await violations(page), [], `CSP violation on ${r}`);
  }
  // The app ran: a wasm-rendered heading, not the static page.
  assert.ok(await page.evaluate(() => typeof window.wasmBindings === 'object'), 'the wasm app did not start');
});

test('exports (CSV, OCDS JSON, SVG, PNG) break no policy', TIMEOUT, async () => {
  const page = await watched();
  const click = async (name) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name, exact: true }).first().click(),
    ]);
    return download.suggestedFilename();
  };
  await page.goto('/simulasi');
  await page.locator('h1').first().waitFor();
  await settle(page);
  assert.match(await click('Unduh tabel (CSV)'), /\.csv$/);
  assert.match(await click('Unduh grafik (SVG)'), /\.svg$/);
  assert.match(await click('Unduh grafik (PNG)'), /\.png$/);
  await page.goto('/perjanjian');
  await page.locator('.totals-count').first().waitFor();
  assert.match(await click('Unduh CSV'), /\.csv$/);
  assert.match(await click('Unduh JSON (OCDS)'), /\.json$/);
  assert.deepEqual(await violations(page), []);
});
