// Browser tests of the contract-growth simulator (/simulasi): the President's
// preset, shared URLs, bad input, CSV and SVG downloads, the agreement link,
// saturation, several scenarios, program mode, axe and the 375 px layout.
// Run: make build && node --test tests/e2e/simulator.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  useApp, gotoAndWait, settle, expectText, checkAxe, formatViolations, screenshot,
  consoleErrors, DESKTOP, MOBILE,
} from './helpers.mjs';

// ---- The UI contract: ids and texts the tests rely on. ----
const UI = {
  h1: 'Simulasi Pertumbuhan Kontrak',
  table: '#sim-table',
  // Fields of the first scenario (its key is 0); later scenarios are s1, s2.
  start: (k = 0) => `#s${k}-start`,
  year: (k = 0) => `#s${k}-year`,
  years: (k = 0) => `#s${k}-years`,
  rate: (k = 0) => `#s${k}-rate`,
  other: (k = 0) => `#s${k}-other`,
  modeRate: (k = 0) => `#s${k}-mode-rate`,
  csvButton: 'Unduh tabel (CSV)',
  svgButton: 'Unduh grafik (SVG)',
  addScenario: '+ Tambah skenario',
  saturatedNote: 'batas hitung',
  invalidAmount: 'Jumlah tidak valid',
  programButton: 'Muat perjanjian dan hitung',
  classes: { mikro: 'Mikro', kecil: 'Kecil', menengah: 'Menengah', besar: 'Besar' },
};
const TIMEOUT = { timeout: 90_000 };

const app = useApp();

// Console errors of the app. The browser's own favicon request is not the
// simulator's business (index.html has no icon link).
const appErrors = (page) => consoleErrors(page).filter((e) => !e.includes('/favicon.ico'));

/** The result table as arrays of cells: amounts as their data-value (rupiah), the rest as text. */
async function readTable(page) {
  await page.locator(`${UI.table} tbody tr`).first().waitFor();
  return page.$$eval(`${UI.table} tbody tr`, (rows) =>
    rows.map((r) => [...r.cells].map((c) => c.dataset.value ?? c.textContent.trim())));
}

async function headers(page) {
  return page.$$eval(`${UI.table} thead th`, (ths) => ths.map((th) => th.textContent.trim()));
}

/** Column index by (a part of) its header. */
function col(head, name) {
  const i = head.findIndex((h) => h.includes(name));
  assert.ok(i >= 0, `no column "${name}" in ${JSON.stringify(head)}`);
  return i;
}

async function waitForUrl(page, part) {
  await page.waitForFunction((p) => location.search.includes(p), part, { timeout: 10_000 });
}

/** Types into a field the way a user does and leaves it. */
async function type(page, selector, text) {
  const field = page.locator(selector);
  await field.fill(text);
  await field.press('Tab');
}

async function noOverflow(page, where) {
  const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(sw <= iw, `${where}: horizontal scroll (scrollWidth ${sw} > ${iw})`);
}

async function noBadNumbers(page, where) {
  const text = await page.locator('main').innerText();
  for (const bad of ['NaN', 'Infinity', 'inf ', 'undefined']) {
    assert.ok(!text.includes(bad), `${where}: "${bad}" on screen`);
  }
}

