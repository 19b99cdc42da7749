// Browser tests of the app shell: routes, navigation, language, footer,
// data-error handling, console errors, mobile overflow, axe, screenshots.
// Run: make build && node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, gotoAndWait, settle, expectText, checkAxe, formatViolations, screenshot,
  consoleErrors, DESKTOP, MOBILE,
} from './helpers.mjs';

// ---- The UI contract: every text the tests look for, in one place. ----
const UI = {
  id: {
    nav: 'Navigasi utama',
    navLinks: { '/': 'Beranda', '/mitra': 'Mitra', '/perjanjian': 'Perjanjian', '/simulasi': 'Simulasi', '/tentang': 'Tentang Data' },
    mitraH1: 'Cari Mitra',
    langButton: 'English', // the header button that switches to the other language
    synthetic: 'sintetis',
    notFound: 'tidak ditemukan', // any "... tidak ditemukan" heading
    partnerNotFound: 'Mitra tidak ditemukan',
    loading: 'Memuat',
  },
  en: { mitraH1: 'Find Partners', partnersLink: 'Partners', langButton: 'Bahasa Indonesia', synthetic: 'synthetic', loading: 'Loading' },
  // Data errors (tested on /tentang, which loads /api/v1/meta.json).
  dataError: 'Data tidak dapat dimuat',
  retry: 'Coba lagi',
  // What the alert must also say for each kind of failure (null: nothing more).
  errorKind: { http500: '500', timeout: 'waktu', invalid: 'JSON', shape: null, unreachable: null },
};

// Routes with a fixed Indonesian h1 (substring).
const ROUTES = [
  { path: '/', h1: 'Kemitraan', shot: 'beranda' },
  { path: '/mitra', h1: 'Cari Mitra', shot: 'mitra' },
  { path: '/perjanjian', h1: 'Perjanjian Kemitraan', shot: 'perjanjian' },
  { path: '/simulasi', h1: 'Simulasi Pertumbuhan Kontrak', shot: 'simulasi' },
  { path: '/tentang', h1: 'Tentang Data', shot: 'tentang' },
  { path: '/tidak-ada-halaman', h1: 'Halaman tidak ditemukan', shot: 'tidak-ada-halaman' },
];
const TIMEOUT = { timeout: 90_000 };

const app = useApp();
const h1 = (page) => page.locator('main h1');
const mainNav = (page) => page.getByRole('navigation', { name: UI.id.nav });

// First partner and agreement ids, from the same data the app reads.
async function detailRoutes() {
  const partners = await app.getJson('/api/v1/partners/page-1.json');
  const agreements = await app.getJson('/api/v1/agreements/page-1.json');
  assert.ok(partners.items?.[0]?.id, 'partners/page-1.json has no items[0].id');
  assert.ok(agreements.items?.[0]?.id, 'agreements/page-1.json has no items[0].id');
  return [
    { path: `/mitra/${encodeURIComponent(partners.items[0].id)}`, shot: 'mitra-detail' },
    { path: `/perjanjian/${encodeURIComponent(agreements.items[0].id)}`, shot: 'perjanjian-detail' },
  ];
}

// The checks every route gets: heading, title, no console error, axe,
// no horizontal scroll at 375 px, screenshots at both sizes.
async function checkRoute(route, checkHeading) {
  const page = await app.newPage(DESKTOP);
  await gotoAndWait(page, route.path);
  await settle(page);
  await checkHeading(page);
  const title = await page.title();
  assert.ok(title.trim(), `${route.path}: document title is empty`);
  const violations = await checkAxe(page);
  if (violations.length) console.log(`axe on ${route.path}:\n${formatViolations(violations)}`);
  assert.equal(violations.length, 0, `${route.path}: serious/critical axe violations:\n${formatViolations(violations)}`);
  await screenshot(page, `${route.shot}-1280x800`);
  assert.deepEqual(consoleErrors(page), [], `${route.path}: console errors at 1280 px`);

  const mobile = await app.newPage(MOBILE);
  await gotoAndWait(mobile, route.path);
  await settle(mobile);
  await checkHeading(mobile);
  const [scrollWidth, innerWidth] = await mobile.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scrollWidth <= innerWidth, `${route.path}: horizontal scroll at 375 px (scrollWidth ${scrollWidth} > ${innerWidth})`);
  await screenshot(mobile, `${route.shot}-375x740`);
  assert.deepEqual(consoleErrors(mobile), [], `${route.path}: console errors at 375 px`);
}

