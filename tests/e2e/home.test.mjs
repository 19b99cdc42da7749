// Browser tests of the home dashboard: the figures are summary.json's, the
// featured event is compared with what the dataset holds, every chart bar
// is a keyboard-reachable link to a list with the bar's count, each chart
// has a table and a CSV, and the page reads at 1280 and 375 px in both
// languages (screenshots kept in tests/artifacts/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  useApp, gotoAndWait, settle, expectText, checkAxe, formatViolations, screenshot, consoleErrors, MOBILE,
} from './helpers.mjs';

const TIMEOUT = { timeout: 120_000 };
const SCREEN = { width: 1280, height: 720 };
const app = useApp();

const digits = (s) => Number(String(s).replace(/[^\d]/g, ''));
const idNumber = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Every agreement in the dataset, from all list pages. */
async function allAgreements() {
  const first = await app.getJson('/api/v1/agreements/page-1.json');
  let items = first.items;
  for (let p = 2; p <= first.pages; p++) items = items.concat((await app.getJson(`/api/v1/agreements/page-${p}.json`)).items);
  return items;
}

/** The "N perjanjian" count above the agreement list. */
async function agreementCount(page) {
  await expectText(page.locator('.totals-count'), 'perjanjian');
  return digits(await page.locator('.totals-count').textContent());
}

/** Waits for the charts to be drawn (the province chart's links). */
async function waitForCharts(page) {
  await page.locator('#chart-provinsi svg a').first().waitFor({ state: 'attached' });
}

test('the headline figures are exactly summary.json\'s totals', TIMEOUT, async () => {
  const { totals } = await app.getJson('/api/v1/summary.json');
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/');
  const fig = (k) => page.locator(`.figures [data-figure="${k}"] dd.figure`);
  await expectText(fig('companies'), idNumber(totals.companies));
  assert.equal(digits(await fig('companies').textContent()), totals.companies);
  assert.equal(digits(await page.locator('.figures span[data-figure="pma"]').textContent()), totals.pma);
  assert.equal(digits(await page.locator('.figures span[data-figure="pmdn"]').textContent()), totals.pmdn);
  assert.equal(digits(await fig('umkm').textContent()), totals.umkm);
  assert.equal(digits(await fig('agreements').textContent()), totals.agreements);
  for (const k of ['committed', 'realised']) {
    assert.equal(await fig(k).getAttribute('data-rupiah'), String(totals[k]));
    // The exact figure on hover: Rp5.390.885.000.000.
    assert.equal(digits(await fig(k).locator('.amount').getAttribute('title')), totals[k]);
    assert.match(await fig(k).textContent(), /^Rp\d+(,\d+)? (juta|miliar|triliun)$/);
  }
  assert.deepEqual(consoleErrors(page), []);
});

test('the featured event shows the reported figures beside what the dataset holds', TIMEOUT, async () => {
  const { items: events } = await app.getJson('/api/v1/events.json');
  const event = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))[0];
  const mine = (await allAgreements()).filter((a) => a.event_id === event.id);
  const companies = new Map(mine.map((a) => [a.company.id, a.company.kind]));
  const held = {
    companies: companies.size,
    pma: [...companies.values()].filter((k) => k === 'pma').length,
    pmdn: [...companies.values()].filter((k) => k === 'pmdn').length,
    umkm: new Set(mine.map((a) => a.umkm.id)).size,
    agreements: mine.length,
    investment: mine.reduce((s, a) => s + a.value, 0),
  };
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/');
  await expectText(page.locator('.event-name'), event.name);
  const row = (k) => page.locator(`.compare-table tr[data-figure="${k}"]`);
  await row('companies').waitFor();
  for (const k of ['companies', 'pma', 'pmdn', 'umkm']) {
    assert.equal(digits(await row(k).locator('td.reported').textContent()), event.reported[k], `reported ${k}`);
    assert.equal(digits(await row(k).locator('td.held').textContent()), held[k], `held ${k}`);
  }
  assert.equal(digits(await row('agreements').locator('td.held').textContent()), held.agreements);
  assert.equal(digits(await row('investment').locator('td.reported').getAttribute('title')), event.reported.investment);
  assert.equal(digits(await row('investment').locator('td.held').getAttribute('title')), held.investment);
  if (held.investment === event.reported.investment) {
    await expectText(row('investment').locator('td.diff'), 'sama');
  }
  // The link opens exactly the event's agreements.
  await page.locator('a.event-link').click();
  await page.waitForURL(/\/perjanjian\?acara=/);
  assert.equal(await agreementCount(page), held.agreements);
});