test('the President\'s preset: Mikro, Kecil, Kecil by sales', TIMEOUT, async () => {
  const page = await app.newPage(DESKTOP);
  await gotoAndWait(page, '/simulasi');
  await expectText(page.locator('main h1'), UI.h1);
  const head = await headers(page);
  const rows = await readTable(page);
  assert.equal(rows.length, 3, JSON.stringify(rows));
  const [y, v, c, naik] = [col(head, 'Tahun'), col(head, 'Nilai kontrak'), col(head, 'Kelas menurut penjualan'), col(head, 'Naik kelas')];
  assert.deepEqual(rows.map((r) => r[y]), ['2021', '2022', '2023']);
  assert.deepEqual(rows.map((r) => r[v]), ['1000000000', '5000000000', '10000000000']);
  assert.deepEqual(rows.map((r) => r[c]), [UI.classes.mikro, UI.classes.kecil, UI.classes.kecil]);
  // Naik kelas is marked in 2022 only.
  assert.deepEqual(rows.map((r) => r[naik].includes('ya')), [false, true, false]);
  assert.equal(await page.locator(`${UI.table} tbody tr.naik-kelas`).count(), 1);
  // The summary sentence and the chart with its text alternative.
  await expectText(page.locator('.sim-summary'), 'Kecil pada 2022');
  const svg = page.locator('.sim-chart svg');
  await svg.waitFor();
  assert.equal(await svg.getAttribute('role'), 'img');
  assert.ok((await page.locator('.sim-chart svg title').first().textContent()).includes('PP 7/2021'));
  // The contract-value-for-sales note.
  await expectText(page.locator('main'), 'nilai kontrak dipakai sebagai pengganti hasil penjualan');
  // The URL now carries the whole scenario.
  await waitForUrl(page, 'm=path');
  assert.match(page.url(), /[?&]p=5000000000,10000000000/);
  await noBadNumbers(page, 'preset');
  await screenshot(page, 'simulasi-preset-1280x800');
  assert.deepEqual(appErrors(page), []);
});

test('a shared URL reproduces the table in a fresh page', TIMEOUT, async () => {
  const page = await app.newPage(DESKTOP);
  await gotoAndWait(page, '/simulasi');
  await page.locator(UI.modeRate()).check();
  await type(page, UI.rate(), '35');
  await type(page, UI.years(), '8');
  await page.locator('.umkm-extra summary').first().click();
  await type(page, UI.other(), '1,5 miliar');
  await page.getByRole('button', { name: UI.addScenario }).first().click();
  await page.locator(UI.start(1)).waitFor();
  await type(page, UI.rate(1), '-50');
  await waitForUrl(page, 'g2=-50');
  await waitForUrl(page, 'o=1500000000');
  // The typed text survives the URL update (the page is not re-mounted).
  assert.equal(await page.locator(UI.rate()).inputValue(), '35');
  const rows = await readTable(page);
  assert.equal(rows.length, 16, 'two scenarios of 8 years');
  const url = page.url();

  const fresh = await app.newPage(DESKTOP);
  await gotoAndWait(fresh, url);
  assert.deepEqual(await readTable(fresh), rows);
  assert.equal(await fresh.locator(UI.rate(1)).inputValue(), '-50');
  assert.deepEqual(appErrors(page), []);
  assert.deepEqual(appErrors(fresh), []);
});

test('bad input shows a message beside the field and keeps the last result', TIMEOUT, async () => {
  const page = await app.newPage(DESKTOP);
  await gotoAndWait(page, '/simulasi');
  const before = await readTable(page);
  const field = page.locator(UI.start());
  await type(page, UI.start(), 'abc');
  const err = page.locator(`${UI.start()}-err`);
  await expectText(err, UI.invalidAmount);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.ok((await field.getAttribute('aria-describedby')).split(' ').includes('s0-start-err'));
  assert.deepEqual(await readTable(page), before, 'the table keeps the last good value');
  // The label is tied to the field.
  assert.ok((await page.locator(`label[for="s0-start"]`).textContent()).length > 0);
  // Other absurd inputs: negative, horizon 0 and 31, year 99999.
  await type(page, UI.start(), '-5 M');
  await expectText(err, 'negatif');
  await type(page, UI.years(), '31');
  await expectText(page.locator(`${UI.years()}-err`), '1 sampai 30');
  await type(page, UI.year(), '99999');
  await expectText(page.locator(`${UI.year()}-err`), 'tahun');
  assert.deepEqual(await readTable(page), before);
  // A good value clears the message and updates the table.
  await type(page, UI.start(), '250 jt');
  await expectText(err, UI.invalidAmount, { not: true });
  assert.equal(await field.getAttribute('aria-invalid'), 'false');
  await expectText(page.locator(`${UI.table} tbody tr td[data-value]`), 'Rp250 juta');
  await noBadNumbers(page, 'bad input');
  assert.deepEqual(appErrors(page), []);
});

