// /perjanjian on a generated dataset of 3 000 partners (about 4 000
// agreements, 16 list pages of 250): the first page with its totals and a
// filtered view read only the aggregates they need, never the whole list;
// totals are exact; an export of a large set streams and can be cancelled.
//
// The dataset is made with the data tool (`cargo run --release -p
// kemitraan-datatool -- generate --seed 1 --scale 3000`) and served as
// /api/v1/ by `serve.mjs --data`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useApp, gotoAndWait, expectText, consoleErrors, ROOT } from './helpers.mjs';

const TIMEOUT = { timeout: 180_000 };
const DATA = path.join(os.tmpdir(), 'kemitraan-e2e-agreements-3000');
execFileSync('cargo', ['run', '--release', '--offline', '-q', '-p', 'kemitraan-datatool', '--',
  'generate', '--seed', '1', '--scale', '3000', '--quiet', '--out', DATA], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const app = useApp({ data: DATA });

function readJson(rel) {
  return JSON.parse(fs.readFileSync(path.join(DATA, rel), 'utf8'));
}

/** Every agreement, read from the files (not through the app). */
function allAgreements() {
  const meta = readJson('meta.json');
  let items = [];
  for (let p = 1; p <= meta.agreement_pages; p++) items = items.concat(readJson(`agreements/page-${p}.json`).items);
  return items;
}

/** Data requests (under /api/) and their transferred bytes, from now on. */
function countRequests(page) {
  const seen = [];
  page.on('requestfinished', async (req) => {
    if (!new URL(req.url()).pathname.startsWith('/api/')) return;
    const sizes = await req.sizes().catch(() => null);
    seen.push({ path: new URL(req.url()).pathname, bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0 });
  });
  return seen;
}

async function shownCount(page) {
  const text = await page.locator('.totals-count').textContent();
  const m = text.replace(/\./g, '').match(/(\d+)/);
  assert.ok(m, `no count in ${JSON.stringify(text)}`);
  return Number(m[1]);
}

const sum = (list) => list.reduce((s, r) => s + r.bytes, 0);

test('the first page with its totals reads the index and one page, not the list', TIMEOUT, async () => {
  const all = allAgreements();
  assert.ok(all.length > 3000, `${all.length} agreements`);
  const page = await app.newPage();
  const requests = countRequests(page);
  await gotoAndWait(page, '/perjanjian');
  await expectText(page.locator('.totals-count'), ' perjanjian');
  assert.equal(await shownCount(page), all.length);
  await page.locator('table.agreements tbody tr').first().waitFor();
  assert.equal(await page.locator('table.agreements tbody tr').count(), 50);
  await page.waitForLoadState('networkidle');
  const paths = requests.map((r) => r.path);
  console.log(`# /perjanjian first page: ${requests.length} requests, ${sum(requests)} bytes: ${paths.join(' ')}`);
  assert.ok(!paths.some((p) => /\/agreements\/page-/.test(p)), 'no list page is read');
  assert.ok(paths.includes('/api/v1/aggregates/index.json'));
  assert.ok(paths.includes('/api/v1/aggregates/sorted/tanggal-turun/page-1.json'));
  assert.ok(requests.length <= 3, `${requests.length} data requests: ${paths}`);
  assert.ok(sum(requests) < 150_000, `${sum(requests)} bytes`);
  // The newest agreement is on top.
  const newest = [...all].sort((a, b) => b.date_signed.localeCompare(a.date_signed) || a.id.localeCompare(b.id))[0];
  assert.equal(await page.locator('a.agreement-link').first().getAttribute('href'), `/perjanjian/${newest.id}`);
  assert.deepEqual(consoleErrors(page), []);
});

test('a filtered view reads one shard page and shows exact totals', TIMEOUT, async () => {
  const all = allAgreements();
  const expected = all.filter((a) => a.company.kind === 'pma' && a.date_signed.startsWith('2023'));
  const page = await app.newPage();
  const requests = countRequests(page);
  await gotoAndWait(page, '/perjanjian?tahun=2023&jenis=pma');
  await expectText(page.locator('.totals-count'), `${expected.length} perjanjian`);
  const committed = expected.reduce((s, a) => s + a.value, 0);
  assert.ok(committed > 0);
  await page.locator('table.agreements tbody tr').first().waitFor();
  await page.waitForLoadState('networkidle');
  const paths = requests.map((r) => r.path);
  console.log(`# tahun=2023&jenis=pma: ${requests.length} requests, ${sum(requests)} bytes: ${paths.join(' ')}`);
  assert.ok(!paths.some((p) => /\/agreements\/page-/.test(p)), 'no list page is read');
  const shardPages = paths.filter((p) => p.includes('/aggregates/shards/tahun/2023/'));
  assert.ok(shardPages.length >= 1 && shardPages.length <= 2, `shard pages ${shardPages}`);
  assert.ok(requests.length <= 4, `${requests.length} data requests`);
  // The rows are the filtered list's first 50, in its order.
  const want = [...expected].sort((a, b) => b.date_signed.localeCompare(a.date_signed) || a.id.localeCompare(b.id)).slice(0, 50).map((a) => a.id);
  const listed = await page.locator('a.agreement-link').evaluateAll((as) => as.map((a) => a.getAttribute('href').split('/').pop()));
  assert.deepEqual(listed, want);
  assert.deepEqual(consoleErrors(page), []);
});

test('a filter that cannot be precomputed narrows a shard and counts exactly', TIMEOUT, async () => {
  const all = allAgreements();
  const page = await app.newPage();
  const requests = countRequests(page);
  await gotoAndWait(page, '/perjanjian?pola=inti_plasma&min=5000000000');
  const expected = all.filter((a) => a.pattern === 'inti_plasma' && a.value >= 5_000_000_000);
  await expectText(page.locator('.totals-count'), `${expected.length} perjanjian`);
  await page.waitForLoadState('networkidle');
  const paths = requests.map((r) => r.path);
  assert.ok(paths.every((p) => !p.includes('/shards/') || p.includes('/shards/pola/inti_plasma/')), `${paths}`);
  assert.ok(!paths.some((p) => /\/agreements\/page-/.test(p)));
});

test('an export of a large set streams with a progress bar and Cancel stops it', TIMEOUT, async () => {
  const page = await app.newPage();
  await gotoAndWait(page, '/perjanjian');
  await expectText(page.locator('.totals-count'), ' perjanjian');
  // From now on the data requests never answer: the export stays at its
  // first pages until it is cancelled.
  await app.setFault('hang');
  const aborted = [];
  page.on('requestfailed', (r) => aborted.push(r.url()));
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Unduh CSV' }).click();
  const progress = page.locator('.export-progress');
  await expectText(progress, 'Menyiapkan unduhan: 0 dari');
  assert.equal(await progress.locator('progress').count(), 1);
  await page.getByRole('button', { name: 'Batalkan' }).click();
  await expectText(page.locator('.export-cancelled'), 'Unduhan dibatalkan');
  assert.equal(await progress.count(), 0);
  // The requests in flight were aborted, not left to hang.
  await page.waitForTimeout(300);
  assert.ok(aborted.some((u) => u.includes('/aggregates/shards/tahun/')), `aborted: ${aborted}`);
  // A working backend: the export completes with every agreement.
  await app.setFault('none');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh CSV' }).click(),
  ]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const lines = text.split('\r\n').filter((l) => l.length > 0);
  assert.equal(lines.length - 1, allAgreements().length);
  assert.equal(downloads, 1, 'the cancelled export saved nothing');
});

