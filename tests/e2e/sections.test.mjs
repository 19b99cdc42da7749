// One wasm binary per section of the site (src/sections.rs, scripts/build.mjs):
// each page downloads only its own section's binary; links inside a section
// are followed by the router (no page load), links into another section by
// the browser (a page load of that section), and Back returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, gotoAndWait, expectText, consoleErrors, MOBILE } from './helpers.mjs';

const app = useApp();
const TIMEOUT = { timeout: 60_000 };

/** The wasm files a page fetches, by binary name (`mitra-<hash>_bg.wasm` -> mitra). */
function wasmLog(page) {
  const seen = [];
  page.on('request', (req) => {
    const m = /\/([a-z]+)-[0-9a-f]{8,16}_bg\.wasm$/.exec(new URL(req.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

// A marker on `window` survives router navigation and dies with a page load.
const mark = (page) => page.evaluate(() => { window.__sameDocument = true; });
const sameDocument = (page) => page.evaluate(() => window.__sameDocument === true);

test('each page loads only its section\'s binary', TIMEOUT, async () => {
  const { items: partners } = await app.getJson('/api/v1/partners/page-1.json');
  const routes = [
    ['/', 'kemitraan'],
    ['/tidak-ada-halaman', 'kemitraan'],
    ['/presentasi', 'presentasi'],
    ['/presentasi/2', 'presentasi'],
    ['/mitra', 'mitra'],
    [`/mitra/${partners[0].id}`, 'mitra'],
    ['/perjanjian', 'perjanjian'],
    ['/simulasi', 'simulasi'],
    ['/tentang', 'tentang'],
  ];
  for (const [route, bin] of routes) {
    const page = await app.newPage(MOBILE);
    const wasm = wasmLog(page);
    await page.goto(route);
    await page.locator('main#main :is(h1, h2)').first().waitFor({ state: 'visible' });
    assert.deepEqual(wasm, [bin], `${route} fetched ${JSON.stringify(wasm)}`);
    assert.deepEqual(consoleErrors(page), [], `${route}: console errors`);
    await page.context().close();
  }
});

test('a link inside a section is followed without a page load', TIMEOUT, async () => {
  const page = await app.newPage();
  const wasm = wasmLog(page);
  await gotoAndWait(page, '/mitra');
  await mark(page);
  const first = page.locator('#hasil a.result-name').first();
  const name = (await first.textContent()).trim();
  await first.click();
  await page.waitForURL(/\/mitra\/P\d+$/);
  await expectText(page.locator('main#main h1'), name);
  assert.ok(await sameDocument(page), 'the partner page came by a page load');
  assert.deepEqual(wasm, ['mitra']);
});

test('a link into another section loads that section, and Back returns', TIMEOUT, async () => {
  const page = await app.newPage();
  const wasm = wasmLog(page);
  await gotoAndWait(page, '/');
  await mark(page);
  await page.locator('header nav').getByRole('link', { name: 'Simulasi', exact: true }).click();
  await page.waitForURL('**/simulasi');
  await expectText(page.locator('main#main h1'), 'Simulasi Pertumbuhan Kontrak');
  assert.equal(await sameDocument(page), false, 'the simulator ran in the home binary');
  assert.deepEqual(wasm, ['kemitraan', 'simulasi']);
  await page.goBack();
  await page.waitForURL((u) => new URL(u).pathname === '/');
  await expectText(page.locator('main#main h1'), 'Kemitraan Usaha Besar dan UMKM');
  assert.deepEqual(consoleErrors(page), []);
});