test('every province is a bar; clicking one opens the UMKM-province list with the bar\'s count', TIMEOUT, async () => {
  const summary = await app.getJson('/api/v1/summary.json');
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/');
  await waitForCharts(page);
  const links = page.locator('#chart-provinsi svg a');
  assert.equal(await links.count(), 38, 'all 38 provinces are drawn');
  // The largest province is drawn first.
  const largest = [...summary.by_province].sort((a, b) => b.committed - a.committed || (a.key < b.key ? -1 : 1))[0];
  assert.equal(await links.first().getAttribute('href'), `/perjanjian?provinsi_umkm=${largest.key}`);
  // A smaller province, by a real click: the agreements are another section
  // of the site (src/sections.rs), so the browser loads their page.
  const bucket = summary.by_province.find((b) => b.key === '17') ?? summary.by_province[0];
  const link = page.locator(`#chart-provinsi svg a[href="/perjanjian?provinsi_umkm=${bucket.key}"]`);
  const name = await link.getAttribute('aria-label');
  assert.ok(name.includes(`${bucket.agreements} perjanjian`), `accessible name "${name}" names the count`);
  await page.evaluate(() => { window.__sameDocument = true; });
  await link.click();
  await page.waitForURL(new RegExp(`/perjanjian\\?provinsi_umkm=${bucket.key}$`));
  assert.equal(await agreementCount(page), bucket.agreements);
  assert.equal(await page.evaluate(() => window.__sameDocument === true), false, 'a page load of the agreements section');
  assert.deepEqual(consoleErrors(page), []);
});

test('pattern and year bars are keyboard links to lists with their counts', TIMEOUT, async () => {
  const summary = await app.getJson('/api/v1/summary.json');
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/');
  await waitForCharts(page);
  const pattern = summary.by_pattern.find((b) => b.agreements > 0);
  const pLink = page.locator(`#chart-pola svg a[href="/perjanjian?pola=${pattern.key}"]`);
  await pLink.focus();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), `/perjanjian?pola=${pattern.key}`);
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`pola=${pattern.key}`));
  assert.equal(await agreementCount(page), pattern.agreements);

  await gotoAndWait(page, '/');
  await waitForCharts(page);
  const year = summary.by_year[summary.by_year.length - 1];
  await page.locator(`#chart-tahun svg a[href="/perjanjian?tahun=${year.key}"]`).click();
  await page.waitForURL(new RegExp(`tahun=${year.key}`));
  assert.equal(await agreementCount(page), year.agreements);

  // Tab reaches the chart links from the page.
  await gotoAndWait(page, '/');
  await waitForCharts(page);
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement?.closest('#chart-provinsi svg'));
  }
  assert.ok(reached, 'Tab reaches the province bars');
});

test('sector and size-class bars open the partner search with the partner count', TIMEOUT, async (t) => {
  const summary = await app.getJson('/api/v1/summary.json');
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/');
  await waitForCharts(page);
  for (const b of summary.by_sector.filter((b) => b.key !== '-')) {
    const link = page.locator(`#chart-sektor svg a[href="/mitra?sektor=${b.key}"]`);
    assert.equal(await link.count(), 1, `sector ${b.key} has a bar link`);
    assert.ok((await link.getAttribute('aria-label')).includes(`${b.partners} mitra`));
  }
  for (const b of summary.by_size_class) {
    const link = page.locator(`#chart-kelas svg a[href="/mitra?kelas=${b.key}"]`);
    assert.equal(await link.count(), 1, `class ${b.key} has a bar link`);
    assert.ok((await link.getAttribute('aria-label')).includes(`${b.partners} UMKM`));
  }
  const sector = [...summary.by_sector].filter((b) => b.key !== '-').sort((a, b) => b.committed - a.committed)[0];
  await page.locator(`#chart-sektor svg a[href="/mitra?sektor=${sector.key}"]`).click();
  await page.waitForURL(new RegExp(`/mitra\\?sektor=${sector.key}`));
  await gotoAndWait(page, page.url());
  // The partner search (branch `search`) counts its results in .result-count;
  // before it is merged /mitra lists without filters and there is no count to compare.
  const count = page.locator('.result-count');
  if (await count.count() === 0) {
    t.diagnostic('partner search not merged yet: /mitra has no .result-count, count not compared');
    return;
  }
  await expectText(count, idNumber(sector.partners));
  const kelas = summary.by_size_class[0];
  await gotoAndWait(page, `/mitra?kelas=${kelas.key}`);
  await expectText(page.locator('.result-count'), idNumber(kelas.partners));
});

