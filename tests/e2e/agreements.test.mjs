// Browser tests of the agreements pages: filters narrow the list and its
// totals, the URL holds the state, the agreement page tells the whole story
// (timeline, pair history with growth %), the CSV has exactly the listed
// rows, and the simulate link carries value and year.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  useApp, gotoAndWait, expectText, checkAxe, formatViolations, screenshot, consoleErrors, MOBILE,
} from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const app = useApp();

/** The "N perjanjian" count above the list, as a number. */
async function shownCount(page) {
  const text = await page.locator('.totals-count').textContent();
  const m = text.replace(/\./g, '').match(/(\d+)/);
  assert.ok(m, `no count in ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** Every agreement in the dataset, from all list pages. */
async function allAgreements() {
  const first = await app.getJson('/api/v1/agreements/page-1.json');
  let items = first.items;
  for (let p = 2; p <= first.pages; p++) items = items.concat((await app.getJson(`/api/v1/agreements/page-${p}.json`)).items);
  return items;
}

test('filters narrow the list and the totals, and the URL reproduces them', TIMEOUT, async () => {
  const all = await allAgreements();
  const page = await app.newPage();
  await gotoAndWait(page, '/perjanjian');
  await expectText(page.locator('.totals-count'), `${all.length}`);
  assert.equal(await shownCount(page), all.length);
  const totalBefore = await page.locator('.totals-figures dd').first().textContent();

  await page.getByRole('checkbox', { name: 'PMA', exact: true }).check();
  await page.getByRole('checkbox', { name: '2021', exact: true }).check();
  const expected = all.filter((a) => a.company.kind === 'pma' && a.date_signed.startsWith('2021'));
  await expectText(page.locator('.totals-count'), `${expected.length} perjanjian`);
  assert.notEqual(await page.locator('.totals-figures dd').first().textContent(), totalBefore);
  assert.match(page.url(), /jenis=pma/);
  assert.match(page.url(), /tahun=2021/);

  // A copied link opened in a fresh page shows the same list.
  const copied = page.url();
  const other = await app.newPage();
  await gotoAndWait(other, copied);
  await expectText(other.locator('.totals-count'), `${expected.length} perjanjian`);
  assert.equal(await other.getByRole('checkbox', { name: 'PMA', exact: true }).isChecked(), true);

  // Back steps to the previous filter.
  await page.goBack();
  await expectText(page.locator('.totals-count'), `${all.filter((a) => a.company.kind === 'pma').length} perjanjian`);
  assert.deepEqual(consoleErrors(page), []);
});

test('a filter with no match says so and clears', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/perjanjian?q=tidak-ada-pihak-bernama-ini');
  await expectText(page.locator('.empty'), 'Tidak ada perjanjian');
  await page.getByRole('button', { name: 'Hapus semua filter' }).click();
  await expectText(page.locator('.totals-count'), 'perjanjian');
  assert.ok((await shownCount(page)) > 0);
  assert.doesNotMatch(page.url(), /q=/);
});

test('bad parameters in a link are ignored, the rest kept', TIMEOUT, async () => {
  const all = await allAgreements();
  const page = await app.newPage();
  await gotoAndWait(page, '/perjanjian?jenis=pmdn&tahun=abc&pola=tidak_ada&urut=x&hal=-3');
  await expectText(page.locator('.totals-count'), `${all.filter((a) => a.company.kind === 'pmdn').length} perjanjian`);
  assert.deepEqual(consoleErrors(page), []);
});

test('the CSV has one row per listed agreement and opens as UTF-8', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/perjanjian?pola=inti_plasma');
  await expectText(page.locator('.totals-count'), 'perjanjian');
  const count = await shownCount(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh CSV' }).click(),
  ]);
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  const lines = text.split('\r\n').filter((l) => l.length > 0);
  assert.equal(lines[0].split(',')[1], 'tanggal_tanda_tangan');
  assert.equal(lines.length - 1, count, 'one CSV row per agreement in the list');
  // Same ids as the list's first page, in the same order.
  const listed = await page.locator('a.agreement-link').evaluateAll((as) => as.map((a) => a.getAttribute('href').split('/').pop()));
  assert.deepEqual(lines.slice(1, 1 + listed.length).map((l) => l.split(',')[0]), listed);
  // Amounts are plain integers.
  for (const l of lines.slice(1)) assert.match(l, /,\d+,\d+$/);
});

test('the agreement page shows the timeline and the pair history with growth', TIMEOUT, async () => {
  const all = await allAgreements();
  // A pair that signed more than once.
  const renewal = all.find((a) => all.some((b) => b.id !== a.id && b.company.id === a.company.id && b.umkm.id === a.umkm.id && b.date_signed < a.date_signed));
  assert.ok(renewal, 'the sample dataset has a renewed pair');
  const detail = await app.getDetail('agreements', renewal.id);
  const page = await app.newPage();
  await gotoAndWait(page, `/perjanjian/${renewal.id}`);
  await expectText(page.locator('main h1'), detail.company.name);
  for (const label of ['Ditandatangani', 'Mulai', 'Hari ini', 'Berakhir']) {
    await expectText(page.locator('.timeline-list'), label);
  }
  const rows = page.locator('table.pair-history tbody tr');
  assert.equal(await rows.count(), detail.pair_history.length);
  const h = detail.pair_history;
  const i = h.findIndex((a) => a.id === renewal.id);
  assert.ok(i > 0);
  const bp = Math.round(((h[i].value - h[i - 1].value) * 10000) / h[i - 1].value);
  const growth = (await rows.nth(i).locator('td.growth').textContent()).trim();
  const pct = (bp / 100).toFixed(2).replace(/\.?0+$/, '').replace('.', ',');
  assert.equal(growth, `${bp > 0 ? '+' : ''}${pct}%`);
  await screenshot(page, 'perjanjian-detail-history');
  assert.deepEqual(consoleErrors(page), []);
});

test('the simulate link carries value and year into the simulator', TIMEOUT, async () => {
  const first = (await app.getJson('/api/v1/agreements/page-1.json')).items[0];
  const page = await app.newPage();
  await gotoAndWait(page, `/perjanjian/${first.id}`);
  await page.getByRole('link', { name: 'Simulasikan pertumbuhan kontrak ini' }).click();
  await expectText(page.locator('main h1'), 'Simulasi Pertumbuhan Kontrak');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('v'), String(first.value));
  assert.equal(url.searchParams.get('y'), first.date_signed.slice(0, 4));
  assert.equal(await page.locator('#s0-year').inputValue(), first.date_signed.slice(0, 4));
});

test('an unknown agreement id shows a not-found message', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/perjanjian/TIDAK-ADA');
  await expectText(page.locator('main h1'), 'Perjanjian tidak ditemukan');
});

test('agreements at 375 px: cards, no sideways scroll, no serious axe violation', TIMEOUT, async () => {
  const page = await app.newPage(MOBILE);
  await gotoAndWait(page, '/perjanjian?tahun=2021');
  await expectText(page.locator('.totals-count'), 'perjanjian');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px`);
  const violations = await checkAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  await screenshot(page, 'perjanjian-375-cards');
  const first = (await app.getJson('/api/v1/agreements/page-1.json')).items[0];
  await gotoAndWait(page, `/perjanjian/${first.id}`);
  const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow2 <= 0, `horizontal scroll of ${overflow2}px on the agreement page`);
  const v2 = await checkAxe(page);
  assert.equal(v2.length, 0, formatViolations(v2));
});