for (const route of ROUTES) {
  test(`route ${route.path}: heading, title, no console error, axe, no overflow at 375 px`, TIMEOUT, async () => {
    await checkRoute(route, async (page) => {
      const text = await expectText(h1(page), route.h1);
      if (route.h1 !== 'Halaman tidak ditemukan') {
        assert.ok(!text.includes(UI.id.notFound), `${route.path}: shows not-found heading "${text}"`);
      }
    });
  });
}

test('detail routes of the first partner and agreement show their record', TIMEOUT, async (t) => {
  for (const route of await detailRoutes()) {
    await t.test(route.path, async () => {
      await checkRoute(route, async (page) => {
        const text = (await h1(page).first().textContent()).trim();
        assert.ok(text, `${route.path}: empty h1`);
        for (const bad of [UI.id.notFound, UI.id.loading]) {
          assert.ok(!text.includes(bad), `${route.path}: h1 is "${text}"`);
        }
        assert.equal(await page.getByRole('alert').filter({ hasText: UI.dataError }).count(), 0, `${route.path}: data error shown`);
      });
    });
  }
});

test('unknown partner id shows "Mitra tidak ditemukan"', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra/TIDAK-ADA');
  await expectText(h1(page), UI.id.partnerNotFound);
  // Its 404 for the record is logged by the browser; only a crash counts here.
  assert.deepEqual(crashes(page), [], 'crash on unknown partner');
});

test('document titles differ per page', TIMEOUT, async () => {
  const page = await app.newPage();
  const titles = new Map();
  for (const route of ROUTES) {
    await gotoAndWait(page, route.path);
    await expectText(h1(page), route.h1);
    titles.set(route.path, await page.title());
  }
  assert.ok(titles.get('/mitra').includes(UI.id.mitraH1), `title of /mitra is "${titles.get('/mitra')}"`);
  const distinct = new Set(titles.values());
  assert.equal(distinct.size, titles.size, `titles repeat: ${JSON.stringify(Object.fromEntries(titles))}`);
});

for (const viewport of [DESKTOP, MOBILE]) {
  test(`header navigation reaches every route at ${viewport.width}x${viewport.height}`, TIMEOUT, async () => {
    const page = await app.newPage(viewport);
    await gotoAndWait(page, '/tidak-ada-halaman');
    // Visit each in turn, ending on Beranda so that every link is clicked.
    const order = ['/mitra', '/perjanjian', '/simulasi', '/tentang', '/'];
    for (const p of order) {
      const name = UI.id.navLinks[p];
      await mainNav(page).getByRole('link', { name, exact: true }).click();
      await expectText(h1(page), ROUTES.find((r) => r.path === p).h1);
      assert.equal(new URL(page.url()).pathname, p, `link "${name}" went to ${page.url()}`);
    }
  });
}

test('deep link survives a reload', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/simulasi');
  await page.reload();
  await expectText(h1(page), 'Simulasi Pertumbuhan Kontrak');
  // Also after client-side navigation, which only pushes the URL.
  await gotoAndWait(page, '/');
  await mainNav(page).getByRole('link', { name: UI.id.navLinks['/simulasi'], exact: true }).click();
  await expectText(h1(page), 'Simulasi Pertumbuhan Kontrak');
  await page.reload();
  await expectText(h1(page), 'Simulasi Pertumbuhan Kontrak');
});

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

test('language switch to English persists across reload and switches back', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  await expectText(h1(page), UI.id.mitraH1);
  assert.equal(await htmlLang(page), 'id');

  await page.locator('header').getByRole('button', { name: UI.id.langButton }).click();
  await expectText(h1(page), UI.en.mitraH1);
  assert.equal(await htmlLang(page), 'en');
  await expectText(page.locator('header'), UI.en.partnersLink);
  await page.locator('header').getByRole('link', { name: UI.en.partnersLink, exact: true }).waitFor();
  const stored = await page.evaluate(() => localStorage.getItem('kemitraan.lang'));
  assert.ok(stored && stored.includes('en'), `localStorage kemitraan.lang is ${JSON.stringify(stored)}`);

  await page.reload();
  await expectText(h1(page), UI.en.mitraH1);
  assert.equal(await htmlLang(page), 'en');

  await page.locator('header').getByRole('button', { name: UI.en.langButton }).click();
  await expectText(h1(page), UI.id.mitraH1);
  assert.equal(await htmlLang(page), 'id');
  await mainNav(page).getByRole('link', { name: UI.id.navLinks['/mitra'], exact: true }).waitFor();
  assert.deepEqual(crashes(page), []);
});