test('each chart has a table and a CSV with one row per bar; growth by year is shown', TIMEOUT, async () => {
  const summary = await app.getJson('/api/v1/summary.json');
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/');
  await waitForCharts(page);
  const card = page.locator('#chart-provinsi');
  await card.locator('details.chart-table summary').click();
  // The table is drawn when the box is first opened (src/pages/home.rs).
  await card.locator('table tbody tr').first().waitFor();
  assert.equal(await card.locator('table tbody tr').count(), 38);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Unduh CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'kemitraan-per-provinsi.csv');
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)).split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'kode,nama,nilai_komitmen_rupiah,nilai_realisasi_rupiah,perjanjian,mitra');
  assert.equal(lines.length - 1, 38);
  for (const b of summary.by_province) {
    const line = lines.find((l) => l.startsWith(`${b.key},`));
    assert.ok(line, `CSV row for ${b.key}`);
    assert.ok(line.endsWith(`,${b.committed},${b.realised},${b.agreements},${b.partners}`), line);
  }

  // Growth on the year before, in the year table.
  const years = page.locator('#chart-tahun');
  await years.locator('details.chart-table summary').click();
  const rows = years.locator('table tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), summary.by_year.length);
  for (let i = 1; i < summary.by_year.length; i++) {
    const [prev, cur] = [summary.by_year[i - 1], summary.by_year[i]];
    if (Number(cur.key) - 1 !== Number(prev.key) || prev.committed === 0) continue;
    const bp = Math.round(((cur.committed - prev.committed) * 10000) / prev.committed);
    const pct = (Math.abs(bp) / 100).toFixed(2).replace(/\.?0+$/, '').replace('.', ',');
    const expected = `${bp > 0 ? '+' : bp < 0 ? '-' : ''}${pct}%`;
    assert.equal((await rows.nth(i).locator('td').last().textContent()).trim(), expected, `growth ${cur.key}`);
    const note = await page.locator('#chart-tahun svg text', { hasText: expected }).count();
    assert.ok(note >= 1, `the chart shows ${expected} above ${cur.key}`);
  }
  const [yearCsv] = await Promise.all([
    page.waitForEvent('download'),
    years.getByRole('button', { name: 'Unduh CSV' }).click(),
  ]);
  const yl = fs.readFileSync(await yearCsv.path(), 'utf-8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  assert.equal(yl[0].split(',').pop(), 'pertumbuhan_basis_poin');
  assert.equal(yl.length - 1, summary.by_year.length);
});

test('home at 1280×720 and 375 px, both languages: no sideways scroll, no serious axe violation', TIMEOUT, async () => {
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/');
  await waitForCharts(page);
  await page.locator('.compare-table').waitFor();
  await settle(page);
  const violations = await checkAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  await screenshot(page, 'home-1280x720');

  const phone = await app.newPage(MOBILE);
  await gotoAndWait(phone, '/');
  await waitForCharts(phone);
  await phone.locator('.compare-table').waitFor();
  await settle(phone);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px at 375 px`);
  // The province chart fits the phone's width: it grows downwards.
  const box = await phone.locator('#chart-provinsi svg').boundingBox();
  assert.ok(box.width <= 375 && box.height > box.width, `province chart ${box.width}×${box.height}`);
  const v375 = await checkAxe(phone);
  assert.equal(v375.length, 0, formatViolations(v375));
  await screenshot(phone, 'home-375x740');

  // English.
  await phone.getByRole('button', { name: 'English' }).click();
  await expectText(phone.locator('#charts-h'), 'Where the partnerships are');
  await expectText(phone.locator('#chart-provinsi h3'), "Committed value by the UMKM's province");
  const enName = await phone.locator('#chart-provinsi svg a').first().getAttribute('aria-label');
  assert.match(enName, /^[A-Za-z ]+ IDR [\d.]+[KMBT]? · \d+ agreements? \(IDR [\d.]+ (million|billion|trillion)\)$/);
  await expectText(phone.locator('.compare-table thead'), 'In the dataset');
  const overflowEn = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflowEn <= 0, `horizontal scroll of ${overflowEn}px at 375 px in English`);
  await screenshot(phone, 'home-375x740-en');
  await page.getByRole('button', { name: 'English' }).click();
  await expectText(page.locator('#charts-h'), 'Where the partnerships are');
  await screenshot(page, 'home-1280x720-en');
  assert.deepEqual(consoleErrors(page), []);
  assert.deepEqual(consoleErrors(phone), []);
});

test('the About page names the dataset, links the contract and says how to change the backend', TIMEOUT, async () => {
  const meta = await app.getJson('/api/v1/meta.json');
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/tentang');
  await expectText(page.locator('.dataset-name'), meta.name);
  await expectText(page.locator('.dataset-version'), meta.version);
  await expectText(page.locator('.dataset-source'), meta.source);
  await page.locator('.dataset-as-of time').waitFor();
  assert.equal(await page.locator('.dataset-as-of time').getAttribute('datetime'), meta.as_of);
  if (meta.synthetic) await expectText(page.locator('.synthetic-flag'), 'Sintetis');
  await expectText(page.locator('pre.code'), '"api_base"');
  const href = await page.locator('a.contract-link').getAttribute('href');
  const res = await fetch(app.url(href));
  assert.equal(res.status, 200, `GET ${href}`);
  assert.match(res.headers.get('content-type'), /^text\/markdown/);
  assert.match(await res.text(), /^# The data contract/);
  await screenshot(page, 'tentang-1280x720');
});