test('one agreement is counted in the singular, and the list pages with links', TIMEOUT, async () => {
  const all = await allAgreements();
  // An UMKM name that matches exactly one agreement of the list.
  const names = (a) => `${a.company.name} ${a.umkm.name}`.toLowerCase();
  const single = all.find((a) => all.filter((b) => names(b).includes(a.umkm.name.toLowerCase())).length === 1);
  assert.ok(single, 'the sample has an UMKM with one agreement');
  const page = await app.newPage();
  await gotoAndWait(page, `/perjanjian?q=${encodeURIComponent(single.umkm.name)}`);
  await expectText(page.locator('.totals-count'), '1 perjanjian');
  await page.getByRole('button', { name: 'English' }).click();
  await expectText(page.locator('.totals-count'), '1 agreement');
  assert.equal((await page.locator('.totals-count').textContent()).trim(), '1 agreement');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

  // The whole list has more than one page: the pager is links with their
  // own address, so "next" is reachable by URL and by back/forward.
  await gotoAndWait(page, '/perjanjian');
  if (all.length > 50) {
    const next = page.locator('.pager').getByRole('link', { name: /Berikutnya/ });
    assert.match(await next.getAttribute('href'), /hal=2/);
    await next.click();
    await page.waitForURL(/hal=2/);
    await expectText(page.locator('.pager'), 'Halaman 2');
    await page.goBack();
    await expectText(page.locator('.pager'), 'Halaman 1');
  }
  assert.deepEqual(consoleErrors(page), []);
});
