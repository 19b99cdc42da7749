// Browser tests of the partner search (/mitra) and the partner page.
// Run: make build && node --test tests/e2e/search.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, gotoAndWait, expectText, consoleErrors, screenshot, DESKTOP, MOBILE } from './helpers.mjs';

// ---- The UI contract: every text the tests look for. ----
const UI = {
  box: '#cari',
  count: '#hasil [role="status"]',
  countWord: 'mitra', // "252 mitra", "3 mitra cocok dengan …"
  resultLink: '#hasil .result-name',
  noResult: 'Tidak ada mitra yang cocok',
  clearFilters: 'Hapus semua saringan',
  kind: (key) => `input[type="checkbox"][name="jenis"][value="${key}"]`,
  partnerNotFound: 'Mitra tidak ditemukan',
};
const TIMEOUT = { timeout: 90_000 };

const app = useApp();

/** Waits for the index and a result line, returns the status text. */
async function ready(page) {
  // "252 mitra", not "Memuat data mitra…".
  await page.waitForFunction((sel) => /^[0-9]/.test(document.querySelector(sel)?.textContent ?? ''), UI.count, { timeout: 30_000 });
  return expectText(page.locator(UI.count), UI.countWord);
}
const names = (page) => page.locator(UI.resultLink).allTextContents();
const countOf = async (page, key) =>
  (await page.locator(`label:has(${UI.kind(key)}) .count`).textContent()).trim();
/** Waits until the status line no longer reads `before`. */
async function changed(page, before) {
  await page.waitForFunction(
    ([sel, b]) => document.querySelector(sel)?.textContent !== b,
    [UI.count, before],
  );
}

/** A swap of two inner letters of the longest word: one typo. */
function misspell(name) {
  const words = name.split(' ').filter((w) => !['PT', 'CV', 'UD', 'Tbk', 'Koperasi'].includes(w));
  const w = words.reduce((a, b) => (b.length > a.length ? b : a));
  const i = 2;
  return { typed: w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2), word: w };
}

test('a misspelled name finds the partner', TIMEOUT, async () => {
  const partners = await app.getJson('/api/v1/partners/page-1.json');
  const target = partners.items.find((p) => p.name.split(' ').some((w) => w.length >= 7));
  const { typed, word } = misspell(target.name);
  assert.notEqual(typed.toLowerCase(), word.toLowerCase());
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  const before = await ready(page);
  await page.locator(UI.box).pressSequentially(typed.toLowerCase(), { delay: 30 });
  await changed(page, before);
  await expectText(page.locator(UI.count), typed.toLowerCase());
  const found = await names(page);
  assert.ok(found.includes(target.name), `"${typed}" should find "${target.name}"; got ${JSON.stringify(found.slice(0, 5))}`);
  // Accents and case do not matter either.
  await page.locator(UI.box).fill(word.toUpperCase().replace(/A/, 'Á'));
  await expectText(page.locator(UI.resultLink), word, { ignoreCase: true });
  // The typed words are announced with the count (a polite live region).
  assert.equal(await page.locator(UI.count).getAttribute('aria-live'), 'polite');
  assert.deepEqual(consoleErrors(page), []);
});

test('a full NIB finds its partner', TIMEOUT, async () => {
  const partners = await app.getJson('/api/v1/partners/page-1.json');
  const target = partners.items[3];
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  await ready(page);
  await page.locator(UI.box).fill(target.nib);
  await expectText(page.locator(UI.count), '1 mitra');
  assert.deepEqual(await names(page), [target.name]);
});

