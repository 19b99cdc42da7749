// The first load on a phone (issue 10): the static first paint of each
// route (scripts/prerender.mjs) shows the frame, the page's heading and a
// loading line before any wasm runs, matches what the app then draws, and
// nothing moves while the app and its data arrive (layout shift measured by
// a PerformanceObserver, as Lighthouse's CLS does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, DESKTOP, MOBILE, consoleErrors } from './helpers.mjs';

const TIMEOUT = { timeout: 120_000 };
const app = useApp();

// Route -> what shows the page's data has arrived.
const ROUTES = {
  '/': '.figures',
  '/mitra': '#hasil',
  '/perjanjian': '.totals-count',
  '/simulasi': '.sim-table',
  '/tentang': '.facts',
};
const CLS_LIMIT = 0.05;

/** A page whose layout shifts are summed from the first paint on. */
async function observedPage(viewport, { js = true } = {}) {
  const page = await app.newPage(viewport);
  if (!js) {
    // A context without JavaScript: what a phone shows before the wasm runs.
    await page.context().close();
    const context = await app.browser.newContext({ baseURL: app.base, viewport, javaScriptEnabled: false });
    app.contexts.add(context);
    return context.newPage();
  }
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shifts.push({
          value: e.value,
          sources: (e.sources || []).map((s) => {
            const n = s.node;
            const desc = n ? `${n.nodeName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.className && typeof n.className === 'string' ? '.' + n.className.split(' ').join('.') : ''}` : '?';
            return `${desc} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`;
          }),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return page;
}

async function shiftsAfterLoad(page, route) {
  await page.goto(route);
  await page.locator(ROUTES[route]).first().waitFor({ state: 'visible', timeout: 20_000 });
  // Two animation frames: shifts of the last render are reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => window.__shifts);
}

for (const [name, viewport] of [['desktop', DESKTOP], ['phone', MOBILE]]) {
  test(`no layout shift while the app and its data load (${name})`, TIMEOUT, async () => {
    const report = [];
    for (const route of Object.keys(ROUTES)) {
      const page = await observedPage(viewport);
      const shifts = await shiftsAfterLoad(page, route);
      const cls = shifts.reduce((a, s) => a + s.value, 0);
      report.push({ route, cls, shifts });
      assert.deepEqual(consoleErrors(page), [], `${route}: console errors`);
      await page.context().close();
    }
    const bad = report.filter((r) => r.cls > CLS_LIMIT);
    assert.deepEqual(
      bad.map((r) => `${r.route}: CLS ${r.cls.toFixed(3)}; ${r.shifts.map((s) => `${s.value.toFixed(3)} [${s.sources.join('; ')}]`).join(' | ')}`),
      [],
      `layout shift above ${CLS_LIMIT}`,
    );
  });
}

test('before the wasm runs, every route shows the frame, its heading and a loading line', TIMEOUT, async () => {
  for (const route of Object.keys(ROUTES)) {
    const page = await observedPage(MOBILE, { js: false });
    const res = await page.goto(route);
    assert.equal(res.status(), 200, route);
    const boot = page.locator('#boot');
    assert.equal(await boot.locator('.site-header nav a').count(), 5, `${route}: nav links`);
    assert.match(await boot.locator('.dataset-band').textContent(), /Memuat keterangan data/, `${route}: band`);
    assert.match(await boot.locator('main .loading').textContent(), /Memuat aplikasi/, `${route}: loading line`);
    assert.equal(await boot.locator('main h1').count(), 1, `${route}: heading`);
    if (route !== '/') {
      assert.equal(await boot.locator(`nav a[href="${route}"]`).getAttribute('aria-current'), 'page', `${route}: current link`);
    }
    await page.context().close();
  }
});

test('the static text and title are the ones the app draws', TIMEOUT, async () => {
  const TEXT = 'h1, h2, p.lead, p.muted';
  const texts = (page, root) => page.locator(`${root} :is(${TEXT})`).evaluateAll(
    // innerText: what is shown (the static paint holds both languages).
    (els) => els.map((e) => `${e.tagName.toLowerCase()}: ${e.innerText.trim()}`),
  );
  for (const route of Object.keys(ROUTES)) {
    const still = await observedPage(DESKTOP, { js: false });
    await still.goto(route);
    const staticTexts = await texts(still, '#boot main');
    const staticTitle = await still.title();
    await still.context().close();
    assert.ok(staticTexts.some((t) => t.startsWith('h1: ')), `${route}: static heading`);

    const live = await app.newPage(DESKTOP);
    await live.goto(route);
    await live.locator('main#main h1').waitFor({ state: 'visible' });
    assert.equal(await live.locator('#boot').count(), 0, `${route}: the static shell is removed`);
    const liveTexts = await texts(live, 'main#main');
    for (const t of staticTexts) assert.ok(liveTexts.includes(t), `${route}: the app does not show the static "${t}"`);
    await live.waitForFunction((t) => document.title === t, staticTitle);
    await live.context().close();
  }
});

test('an English reader\'s static paint is English, and is what the app then draws', TIMEOUT, async () => {
  const TEXT = 'h1, h2, p.lead, p.muted';
  const shown = (page, main, header) => page.locator(`${main} :is(${TEXT}), ${header} nav a`).evaluateAll(
    (els) => els.map((e) => `${e.tagName.toLowerCase()}: ${e.innerText.trim()}`),
  );
  for (const route of Object.keys(ROUTES)) {
    // The wasm never arrives: the static paint stays, as on a slow network.
    const still = await app.newPage(DESKTOP);
    await still.addInitScript(() => localStorage.setItem('kemitraan.lang', 'en'));
    await still.route(/_bg\.wasm$/, (r) => r.abort());
    await still.goto(route);
    assert.equal(await still.evaluate(() => document.documentElement.lang), 'en', `${route}: <html lang>`);
    const staticTexts = await shown(still, '#boot main', '#boot header');
    assert.ok(staticTexts.includes('a: Partners'), `${route}: English nav, got ${JSON.stringify(staticTexts)}`);
    assert.ok(!staticTexts.some((t) => /Memuat|Cari Mitra|Beranda/.test(t)), `${route}: Indonesian shown: ${JSON.stringify(staticTexts)}`);
    await still.context().close();

    const live = await app.newPage(DESKTOP);
    await live.addInitScript(() => localStorage.setItem('kemitraan.lang', 'en'));
    await live.goto(route);
    await live.locator('main#main h1').waitFor({ state: 'visible' });
    const liveTexts = await shown(live, 'main#main', 'header.site-header');
    for (const t of staticTexts) assert.ok(liveTexts.includes(t), `${route}: the English app does not show the static "${t}"`);
    await live.context().close();
  }
});

test('a deep link gets the shell without a page heading, then its page', TIMEOUT, async () => {
  const { items } = await app.getJson('/api/v1/partners/page-1.json');
  const still = await observedPage(MOBILE, { js: false });
  await still.goto(`/mitra/${items[0].id}`);
  assert.equal(await still.locator('#boot main h1').count(), 0, 'no heading of another page');
  assert.match(await still.locator('#boot main .loading').textContent(), /Memuat aplikasi/);
  await still.context().close();

  const live = await app.newPage(MOBILE);
  await live.goto(`/mitra/${items[0].id}`);
  await live.locator('main#main h1').filter({ hasText: items[0].name }).waitFor();
});

// The static lead is the page's largest text, so its paint is the Largest
// Contentful Paint even when the wasm is quick (src/first_paint.rs): the app
// must not replace it before Chromium has recorded it, or the app's copy,
// drawn after the whole download, becomes the LCP.
test('the largest paint is the static first paint, not the app\'s copy of it', TIMEOUT, async () => {
  for (const route of Object.keys(ROUTES)) {
    const page = await app.newPage(MOBILE);
    await page.addInitScript(() => {
      window.__lcp = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__lcp.push(e.startTime);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      window.__mounted = null;
      new MutationObserver((_, obs) => {
        if (document.querySelector('main#main')) {
          window.__mounted = performance.now();
          obs.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(route);
    await page.locator('main#main').waitFor({ state: 'attached', timeout: 20_000 });
    await page.locator(ROUTES[route]).first().waitFor({ state: 'visible', timeout: 20_000 });
    const { lcp, mounted } = await page.evaluate(() => ({ lcp: window.__lcp, mounted: window.__mounted }));
    assert.ok(lcp.length > 0, `${route}: no LCP entry`);
    const last = lcp[lcp.length - 1];
    assert.ok(last <= mounted, `${route}: the LCP (${Math.round(last)} ms) is after the app mounted (${Math.round(mounted)} ms): the static first paint was not the largest`);
    await page.context().close();
  }
});