test('a status filter with up to two other filters reads their timeline and a shard page or two, with exact totals', TIMEOUT, async () => {
  const all = allAgreements();
  // The app's "today": the browser's local date (the context runs in Asia/Jakarta).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const status = (a) => (today < a.period.start ? 'upcoming' : today > a.period.end ? 'ended' : 'active');
  for (const [url, keep, timeline, maxPages = 2] of [
    ['/perjanjian?status=active&tahun=2024', (a) => status(a) === 'active' && a.date_signed.startsWith('2024'), 'timeline/tahun/2024.json'],
    ['/perjanjian?status=ended', (a) => status(a) === 'ended', 'timeline/all.json'],
    ['/perjanjian?status=upcoming,active&pola=rantai_pasok', (a) => status(a) !== 'ended' && a.pattern === 'rantai_pasok', 'timeline/pola/rantai_pasok.json'],
    // Two more filters: the timeline of the pair of values (the list has
    // more than 3 000 agreements); the shards' page maps skip the pages
    // without an ended agreement, but the first pages after them hold few
    // (ARCHITECTURE.md, "/perjanjian at scale").
    ['/perjanjian?status=ended&jenis=pma&kelas=mikro', (a) => status(a) === 'ended' && a.company.kind === 'pma' && a.umkm_size?.class === 'mikro', 'timeline/jenis/pma/kelas/mikro.json', 5],
    ['/perjanjian?status=ended&tahun=2023&pola=subkontrak', (a) => status(a) === 'ended' && a.date_signed.startsWith('2023') && a.pattern === 'subkontrak', 'timeline/tahun/2023/pola/subkontrak.json'],
  ]) {
    const expected = all.filter(keep);
    assert.ok(expected.length > 50, `${url}: ${expected.length} agreements`);
    const page = await app.newPage();
    const requests = countRequests(page);
    await gotoAndWait(page, url);
    await expectText(page.locator('.totals-count'), `${expected.length.toLocaleString('id-ID')} perjanjian`);
    await page.locator('table.agreements tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    const paths = requests.map((r) => r.path);
    console.log(`# ${url}: ${requests.length} requests, ${sum(requests)} bytes: ${paths.join(' ')}`);
    assert.ok(paths.includes(`/api/v1/aggregates/${timeline}`), `${url}: ${paths}`);
    const shardPages = paths.filter((p) => p.includes('/aggregates/shards/'));
    assert.ok(shardPages.length >= 1 && shardPages.length <= maxPages, `${url}: shard pages ${shardPages}`);
    // The committed total is the filtered set's, to the rupiah.
    const committed = expected.reduce((s, a) => s + a.value, 0);
    const shown = (await page.locator('.totals-figures dd .amount').first().getAttribute('title')).replace(/\D/g, '');
    assert.equal(shown, String(committed), url);
    const want = [...expected].sort((a, b) => b.date_signed.localeCompare(a.date_signed) || a.id.localeCompare(b.id)).slice(0, 50).map((a) => a.id);
    const listed = await page.locator('a.agreement-link').evaluateAll((as) => as.map((a) => a.getAttribute('href').split('/').pop()));
    assert.deepEqual(listed, want, url);
    assert.deepEqual(consoleErrors(page), []);
  }
});