test('the CSV download matches the table rows', TIMEOUT, async () => {
  const page = await app.newPage(DESKTOP);
  await gotoAndWait(page, '/simulasi?v=1000000000&y=2021&n=6&m=rate&g=124&c=3000000000&v2=2M&m2=path&n2=4');
  const head = await headers(page);
  const rows = await readTable(page);
  assert.equal(rows.length, 10);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: UI.csvButton }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((l) => l !== '');
  assert.deepEqual(lines[0].split(','), head, 'CSV header = table header');
  const data = lines.slice(1).map((l) => l.split(','));
  assert.equal(data.length, rows.length, 'one CSV row per table row');
  const growth = col(head, 'Pertumbuhan');
  const naik = col(head, 'Naik kelas');
  data.forEach((csvRow, i) => {
    assert.equal(csvRow.length, head.length, `row ${i} width`);
    rows[i].forEach((cell, j) => {
      if (j === growth) {
        const g = cell === '—' ? '' : cell.replace('%', '').replaceAll('.', '').replace(',', '.');
        assert.equal(csvRow[j], g, `row ${i} growth`);
      } else if (j === naik) {
        assert.equal(csvRow[j] === 'ya', cell.includes('ya'), `row ${i} naik kelas`);
      } else {
        // The screen writes a missing class by capital as a dash.
        assert.equal(csvRow[j], cell === '—' ? '' : cell, `row ${i} column ${head[j]}`);
      }
    });
  });
  // Several scenarios: a scenario column, and a capital column when given.
  assert.equal(head[0], 'Skenario');
  assert.ok(head.includes('Kelas menurut modal'));
  assert.deepEqual(appErrors(page), []);
});

test('the SVG download is the chart', TIMEOUT, async () => {
  const page = await app.newPage(DESKTOP);
  await gotoAndWait(page, '/simulasi');
  await page.locator('.sim-chart svg').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: UI.svgButton }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.svg$/);
  const svg = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.slice(0, 80));
  assert.ok(svg.includes('<title'), 'has a title');
  assert.ok(svg.includes('Mikro'), 'has the class bands');
  assert.ok(!svg.includes('NaN'));
});

test('an agreement link ?v=2500000000&y=2022 prefills value and year', TIMEOUT, async () => {
  const page = await app.newPage(DESKTOP);
  await gotoAndWait(page, '/simulasi?v=2500000000&y=2022');
  await page.locator(UI.start()).waitFor();
  assert.equal(await page.locator(UI.start()).inputValue(), 'Rp2,5 miliar');
  assert.equal(await page.locator(UI.year()).inputValue(), '2022');
  const rows = await readTable(page);
  assert.equal(rows[0][0], '2022');
  assert.equal(rows[0][1], '2500000000');
  // Bad and unknown parameters are ignored, the rest kept.
  const other = await app.newPage(DESKTOP);
  await gotoAndWait(other, '/simulasi?v=abc&y=2024&n=99&zz=1&g=NaN');
  assert.equal(await other.locator(UI.year()).inputValue(), '2024');
  assert.equal((await readTable(other))[0][0], '2024');
  assert.deepEqual(appErrors(page), []);
  assert.deepEqual(appErrors(other), []);
});

