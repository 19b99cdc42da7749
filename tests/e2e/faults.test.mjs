// The fault matrix: every data page under every way the backend can fail.
// For each (page, fault): the page says what went wrong in the user's
// language, nothing panics, the shell (header, navigation, footer) and any
// part that did load stay on screen, and Retry recovers once the backend
// does. Written against what the user sees (alert text, Retry button), not
// how the pages load.
//
// Faults come from scripts/serve.mjs --test-controls. The matrix is written
// to tests/artifacts/fault-matrix.json (and printed) for the record.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, consoleErrors, expectText, ARTIFACTS } from './helpers.mjs';

const app = useApp();
const TIMEOUT = { timeout: 30_000 };

const UI = {
  id: { error: 'Data tidak dapat dimuat', retry: 'Coba lagi', lang: 'id' },
  en: { error: 'Could not load the data', retry: 'Retry', lang: 'en' },
};

// Short client timeout for the slow fault; the server answers later.
const SHORT = { api_base: '/api/v1/', timeout_ms: 1000 };

// What the alert must also say (besides the generic title), per language.
const FAULTS = [
  // Only the files the page lists from (its `list`) answer 404.
  { key: '404-list', name: 'HTTP 404 on a list file', mode: '404', expect: { id: '404', en: '404' }, listsOnly: true },
  { key: '500', name: 'HTTP 500', mode: '500', expect: { id: '500', en: '500' } },
  // The server said when to come back: the message passes it on.
  { key: '503', name: 'HTTP 503 with Retry-After', mode: '503', retry_after: 2, expect: { id: 'Coba lagi dalam 2 detik', en: 'Try again in 2 seconds' } },
  { key: 'invalid', name: 'invalid JSON', mode: 'invalid', expect: { id: 'JSON', en: 'JSON' } },
  { key: 'shape', name: 'JSON of the wrong shape', mode: 'shape', expect: { id: 'format', en: 'format' } },
  { key: 'truncated', name: 'truncated body', mode: 'truncated', expect: { id: null, en: null } },
  { key: 'slow', name: 'slower than the timeout', mode: 'slow', delay: 2500, config: SHORT, expect: { id: 'waktu', en: 'seconds' } },
];

// `list`: the files the page lists from (a path part: the agreement
// aggregates and their shards, the partner search's shards), or null when it
// reads none.
// `ready`: what shows once its data has loaded. `kept`: a part that loads
// from other files and must stay when only the lists fail.
async function pages() {
  const partners = await app.getJson('/api/v1/partners/page-1.json');
  const agreements = await app.getJson('/api/v1/agreements/page-1.json');
  const p = partners.items[0];
  const a = agreements.items[0];
  return [
    // The home page's figures come from summary.json; its event table from
    // the agreement aggregates (figures.json).
    { path: '/', list: '/aggregates/', ready: (pg) => pg.locator('.compare-table').first(), kept: '.figures' },
    // The search index is a text format, not JSON: a body of broken JSON is
    // "not the expected format" there.
    { path: '/mitra', list: '/search/', ready: (pg) => pg.locator('.result-count').first(), expect: { invalid: { id: 'format', en: 'format' } } },
    { path: `/mitra/${p.id}`, list: null, ready: (pg) => pg.locator('main h1', { hasText: p.name }).first() },
    { path: '/perjanjian', list: '/aggregates/', ready: (pg) => pg.locator('.totals-count').first() },
    { path: `/perjanjian/${a.id}`, list: null, ready: (pg) => pg.locator('main', { hasText: a.umkm.name }).first() },
    { path: '/tentang', list: null, ready: (pg) => pg.locator('.dataset-name').first() },
    { path: '/presentasi', list: '/aggregates/', ready: (pg) => pg.locator('.slide-body').first(), shell: '.slide-controls' },
  ];
}

const matrix = {};
after(() => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'fault-matrix.json'), JSON.stringify(matrix, null, 2));
  const rows = Object.entries(matrix).map(([page, r]) => `${page.padEnd(22)} ${FAULTS.map((f) => (r[f.key] ?? '-').padEnd(10)).join(' ')}`);
  console.log(`fault matrix\n${''.padEnd(22)} ${FAULTS.map((f) => f.key.padEnd(10)).join(' ')}\n${rows.join('\n')}`);
});

// Page errors, Rust panics (console_error_panic_hook logs "panicked at"),
// wasm traps, CSP violations.
function crashes(page) {
  return consoleErrors(page).filter((e) =>
    e.startsWith('pageerror') || /panicked|RuntimeError|unreachable|Content Security Policy/.test(e));
}