test('facet counts change with the query, and a facet narrows the list', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  const all = await ready(page);
  const umkmAll = await countOf(page, 'umkm');
  const pmaAll = await countOf(page, 'pma');
  await page.locator(UI.box).fill('koperasi');
  await changed(page, all);
  // The answer, not a "searching" line while the index files arrive.
  await expectText(page.locator(UI.count), 'cocok dengan “koperasi”');
  const umkmKop = await countOf(page, 'umkm');
  assert.notEqual(umkmKop, umkmAll, 'UMKM count follows the query');
  assert.equal(await countOf(page, 'pma'), '0', 'no PMA is a koperasi');
  assert.notEqual(pmaAll, '0');
  // Ticking UMKM keeps the kind counts (they ignore their own facet) and
  // lists only UMKM.
  const before = await page.locator(UI.count).textContent();
  await page.locator(UI.kind('umkm')).check();
  await expectText(page.locator(UI.count), `${umkmKop} mitra`);
  assert.equal(await countOf(page, 'umkm'), umkmKop);
  assert.ok(before.includes(umkmKop), `all koperasi are UMKM: "${before}"`);
  assert.match(page.url(), /jenis=umkm/);
});

test('no result says so and offers to clear the filters', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra?q=koperasi&jenis=pma');
  await ready(page);
  await expectText(page.locator('#hasil'), UI.noResult);
  await page.getByRole('button', { name: UI.clearFilters }).first().click();
  await expectText(page.locator(UI.count), 'cocok dengan “koperasi”');
  assert.ok((await names(page)).length > 0, 'clearing the filters brings results back');
  assert.doesNotMatch(page.url(), /jenis=/);
  assert.equal(await page.locator(UI.box).inputValue(), 'koperasi', 'the words stay');
});

test('a copied URL reproduces the results', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  await ready(page);
  await page.locator(UI.box).pressSequentially('abadi', { delay: 20 });
  await page.locator(UI.kind('umkm')).check();
  await page.locator(UI.kind('pmdn')).check();
  await page.locator('.result-sort select').selectOption('nilai');
  await page.waitForTimeout(600); // past the typing debounce
  const url = page.url();
  assert.match(url, /q=abadi/);
  assert.match(url, /urut=nilai/);
  const list = await names(page);
  assert.ok(list.length > 1, 'the query has results');

  const other = await app.newPage(MOBILE);
  await gotoAndWait(other, url.replace(/^https?:\/\/[^/]+/, ''));
  await ready(other);
  await expectText(other.locator(UI.count), 'abadi');
  assert.deepEqual(await names(other), list);
  assert.equal(await other.locator(UI.box).inputValue(), 'abadi');
  // On a phone the filters are folded, with the number set, and drawn when
  // opened (src/pages/partners.rs).
  await expectText(other.locator('details.facet-panel summary'), '(2)');
  await other.locator('details.facet-panel summary').click();
  assert.ok(await other.locator(UI.kind('umkm')).isChecked());
  assert.ok(await other.locator(UI.kind('pmdn')).isChecked());
  assert.ok(!(await other.locator(UI.kind('pma')).isChecked()));
  assert.equal(await other.locator('.result-sort select').inputValue(), 'nilai');
  assert.deepEqual(consoleErrors(other), []);
});

test('bad or unknown parameters in a link are ignored, the rest kept', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra?q=abadi&jenis=alien,umkm&provinsi=99&kelas=raksasa&urut=acak&hal=-1&sektor=%E0%A4%A&zzz=1');
  await ready(page);
  assert.equal(await page.locator(UI.box).inputValue(), 'abadi');
  assert.ok(await page.locator(UI.kind('umkm')).isChecked());
  assert.ok(!(await page.locator(UI.kind('pma')).isChecked()));
  assert.ok((await names(page)).length > 0);
  // A page past the end shows the last page.
  await gotoAndWait(page, '/mitra?hal=999999');
  await ready(page);
  assert.ok((await names(page)).length > 0);
  assert.deepEqual(consoleErrors(page), []);
});

