// Hostile data end to end: the dataset of `kemitraan-data generate
// --hostile` (markup, <script>, </text><script>, RTL overrides, emoji,
// zero-width characters, CSV formulas, a 10 000-character name) on every page
// and every export. Nothing may be taken as markup: no element made from a
// name, no script run, the text shown as it is; exports guard formulas and
// stay valid files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, DIST, startServer, launchBrowser, DESKTOP, MOBILE } from './helpers.mjs';

const TIMEOUT = { timeout: 60_000 };
const XSS_NAMES = {
  script: "<script>window.__xss='script'</script>",
  svg: "</text><script>window.__xss='svg'</script>",
  img: `<img src=x onerror="window.__xss='img'">`,
  bold: `"Kutip" & 'Apostrof' <b>tebal</b> &amp; &lt;`,
  formula: '=HYPERLINK("https://example.invalid","klik")',
  rtl: '\u202EkitsaP\u202C \u2067RTL\u2069',
  zero: 'Z\u200Be\u200Cr\u200Do\u2060\uFEFF',
};

let tmp, server, browser, data;

before(async () => {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ missing: run make build first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kemitraan-hostile-'));
  const out = path.join(tmp, 'data');
  const run = spawnSync('cargo', ['run', '--offline', '-q', '-p', 'kemitraan-datatool', '--', 'generate', '--hostile', '--quiet', '--out', out], {
    cwd: ROOT, encoding: 'utf8', timeout: 300_000,
  });
  assert.equal(run.status, 0, `generate --hostile failed: ${run.stderr}`);
  // A site: the build's files, with the hostile data as /api/v1/.
  const site = path.join(tmp, 'site');
  fs.mkdirSync(path.join(site, 'api'), { recursive: true });
  for (const e of fs.readdirSync(DIST)) if (e !== 'api') fs.symlinkSync(path.join(DIST, e), path.join(site, e));
  fs.symlinkSync(out, path.join(site, 'api', 'v1'));
  data = {
    partners: JSON.parse(fs.readFileSync(path.join(out, 'partners/page-1.json'), 'utf8')).items,
    agreements: JSON.parse(fs.readFileSync(path.join(out, 'agreements/page-1.json'), 'utf8')).items,
    events: JSON.parse(fs.readFileSync(path.join(out, 'events.json'), 'utf8')).items,
  };
  server = await startServer(site);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const contexts = [];
after(async () => { for (const c of contexts) await c.close().catch(() => {}); });

async function newPage(viewport = DESKTOP) {
  const context = await browser.newContext({ baseURL: server.base, viewport, acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { page.errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  return page;
}

const partnerWith = (prefix) => {
  const p = data.partners.find((x) => x.name.startsWith(prefix));
  assert.ok(p, `no partner named ${prefix}...`);
  return p;
};

// Nothing in the page was made from a name, and nothing ran.
async function assertInert(page, where) {
  const found = await page.evaluate(() => ({
    xss: window.__xss ?? null,
    scripts: [...document.querySelectorAll('body script')].length,
    img: [...document.querySelectorAll('img')].filter((i) => /\/x$/.test(i.src)).length,
    handlers: [...document.querySelectorAll('[onerror],[onload],[onclick]')].length,
    bold: [...document.querySelectorAll('b')].filter((b) => b.textContent.includes('tebal')).length,
    svgScripts: [...document.querySelectorAll('svg script, svg foreignObject')].length,
  }));
  assert.deepEqual(found, { xss: null, scripts: 0, img: 0, handlers: 0, bold: 0, svgScripts: 0 }, `${where}: markup from data`);
  const crashes = page.errors.filter((e) => /pageerror|panicked|RuntimeError|dialog|Content Security Policy/.test(e));
  assert.deepEqual(crashes, [], `${where}: crash`);
}

test('every page shows hostile names as text and runs none of them', TIMEOUT, async () => {
  const page = await newPage();
  const a = data.agreements.find((x) => x.umkm.name.startsWith('<') || x.company.name.startsWith('<')) ?? data.agreements[0];
  const routes = ['/', '/mitra', `/mitra?q=${encodeURIComponent('script')}`, '/perjanjian', `/perjanjian/${a.id}`,
    '/simulasi', '/tentang', '/presentasi', '/presentasi/2', '/presentasi/3', '/presentasi/4', '/presentasi/5'];
  for (const r of routes) {
    await page.goto(r);
    await page.locator('h1').first().waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle').catch(() => {});
    await page.waitForTimeout(200);
    await assertInert(page, r);
  }
  // The event's name on the home page, literally.
  await page.goto('/');
  await page.locator('.event-name').first().waitFor();
  assert.equal((await page.locator('.event-name').first().textContent()).trim(), data.events[0].name.trim());
  await assertInert(page, '/ event');
});

test('each hostile name reads back literally on its partner page, also at 375 px', TIMEOUT, async () => {
  for (const viewport of [DESKTOP, MOBILE]) {
    const page = await newPage(viewport);
    const long = data.partners.find((p) => p.name.length >= 9_000);
    assert.ok(long, 'no 10 000-character name in the data');
    for (const p of [...Object.values(XSS_NAMES).map(partnerWith), long]) {
      await page.goto(`/mitra/${p.id}`);
      const h1 = page.locator('main h1').first();
      await h1.waitFor({ state: 'visible' });
      assert.equal(await h1.textContent(), p.name, `partner ${p.id}: heading differs from the name`);
      await page.locator('main', { hasText: p.city.trim().slice(0, 20) }).first().waitFor();
      await assertInert(page, `/mitra/${p.id}`);
      const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(sw <= iw, `/mitra/${p.id} at ${viewport.width}: horizontal scroll (${sw} > ${iw})`);
    }
  }
});

test('search finds a hostile name and lists it as text', TIMEOUT, async () => {
  const page = await newPage();
  await page.goto(`/mitra?q=${encodeURIComponent('Apostrof')}`);
  const link = page.locator('main a', { hasText: 'tebal' }).first();
  await link.waitFor();
  assert.ok((await link.textContent()).includes(XSS_NAMES.bold), await link.textContent());
  await assertInert(page, '/mitra?q=Apostrof');
});

test('exports: CSV guards formulas, OCDS JSON and SVG stay valid, PNG draws', TIMEOUT, async () => {
  const page = await newPage();
  const save = async (name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).first().click()]);
    const file = path.join(tmp, d.suggestedFilename());
    await d.saveAs(file);
    return fs.readFileSync(file);
  };
  await page.goto('/perjanjian');
  await page.locator('.totals-count').first().waitFor();
  const csv = (await save('Unduh CSV')).toString('utf8');
  // Every cell that starts with = + - @ (not a number) is guarded with '.
  const cells = csv.split(/[,\n]/).map((c) => c.replace(/^"|"$/g, ''));
  const open = cells.filter((c) => /^[=+@]/.test(c) || (/^-/.test(c) && !/^-?[\d.,]+$/.test(c)));
  assert.deepEqual(open, [], 'CSV cells that a spreadsheet would run as formulas');
  assert.ok(csv.includes(`'${XSS_NAMES.formula.replaceAll('"', '""')}`), 'the formula name is not in the CSV, guarded');
  assert.ok(csv.includes(XSS_NAMES.script), 'the <script> name is not in the CSV literally');

  const ocds = JSON.parse((await save('Unduh JSON (OCDS)')).toString('utf8'));
  const text = JSON.stringify(ocds);
  for (const n of [XSS_NAMES.script, XSS_NAMES.svg, XSS_NAMES.rtl]) {
    if (data.agreements.some((a) => a.company.name.startsWith(n) || a.umkm.name.startsWith(n))) {
      assert.ok(text.includes(JSON.stringify(n).slice(1, -1)), `OCDS lost ${n}`);
    }
  }
  await assertInert(page, '/perjanjian exports');

  await page.goto('/simulasi');
  await page.locator('h1').first().waitFor();
  const svg = (await save('Unduh grafik (SVG)')).toString('utf8');
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, scripts: doc.querySelectorAll('script').length };
  }, svg);
  assert.deepEqual(parsed, { error: null, scripts: 0 });
  const png = await save('Unduh grafik (PNG)');
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  await assertInert(page, '/simulasi exports');
});