test('an agreement page links to the simulator with its value and year', TIMEOUT, async () => {
  const list = await app.getJson('/api/v1/agreements/page-1.json');
  const a = list.items[0];
  const page = await app.newPage(DESKTOP);
  await gotoAndWait(page, `/perjanjian/${encodeURIComponent(a.id)}`);
  await page.getByRole('link', { name: 'Simulasikan pertumbuhan kontrak ini' }).click();
  await page.locator(UI.start()).waitFor();
  await waitForUrl(page, `v=${a.value}`);
  assert.equal(await page.locator(UI.year()).inputValue(), a.date_signed.slice(0, 4));
  const rows = await readTable(page);
  assert.equal(rows[0][1], String(a.value));
  // The header's "Simulasi" link starts over with the President's path.
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Simulasi' }).click();
  await waitForUrl(page, 'v=1000000000&');
  assert.equal(await page.locator(UI.start()).inputValue(), 'Rp1 miliar');
  assert.equal((await readTable(page))[0][1], '1000000000');
  assert.deepEqual(appErrors(page), []);
});

test('30 years of 300 % saturate with a visible note; 0 % and -50 % work', TIMEOUT, async () => {
  const page = await app.newPage(DESKTOP);
  await gotoAndWait(page, '/simulasi?m=rate&g=300&n=30');
  const rows = await readTable(page);
  assert.equal(rows.length, 30);
  await expectText(page.locator('.sim-warn'), UI.saturatedNote);
  const last = await page.locator(`${UI.table} tbody tr`).last().innerText();
  assert.ok(last.includes('≥'), last);
  assert.equal(rows[29][1], '9223372036854775807');
  await expectText(page.locator('.sim-chart svg text').filter({ hasText: 'logaritmik' }), 'logaritmik');
  await noBadNumbers(page, '300 %');
  await screenshot(page, 'simulasi-saturated-1280x800');

  await type(page, UI.rate(), '0');
  await type(page, UI.years(), '3');
  await expectText(page.locator('.sim-summary'), 'tetap Mikro');
  await type(page, UI.rate(), '-50');
  await expectText(page.locator(`${UI.table} tbody tr`).last(), 'Rp250 juta');
  await type(page, UI.start(), '0');
  await noBadNumbers(page, 'zero start');
  assert.deepEqual(appErrors(page), []);
});

test('three scenarios at 375 px: no page-wide scroll, axe clean', TIMEOUT, async () => {
  const page = await app.newPage(MOBILE);
  await gotoAndWait(page, '/simulasi?m2=rate&g2=60&n2=10&m3=target&tv3=60M&ty3=2026&n3=8');
  assert.equal(await page.locator('section.scenario').count(), 3);
  // No fourth: the add buttons are gone at three.
  assert.equal(await page.getByRole('button', { name: UI.addScenario }).count(), 0);
  await expectText(page.locator('.solved'), '%');
  await readTable(page);
  await settle(page);
  await noOverflow(page, '375 px, three scenarios');
  await screenshot(page, 'simulasi-three-375x740');
  const violations = await checkAxe(page);
  assert.equal(violations.length, 0, formatViolations(violations));
  // Remove one.
  await page.getByRole('button', { name: 'Hapus skenario B' }).click();
  assert.equal(await page.locator('section.scenario').count(), 2);
  await waitForUrl(page, 'm2=target');
  assert.deepEqual(appErrors(page), []);
});

test('program mode totals every agreement against a target', TIMEOUT, async () => {
  const page = await app.newPage(DESKTOP);
  await gotoAndWait(page, '/simulasi');
  await page.getByRole('button', { name: UI.programButton }).click();
  const rows = page.locator('#program-table tbody tr');
  await rows.first().waitFor({ timeout: 20_000 });
  assert.equal(await rows.count(), 5);
  await expectText(page.locator('.sim-program .summary-line'), 'target');
  await page.locator('#program-mode-rate').check();
  await type(page, '#program-rate', '300');
  await type(page, '#program-years', '30');
  assert.equal(await rows.count(), 30);
  await noBadNumbers(page, 'program 300 %');
  assert.deepEqual(appErrors(page), []);
});