test('footer names the dataset, its as-of date, and that it is synthetic', TIMEOUT, async () => {
  const meta = await app.getJson('/api/v1/meta.json');
  assert.equal(meta.synthetic, true, 'meta.json: the sample dataset should say synthetic: true (update this test for real data)');
  const name = metaName(meta);
  const dates = dateForms(metaAsOf(meta));

  const page = await app.newPage();
  await gotoAndWait(page, '/');
  const footer = page.locator('footer');
  await expectText(footer, name);
  const text = await footer.first().textContent();
  assert.ok(dates.some((d) => text.includes(d)), `footer shows none of ${JSON.stringify(dates)}: "${text.trim()}"`);
  // The dataset's name may itself say "sintetis": the note must be more.
  const note = (t) => t.replace(name, '').toLowerCase();
  assert.ok(note(text).includes(UI.id.synthetic), `footer has no "${UI.id.synthetic}" besides the name: "${text.trim()}"`);

  await page.locator('header').getByRole('button', { name: UI.id.langButton }).click();
  await expectText(footer, UI.en.synthetic, { ignoreCase: true });
  assert.ok(note(await footer.first().textContent()).includes(UI.en.synthetic), 'English footer has no "synthetic" note');
});

// ---- Data errors on /tentang ----
const ERROR_CASES = [
  { name: 'HTTP 500', fault: '500', expect: UI.errorKind.http500 },
  { name: 'invalid JSON', fault: 'invalid', expect: UI.errorKind.invalid },
  { name: 'unexpected JSON shape', fault: 'shape', expect: UI.errorKind.shape },
  {
    name: 'timeout', fault: 'hang', config: { api_base: '/api/v1/', timeout_ms: 1500 },
    expect: UI.errorKind.timeout, notBeforeMs: 1400,
  },
  // The app keeps this config after load, so a retry cannot succeed: it
  // must show the alert again rather than recover.
  {
    name: 'unreachable API', config: { api_base: 'http://127.0.0.1:9/api/v1/', timeout_ms: 3000 },
    // Retry reads config.json again, so repairing it recovers without a reload.
    expect: UI.errorKind.unreachable, repairConfig: true,
  },
];

for (const c of ERROR_CASES) {
  test(`/tentang shows a retryable alert on ${c.name}`, TIMEOUT, async () => {
    const meta = await app.getJson('/api/v1/meta.json'); // before the fault
    if (c.config) await app.setConfig(c.config);
    if (c.fault) await app.setFault(c.fault);

    const page = await app.newPage();
    const started = Date.now();
    await page.goto('/tentang');
    const alert = page.getByRole('alert').filter({ hasText: UI.dataError });
    await alert.first().waitFor({ state: 'visible' });
    const elapsed = Date.now() - started;
    if (c.notBeforeMs) assert.ok(elapsed >= c.notBeforeMs, `alert after ${elapsed} ms, before the ${c.config.timeout_ms} ms timeout`);
    if (c.expect) await expectText(alert, c.expect);
    const retry = page.getByRole('button', { name: UI.retry });
    await retry.first().waitFor({ state: 'visible' });

    await app.setFault('none');
    if (c.repairConfig) await app.reset();
    await retry.first().click();
    if (c.recovers === false) {
      await alert.first().waitFor({ state: 'visible' });
    } else {
      await expectText(page.locator('main'), metaName(meta));
      await alert.first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
      assert.equal(await alert.count(), 0, 'alert still shown after a successful retry');
    }
    // Failed requests log console errors; a Rust panic must not happen.
    assert.deepEqual(crashes(page), [], 'crash while handling the error');
  });
}

// ---- helpers specific to this file ----

