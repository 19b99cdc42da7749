// The partner search on a generated dataset of 4 000 partners, larger than
// the 3 000 that browse.txt lists whole: what a first search fetches, that
// retyping fetches nothing, and that a missing or damaged index file shows
// the error with Retry, and Retry recovers.
// Run: make build && node --test tests/e2e/search-scale.test.mjs
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useApp, gotoAndWait, expectText, consoleErrors, ROOT } from './helpers.mjs';

const PARTNERS = 4000;
const BUDGET = 300;
const TIMEOUT = { timeout: 120_000 };
const DATA = path.join(os.tmpdir(), `kemitraan-e2e-scale-${process.pid}`);
const UI = {
  box: '#cari',
  count: '#hasil [role="status"]',
  resultLink: '#hasil .result-name',
  error: '#hasil [role="alert"]',
  retry: 'Coba lagi',
};

/** Generates the dataset (the data tool writes the search index too). */
function generate() {
  const bin = process.env.KEMITRAAN_DATA_BIN;
  const args = ['generate', '--seed', '3', '--scale', String(PARTNERS), '--quiet', '--out', DATA];
  const r = bin
    ? spawnSync(bin, args, { encoding: 'utf8' })
    : spawnSync('cargo', ['run', '--offline', '-q', '-p', 'kemitraan-datatool', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`generate failed: ${r.stderr || r.error}`);
  // A keystroke budget of 300 rows (600 by default), so that the common
  // words of 4 000 partners get precomputed first pages (search/tops/).
  const index = ['build-index', DATA, '--budget', String(BUDGET)];
  const b = bin
    ? spawnSync(bin, index, { encoding: 'utf8' })
    : spawnSync('cargo', ['run', '--offline', '-q', '-p', 'kemitraan-datatool', '--', ...index], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build-index failed: ${b.stderr || b.error}`);
  return DATA;
}

const app = useApp({ prepare: generate });
after(() => fs.rmSync(DATA, { recursive: true, force: true }));

/** Every /api/ response of `page`: path and bytes on the wire. */
function recordApi(page) {
  const seen = [];
  page.on('requestfinished', async (req) => {
    const url = new URL(req.url());
    if (!url.pathname.startsWith('/api/')) return;
    const sizes = await req.sizes().catch(() => null);
    seen.push({ path: url.pathname.slice('/api/v1/'.length), bytes: sizes?.responseBodySize ?? 0 });
  });
  return seen;
}
const searchFiles = (list) => list.filter((r) => r.path.startsWith('search/'));
const sum = (list) => list.reduce((n, r) => n + r.bytes, 0);

async function ready(page) {
  await page.waitForFunction((sel) => /^[0-9]/.test(document.querySelector(sel)?.textContent ?? ''), UI.count, { timeout: 30_000 });
}

/** A partner and the word of its name that is rarest on its page. */
async function target() {
  const items = (await app.getJson('/api/v1/partners/page-3.json')).items;
  const words = (n) => n.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 5);
  const df = new Map();
  for (const p of items) for (const w of new Set(words(p.name))) df.set(w, (df.get(w) ?? 0) + 1);
  const partner = items[17];
  const word = words(partner.name).sort((a, b) => df.get(a) - df.get(b))[0];
  return { partner, word };
}

test('a first search fetches the root and a few shards, never the partner pages', TIMEOUT, async (t) => {
  const { partner, word } = await target();
  const page = await app.newPage();
  const api = recordApi(page);
  await gotoAndWait(page, '/mitra');
  await ready(page);
  await expectText(page.locator(UI.count), '4.000 mitra');
  // The empty query: the root and the first pages, not the dataset.
  assert.deepEqual(searchFiles(api).map((r) => r.path).sort(), ['search/browse.txt', 'search/root.txt']);
  assert.equal((await page.locator(UI.resultLink).allTextContents()).length, 50);
  await expectText(page.locator('.pager'), 'Halaman 1 dari 80');
  const opening = sum(searchFiles(api));

  const before = api.length;
  await page.locator(UI.box).pressSequentially(word, { delay: 40 });
  await expectText(page.locator(UI.count), `cocok dengan “${word}”`);
  await expectText(page.locator('#hasil'), partner.name);
  await page.waitForTimeout(500); // late responses of the keystrokes before
  const typed = api.slice(before);
  t.diagnostic(`opening: ${opening} B; typing "${word}": ${typed.length} requests, ${sum(typed)} B (${typed.map((r) => r.path).join(' ')})`);
  assert.ok(typed.every((r) => /^search\/(terms|hoods|nib|tops)\//.test(r.path)), JSON.stringify(typed));
  assert.ok(typed.length >= 1 && typed.length <= 8, `${typed.length} shard requests`);
  assert.ok(sum(typed) < 250_000, `${sum(typed)} bytes for the first search`);
  assert.ok(!api.some((r) => r.path.startsWith('partners/page-')), 'no partner page is fetched');

  // The same word typed again is answered from the shards of this visit.
  const again = api.length;
  await page.locator(UI.box).fill('');
  await page.locator(UI.box).pressSequentially(word, { delay: 40 });
  await expectText(page.locator('#hasil'), partner.name);
  await page.waitForTimeout(500); // late responses of the keystrokes before
  assert.deepEqual(api.slice(again), [], 'retyping fetches nothing');
  assert.deepEqual(consoleErrors(page), []);
});

test('a common word typed alone: each keystroke fetches one small precomputed page, the answer equals the shards\'', TIMEOUT, async (t) => {
  // The most frequent word of the names that is not a legal form.
  const root = await (await fetch(`${app.base}/api/v1/search/root.txt`)).text();
  const legal = new Set(['pt', 'cv', 'ud', 'tbk', 'koperasi', 'persero', 'fa', 'pd', 'perum', 'perumda', 'kud']);
  const [word] = root.split('\n').filter((l) => /^[a-z]{6,}\t\d+$/.test(l)).map((l) => l.split('\t'))
    .filter(([w]) => !legal.has(w)).sort((a, b) => b[1] - a[1])[0];
  assert.ok(Number(root.split('\n').find((l) => l.startsWith(`${word}\t`)).split('\t')[1]) > BUDGET, word);
  const page = await app.newPage();
  const api = recordApi(page);
  await gotoAndWait(page, '/mitra');
  await ready(page);
  await page.waitForTimeout(300);
  const perKey = [];
  for (const ch of word) {
    const before = api.length;
    await page.locator(UI.box).press(ch);
    await page.waitForTimeout(400);
    perKey.push(api.slice(before));
  }
  await expectText(page.locator(UI.count), `cocok dengan “${word}”`);
  const shown = (await page.locator(UI.count).textContent()).trim();
  const names = await page.locator(UI.resultLink).allTextContents();
  t.diagnostic(`"${word}": ${perKey.map((k) => `${k.length} req ${sum(k)} B`).join(', ')}; "${shown}"`);
  const tops = perKey.flat().filter((r) => r.path.startsWith('search/tops/'));
  assert.ok(tops.length >= 3, `precomputed pages fetched: ${JSON.stringify(perKey)}`);
  for (const k of perKey) assert.ok(sum(k) < 30_000, `a keystroke fetched ${sum(k)} B`);
  assert.ok(!perKey.flat().some((r) => r.path.startsWith('search/terms/')), 'no term shard for the word alone');

  // The same word with every kind selected (a filter: the shards are
  // fetched and searched): the same count and the same first page.
  const check = await app.newPage();
  const checkApi = recordApi(check);
  await gotoAndWait(check, `/mitra?q=${word}&jenis=pma,pmdn,umkm`);
  await ready(check);
  await expectText(check.locator(UI.count), shown);
  assert.deepEqual(await check.locator(UI.resultLink).allTextContents(), names);
  assert.ok(checkApi.some((r) => r.path.startsWith('search/terms/')), 'the filtered query reads the shards');
});

test('a full NIB fetches its NIB shard and finds the partner', TIMEOUT, async () => {
  const { partner } = await target();
  const page = await app.newPage();
  const api = recordApi(page);
  await gotoAndWait(page, '/mitra');
  await ready(page);
  await page.locator(UI.box).fill(partner.nib);
  await expectText(page.locator(UI.count), '1 mitra');
  assert.deepEqual(await page.locator(UI.resultLink).allTextContents(), [partner.name]);
  assert.ok(api.some((r) => r.path.startsWith('search/nib/')));
});

const idNumber = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Every partner of the dataset, from the list pages (test side only). */
async function allPartners() {
  const first = await app.getJson('/api/v1/partners/page-1.json');
  const items = [...first.items];
  for (let n = 2; n <= first.pages; n++) items.push(...(await app.getJson(`/api/v1/partners/page-${n}.json`)).items);
  return items;
}

test('a home sector bar opens its partners: the root and one head file, the right count; page 2 fetches one list part', TIMEOUT, async (t) => {
  const summary = await app.getJson('/api/v1/summary.json');
  const sector = summary.by_sector.filter((b) => b.key !== '-').sort((a, b) => b.partners - a.partners)[0];
  assert.ok(sector.partners > 100, `sector ${sector.key}: ${sector.partners} partners`);
  const page = await app.newPage();
  const api = recordApi(page);
  await gotoAndWait(page, '/');
  const bar = page.locator(`#chart-sektor svg a[href="/mitra?sektor=${sector.key}"]`);
  await bar.waitFor({ state: 'attached' });
  await bar.click();
  await page.waitForURL(new RegExp(`/mitra\\?sektor=${sector.key}$`));
  await ready(page);
  await expectText(page.locator(UI.count), `${idNumber(sector.partners)} mitra`);
  assert.equal((await page.locator(UI.resultLink).allTextContents()).length, 50);
  await expectText(page.locator('.pager'), `Halaman 1 dari ${Math.ceil(sector.partners / 50)}`);
  await page.waitForTimeout(300); // late responses
  const files = searchFiles(api);
  t.diagnostic(`sector ${sector.key} (${sector.partners} partners), page 1: ${files.length} requests, ${sum(files)} B (${files.map((r) => r.path).join(' ')})`);
  assert.deepEqual(files.map((r) => r.path).sort(), [`search/lists/sektor-${sector.key}-head.txt`, 'search/root.txt']);
  assert.ok(!api.some((r) => r.path.startsWith('partners/page-')), 'no partner page is fetched');
  const firstPage = await page.locator(UI.resultLink).allTextContents();

  // Page 2 in A–Z order: one part of the sector's list, the same total.
  const before = api.length;
  await page.getByRole('link', { name: /Berikutnya|Selanjutnya|›/ }).first().click();
  await expectText(page.locator('.pager'), `Halaman 2 dari ${Math.ceil(sector.partners / 50)}`);
  await expectText(page.locator(UI.count), `${idNumber(sector.partners)} mitra`);
  await page.waitForTimeout(300);
  const paged = api.slice(before);
  t.diagnostic(`page 2: ${paged.length} requests, ${sum(paged)} B (${paged.map((r) => r.path).join(' ')})`);
  assert.deepEqual(paged.map((r) => r.path), [`search/lists/sektor-${sector.key}-0.txt`]);
  const second = await page.locator(UI.resultLink).allTextContents();
  assert.equal(second.length, 50);
  assert.ok(!second.some((n) => firstPage.includes(n)), 'page 2 holds other partners than page 1');
  assert.deepEqual(consoleErrors(page), []);
});

test('two facets without words: the partners of both, counted as the full list counts them', TIMEOUT, async (t) => {
  const items = await allPartners();
  const province = items[5].province;
  const want = items.filter((p) => p.kind === 'umkm' && p.province === province);
  const page = await app.newPage();
  const api = recordApi(page);
  await gotoAndWait(page, `/mitra?jenis=umkm&provinsi=${province}&urut=nilai`);
  await ready(page);
  await expectText(page.locator(UI.count), `${idNumber(want.length)} mitra`);
  // The largest committed value first, as the full list orders them.
  const top = [...want].sort((a, b) => b.committed - a.committed)[0];
  assert.equal((await page.locator(UI.resultLink).first().textContent()).trim(), top.name);
  const files = searchFiles(api);
  t.diagnostic(`UMKM in ${province} (${want.length}) by value: ${files.length} requests, ${sum(files)} B`);
  // The province's list is the smaller: its parts only, no kind list.
  assert.ok(files.some((r) => r.path.startsWith(`search/lists/provinsi-${province}-`)), JSON.stringify(files));
  assert.ok(!files.some((r) => r.path.includes('jenis-')), JSON.stringify(files));
});

test('two facets with one large value each: page 1 is one pair file, the count and order the full list\'s', TIMEOUT, async (t) => {
  const items = await allPartners();
  const umkm = items.filter((p) => p.kind === 'umkm');
  const byPattern = new Map();
  for (const p of umkm) for (const k of p.patterns) byPattern.set(k, (byPattern.get(k) ?? 0) + 1);
  const [pattern] = [...byPattern].sort((a, b) => b[1] - a[1])[0];
  const want = umkm.filter((p) => p.patterns.includes(pattern));
  assert.ok(want.length > BUDGET, `${want.length} partners`);
  const page = await app.newPage();
  const api = recordApi(page);
  await gotoAndWait(page, `/mitra?jenis=umkm&pola=${pattern}&urut=nilai`);
  await ready(page);
  await expectText(page.locator(UI.count), `${idNumber(want.length)} mitra`);
  const top = [...want].sort((a, b) => b.committed - a.committed)[0];
  assert.equal((await page.locator(UI.resultLink).first().textContent()).trim(), top.name);
  await page.waitForTimeout(300); // late responses
  const files = searchFiles(api);
  t.diagnostic(`UMKM with ${pattern} (${want.length}) by value: ${files.length} requests, ${sum(files)} B (${files.map((r) => r.path).join(' ')})`);
  assert.deepEqual(files.map((r) => r.path).sort(), [`search/pairs/jenis-umkm.pola-${pattern}.txt`, 'search/root.txt']);
});

for (const [mode, message] of [
  ['404', 'HTTP 404'],
  ['invalid', 'tidak sesuai dengan format'],
]) {
  test(`a ${mode === '404' ? 'missing' : 'damaged'} shard shows the error with Retry, and Retry recovers`, TIMEOUT, async () => {
    const { partner, word } = await target();
    const page = await app.newPage();
    await gotoAndWait(page, '/mitra');
    await ready(page);
    // The root is here: fault whichever index file the word needs (its
    // term shards, or its typo neighbourhood, search/hoods/).
    await app.setFault(mode, '/search/');
    await page.locator(UI.box).fill(word);
    await expectText(page.locator(UI.error), message);
    await expectText(page.locator(UI.count), 'tidak dapat dimuat');
    await app.reset();
    await page.getByRole('button', { name: UI.retry }).click();
    await expectText(page.locator('#hasil'), partner.name);
    await expectText(page.locator(UI.count), `cocok dengan “${word}”`);
  });
}

test('a missing root shows the error with Retry, and Retry recovers', TIMEOUT, async () => {
  await app.setFault('500', '/search/root.txt');
  const page = await app.newPage();
  await gotoAndWait(page, '/mitra');
  await expectText(page.locator(UI.error), 'HTTP 500');
  await app.reset();
  await page.getByRole('button', { name: UI.retry }).click();
  await expectText(page.locator(UI.count), '4.000 mitra');
});