test('back and forward step through searches', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  const all = await ready(page);
  await page.locator(UI.box).pressSequentially('koperasi', { delay: 20 });
  await page.waitForTimeout(600);
  const kop = await page.locator(UI.count).textContent();
  assert.match(page.url(), /\?q=koperasi$/);
  await page.locator(UI.kind('umkm')).check();
  await page.waitForURL(/jenis=umkm/);

  await page.goBack();
  await page.waitForURL(/\?q=koperasi$/);
  assert.ok(!(await page.locator(UI.kind('umkm')).isChecked()), 'back unticks UMKM');
  assert.equal(await page.locator(UI.box).inputValue(), 'koperasi');
  await expectText(page.locator(UI.count), kop);

  await page.goBack();
  await page.waitForURL(/\/mitra$/);
  await expectText(page.locator(UI.count), all);
  assert.equal(await page.locator(UI.box).inputValue(), '', 'one history entry for the whole word typed');

  await page.goForward();
  await page.waitForURL(/\?q=koperasi$/);
  assert.equal(await page.locator(UI.box).inputValue(), 'koperasi');
  await page.goForward();
  await page.waitForURL(/jenis=umkm/);
  assert.ok(await page.locator(UI.kind('umkm')).isChecked());
});

test('pages of results are links in the URL', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  await ready(page);
  const first = await names(page);
  assert.equal(first.length, 50);
  await page.getByRole('link', { name: /Berikutnya/ }).click();
  await page.waitForURL(/hal=2/);
  await expectText(page.locator('.pager'), 'Halaman 2');
  const second = await names(page);
  assert.notDeepEqual(second, first);
  await page.goBack();
  await expectText(page.locator('.pager'), 'Halaman 1');
  assert.deepEqual(await names(page), first);
});

test('"/" focuses the search box; ↓ and Enter open a result', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  await ready(page);
  await page.locator('main h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'cari');
  assert.equal(await page.locator(UI.box).inputValue(), '', '"/" is not typed into the box');
  await page.keyboard.type('koperasi');
  await expectText(page.locator(UI.count), 'cocok dengan “koperasi”');
  // Inside the box "/" is just a character.
  await page.keyboard.type('/');
  assert.equal(await page.locator(UI.box).inputValue(), 'koperasi/');
  await page.keyboard.press('Backspace');
  await expectText(page.locator(UI.count), '“koperasi”');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, (await names(page))[0]);
  // The next Tab reaches the second result.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), (await names(page))[1]);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/mitra\/[A-Za-z0-9_-]+$/);
  await expectText(page.locator('main h1'), 'Koperasi');
  // Back to the search: same words, same results, the index is not rebuilt.
  await page.goBack();
  await expectText(page.locator(UI.count), '“koperasi”');
});

test('facets are labelled form controls', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  await ready(page);
  for (const name of ['PMA', 'PMDN', 'UMKM', 'Mikro', 'Inti-plasma']) {
    assert.equal(await page.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) }).count(), 1, name);
  }
  for (const name of ['Provinsi', 'Sektor (kategori KBLI)', 'Urutkan']) {
    assert.equal(await page.getByRole('combobox', { name }).count(), 1, name);
  }
  await page.getByRole('combobox', { name: 'Provinsi' }).selectOption('31');
  await page.waitForURL(/provinsi=31/);
  await expectText(page.locator('#hasil .result-meta').first(), 'DKI Jakarta');
  await screenshot(page, 'mitra-search-1280x800');
  const mobile = await app.newPage(MOBILE);
  await gotoAndWait(mobile, '/mitra?q=jaya&jenis=umkm&urut=perjanjian');
  await ready(mobile);
  const [scrollWidth, innerWidth] = await mobile.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scrollWidth <= innerWidth, `horizontal scroll at 375 px (${scrollWidth} > ${innerWidth})`);
  await screenshot(mobile, 'mitra-search-375x740');
});