// Page errors and Rust panics (console_error_panic_hook logs "panicked at").
function crashes(page) {
  return consoleErrors(page).filter((e) => e.startsWith('pageerror') || e.includes('panicked'));
}

// meta.json field names are the app's choice; accept the usual spellings.
function metaField(meta, keys, what) {
  for (const obj of [meta, meta.dataset]) {
    if (!obj || typeof obj !== 'object') continue;
    for (const k of keys) if (typeof obj[k] === 'string' && obj[k]) return obj[k];
  }
  if (typeof meta.dataset === 'string' && what === 'name') return meta.dataset;
  assert.fail(`meta.json: no ${what} (looked for ${keys.join(', ')}); keys: ${Object.keys(meta).join(', ')}`);
}
const metaName = (meta) => metaField(meta, ['dataset_name', 'name', 'title'], 'name');
const metaAsOf = (meta) => metaField(meta, ['as_of', 'asOf', 'as_of_date', 'updated', 'generated_at'], 'as-of date');

// The ways a footer may write an ISO date: as is, 30 Juni 2025, 30/06/2025,
// 30 June 2025, June 30, 2025.
function dateForms(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  assert.ok(m, `as-of date is not ISO: ${iso}`);
  const [, y, mm, dd] = m;
  const d = String(Number(dd));
  const ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
  const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const i = Number(mm) - 1;
  return [`${y}-${mm}-${dd}`, `${d} ${ID[i]} ${y}`, `${dd} ${ID[i]} ${y}`, `${dd}/${mm}/${y}`, `${d} ${EN[i]} ${y}`, `${EN[i]} ${d}, ${y}`];
}

test('after an outage, Retry also brings back the dataset notice and footer', TIMEOUT, async () => {
  await app.setFault('500');
  const page = await app.newPage();
  await page.goto('/perjanjian');
  const alert = page.getByRole('alert').filter({ hasText: UI.dataError });
  await alert.first().waitFor({ state: 'visible' });
  await expectText(page.locator('footer'), 'tidak tersedia');
  assert.equal(await page.locator('.synthetic-notice').count(), 0);
  await app.setFault('none');
  await page.getByRole('button', { name: UI.retry }).first().click();
  await expectText(page.locator('.totals-count'), 'perjanjian');
  await expectText(page.locator('.synthetic-notice'), 'sintetis');
  await expectText(page.locator('footer'), 'sintetis');
});

// A Rust panic ends in a wasm trap (the release build aborts with no
// message): index.html's notice must turn it into a bilingual alert with a
// reload link, once, in the reader's language first. tests/panic_hook.rs
// checks a real panic arrives as this event; here the trap is thrown as the
// browser delivers it, from a task (an event handler) and from a promise (a
// future of the app).
test('an app that stopped (a wasm trap) shows a notice with a reload link', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  // Resolves once both errors have been reported (a later task).
  const trap = () => page.evaluate(() => new Promise((done) => {
    Promise.reject(new WebAssembly.RuntimeError('unreachable'));
    setTimeout(() => { setTimeout(done, 100); throw new WebAssembly.RuntimeError('unreachable'); });
  }));
  const notice = page.locator('#panic-notice');
  // Other errors are not a stopped app.
  await page.evaluate(() => new Promise((done) => {
    setTimeout(() => { setTimeout(done, 100); throw new TypeError('not a trap'); });
  }));
  assert.equal(await notice.count(), 0, 'a plain script error showed the notice');

  await trap();
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.equal(await notice.count(), 1);
  const blocks = await notice.locator('p').evaluateAll((ps) => ps.map((p) => [p.lang, p.textContent]));
  assert.deepEqual(blocks.map(([lang]) => lang), ['id', 'en'], 'Indonesian first');
  assert.match(blocks[0][1], /aplikasi mengalami galat.*Muat ulang halaman/);
  assert.match(blocks[1][1], /Sorry, the app hit an error.*Reload the page/);
  const here = page.url();
  for (const lang of ['id', 'en']) {
    assert.equal(await notice.locator(`p[lang=${lang}] a`).getAttribute('href'), here);
  }
  assert.ok(await notice.evaluate((n) => document.activeElement === n), 'the notice has the focus');
  await trap();
  assert.equal(await notice.count(), 1, 'a second trap added a second notice');
});