async function setFault(f) {
  if (f.config) await app.setConfig(f.config);
  const q = new URLSearchParams({ mode: f.mode });
  if (f.path) q.set('path', f.path);
  if (f.delay) q.set('delay', String(f.delay));
  if (f.retry_after !== undefined) q.set('retry_after', String(f.retry_after));
  const res = await fetch(app.url(`/__test/fault?${q}`), { method: 'POST' });
  assert.equal(res.status, 200, await res.text());
}

async function openIn(lang, p) {
  const page = await app.newPage();
  if (lang === 'en') await page.addInitScript(() => localStorage.setItem('kemitraan.lang', 'en'));
  await page.goto(p);
  return page;
}

async function runCase(pg, f, lang) {
  const ui = UI[lang];
  await setFault(f.listsOnly ? { ...f, path: pg.list ?? '/page-' } : f);
  const page = await openIn(lang, pg.path);
  const alert = page.getByRole('alert').filter({ hasText: ui.error });
  const affected = !(f.listsOnly && !pg.list);

  if (!affected) {
    // This page reads no list file: it must load as usual.
    await pg.ready(page).waitFor({ state: 'visible' });
    assert.equal(await alert.count(), 0, `${pg.path}: alert although it reads no list file`);
    assert.deepEqual(crashes(page), []);
    return 'unaffected';
  }

  await alert.first().waitFor({ state: 'visible' });
  const expected = pg.expect?.[f.key]?.[lang] ?? f.expect[lang];
  if (expected) await expectText(alert, expected);
  // The user's language: the alert is not in the other one.
  const other = UI[lang === 'id' ? 'en' : 'id'].error;
  assert.ok(!(await alert.first().textContent()).includes(other), 'alert in the wrong language');
  // The shell stays, and what loaded from other files stays.
  await page.locator(pg.shell ?? 'header nav').first().waitFor({ state: 'visible' });
  if (!pg.shell) await page.locator('footer').first().waitFor({ state: 'attached' });
  if (f.listsOnly && pg.kept) await page.locator(pg.kept).first().waitFor({ state: 'visible' });
  assert.deepEqual(crashes(page), [], `${pg.path}: crash while showing the error`);

  // The backend recovers; Retry (every one shown) brings the page back.
  await app.reset();
  const retry = page.getByRole('button', { name: ui.retry });
  const n = await retry.count();
  assert.ok(n >= 1, 'no Retry button');
  for (let i = n - 1; i >= 0; i--) await retry.nth(i).click();
  await pg.ready(page).waitFor({ state: 'visible' });
  await alert.first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  assert.equal(await alert.count(), 0, `${pg.path}: alert still shown after Retry`);
  assert.deepEqual(crashes(page), [], `${pg.path}: crash after Retry`);
  return 'ok';
}

// The ids need the server, which starts in before(): resolved on first use.
let pageList = null;
async function getPages() {
  pageList ??= await pages();
  return pageList;
}

const PATHS = ['/', '/mitra', '/mitra/:id', '/perjanjian', '/perjanjian/:id', '/tentang', '/presentasi'];
PATHS.forEach((label, i) => {
  for (const f of FAULTS) {
    test(`${label}: ${f.name} -> message, no panic, Retry recovers`, TIMEOUT, async () => {
      const pg = (await getPages())[i];
      matrix[label] ??= {};
      matrix[label][f.key] = 'FAIL';
      matrix[label][f.key] = await runCase(pg, f, 'id');
    });
  }
});

// The same in English, on the page that reads only metadata and on a list page.
for (const i of [1, 5]) {
  for (const f of FAULTS) {
    test(`English ${PATHS[i]}: ${f.name} -> English message, Retry recovers`, TIMEOUT, async () => {
      const pg = (await getPages())[i];
      await runCase(pg, f, 'en');
    });
  }
}

test('a 503 carries Retry-After, and a fault limited by count recovers by itself', TIMEOUT, async () => {
  await setFault({ mode: '503', retry_after: 7 });
  const res = await fetch(app.url('/api/v1/meta.json'));
  assert.equal(res.status, 503);
  assert.equal(res.headers.get('retry-after'), '7');
  const r = await fetch(app.url('/__test/fault?mode=500&count=1&path=/meta.json'), { method: 'POST' });
  assert.equal(r.status, 200);
  assert.equal((await fetch(app.url('/api/v1/summary.json'))).status, 200, 'path-limited fault hit another path');
  assert.equal((await fetch(app.url('/api/v1/meta.json'))).status, 500);
  assert.equal((await fetch(app.url('/api/v1/meta.json'))).status, 200, 'count-limited fault did not end');
});