test('the partner page shows identifiers, agreements with totals and linked partners', TIMEOUT, async () => {
  const partners = await app.getJson('/api/v1/partners/page-1.json');
  const pma = partners.items.find((p) => p.kind === 'pma');
  const umkm = partners.items.find((p) => p.kind === 'umkm');
  const page = await app.newPage();
  await gotoAndWait(page, `/mitra/${pma.id}`);
  await expectText(page.locator('main h1'), pma.name);
  const facts = page.locator('dl.facts');
  for (const t of ['NIB', pma.nib, 'NPWP', 'KBLI 2020', 'Negara asal modal', `(${pma.country})`]) await expectText(facts, t);
  await expectText(page.locator('tfoot'), 'Jumlah');
  const links = page.locator('.chips a');
  assert.ok((await links.count()) > 0);
  await gotoAndWait(page, `/mitra/${umkm.id}`);
  const umkmFacts = page.locator('dl.facts');
  await expectText(umkmFacts, 'PP 7/2021');
  await expectText(umkmFacts, 'hasil penjualan tahunan');
  assert.equal(await umkmFacts.getByText('NPWP', { exact: true }).count(), 0, 'no NPWP for an UMKM');
  await screenshot(page, 'mitra-detail-umkm-1280x800');
});

test('an unknown partner id shows a not-found message', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra/TIDAK-ADA-123');
  await expectText(page.locator('main h1'), UI.partnerNotFound);
  await gotoAndWait(page, '/mitra/..%2F..%2Fetc');
  await expectText(page.locator('main h1'), UI.partnerNotFound);
});

test('a hostile name in the data shows as text', TIMEOUT, async () => {
  const HOSTILE = '<img src=x onerror="window.__pwned=1">PT Qwertyjahat <b>Tebal</b>';
  const page = await app.newPage(DESKTOP);
  // The search reads the index (docs/api.md, "search/"): give the partner
  // of a word found once a hostile name that keeps that word, in its shard.
  const text = async (p) => (await fetch(app.url(p))).text();
  const root = (await text('/api/v1/search/root.txt')).split('\n');
  const starts = root.find((l) => l.startsWith('starts ')).split(' ').slice(1).map(Number);
  const first = root.findIndex((l) => l.startsWith('terms ')) + 1;
  const terms = root.slice(first).filter((l) => l.includes('\t')).map((l) => l.split('\t'));
  const i = terms.findIndex(([t, df]) => df === '1' && /^[a-z]{6,}$/.test(t));
  const word = terms[i][0];
  const shard = starts.filter((s) => s <= i).length - 1;
  const shardPath = `/api/v1/search/terms/${shard}.txt`;
  const lines = (await text(shardPath)).split('\n');
  const at = lines.findIndex((l) => l.split('\t')[1]?.toLowerCase().split(/[^a-z]+/).includes(word));
  const fields = lines[at].split('\t');
  const id = fields[0];
  const name = `${HOSTILE} ${word}`;
  fields[1] = name;
  lines[at] = fields.join('\t');
  // Shards are fetched as PATH?v=VERSION (docs/api.md): match the path.
  await page.route((url) => url.pathname === shardPath, (route) => route.fulfill({ contentType: 'text/plain', body: lines.join('\n') }));
  const detailPath = await app.detailPath('partners', id);
  const bucket = await app.getJson(detailPath);
  const items = bucket.items.map((d) => (d.partner.id === id ? { ...d, partner: { ...d.partner, name } } : d));
  assert.equal(items.filter((d) => d.partner.name === name).length, 1, `${id} in ${detailPath}`);
  await page.route(`**${detailPath}`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...bucket, items }) }));

  await gotoAndWait(page, '/mitra');
  await ready(page);
  await page.locator(UI.box).fill(word);
  await expectText(page.locator(UI.count), '1 mitra');
  assert.deepEqual(await names(page), [name]);
  assert.equal(await page.locator('#hasil img, #hasil b').count(), 0, 'no element made from the name');
  await page.locator(UI.resultLink).first().click();
  await page.waitForURL(new RegExp(id));
  await expectText(page.locator('main h1'), 'PT Qwertyjahat');
  assert.equal(await page.locator('main h1').textContent(), name);
  assert.equal(await page.locator('main img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'onerror never ran');
});
