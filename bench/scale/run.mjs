#!/usr/bin/env node
// Partner search at scale, as a phone on slow 4G sees it (issue 11):
//
//   node bench/scale/run.mjs --data DIR [--dist dist] [--runs 1]
//
// Serves the release app (dist/) with DIR as /api/v1/ (scripts/serve.mjs
// --data, gzip), and drives Debian's headless Chromium with network
// throttling through CDP (150 ms RTT, 1.6 Mbps down, 750 kbps up; the
// cache is empty: a fresh context per query). For each query it opens
// /mitra?q=QUERY and reports the bytes moved (all, and /api/ only), the
// requests, and the time from navigation to the first result row (or the
// "type more letters" message), then the same for views with filters and no
// words (a sector bar of the home page, later pages). Then it types queries letter by letter into
// an open /mitra and reports the new /api/ bytes of each keystroke, and the
// JS heap and wasm memory at the end. MiniSearch (and the app before the
// sharded index) must download every partner page first: that figure is the
// pages' gzip size at the same throughput, computed, not run.
//
// A benchmark, not a test: it prints figures and asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../lib/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const DATA = path.resolve(opt('--data', '/tmp/kemitraan-scale100k'));
const DIST = path.resolve(opt('--dist', path.join(ROOT, 'dist')));
const DOWN = 1.6e6 / 8; // bytes per second
const RTT = 150;

if (!fs.existsSync(path.join(DATA, 'search/root.txt'))) {
  console.error(`no search index in ${DATA}: run kemitraan-data build-index ${DATA}`);
  process.exit(1);
}
const meta = JSON.parse(fs.readFileSync(path.join(DATA, 'meta.json'), 'utf8'));

// Queries from the dataset itself: a rare coined word (a term of 3-10
// partners), a common word, a typo of the rare word, a prefix.
const rootLines = fs.readFileSync(path.join(DATA, 'search/root.txt'), 'utf8').split('\n');
const termsAt = rootLines.findIndex((l) => l.startsWith('terms '));
const terms = rootLines.slice(termsAt + 1).filter((l) => l.includes('\t')).map((l) => {
  const [t, df] = l.split('\t');
  return { t, df: Number(df) };
});
const rare = terms.find((x) => /^[a-z]{9,}$/.test(x.t) && x.df >= 3 && x.df <= 10)?.t ?? 'kavando';
const typo = rare.slice(0, 3) + rare[4] + rare[3] + rare.slice(5);
const QUERIES = [
  ['sari', 'sari'],
  ['rare word', rare],
  ['common word', 'makmur'],
  ['typo', typo],
  ['prefix', rare.slice(0, 4)],
  ['two words', `pt ${rare} makmur`],
];

// ------------------------------------------------------------------ server
const server = await startServer(DIST, ['--data', DATA]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});

/** A fresh throttled page that counts the bytes of every response. */
async function throttledPage() {
  const context = await browser.newContext({ baseURL: server.base, viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.addInitScript(() => {
    window.addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: RTT, downloadThroughput: DOWN, uploadThroughput: 750e3 / 8,
  });
  const urls = new Map();
  const log = [];
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) ?? '';
    log.push({ path: new URL(url, server.base).pathname, bytes: e.encodedDataLength, at: Date.now() });
  });
  return { context, page, log };
}

const api = (log) => log.filter((r) => r.path.startsWith('/api/'));
const sum = (log) => log.reduce((n, r) => n + r.bytes, 0);
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const STATUS = '#hasil [role="status"]';

/** Resolves when the page shows results or the "more letters" message. */
async function answered(page) {
  await page.waitForFunction((sel) => {
    const s = document.querySelector(sel)?.textContent ?? '';
    return (/cocok dengan/.test(s) && document.querySelector('#hasil .result-name, #hasil .no-results'))
      || /Terlalu banyak/.test(s);
  }, STATUS);
}

async function quiet(log, ms = 400) {
  for (;;) {
    const last = log.at(-1)?.at ?? 0;
    await new Promise((r) => setTimeout(r, ms));
    if ((log.at(-1)?.at ?? 0) === last) return;
  }
}

const results = [];
console.log(`dataset ${DATA}: ${meta.counts.partners} partners; throttled to ${DOWN * 8 / 1e6} Mbps, ${RTT} ms RTT`);
for (const [label, q] of QUERIES) {
  const { context, page, log } = await throttledPage();
  const t0 = Date.now();
  await page.goto(`/mitra?q=${encodeURIComponent(q)}`);
  await answered(page);
  const ms = Date.now() - t0;
  const status = (await page.locator(STATUS).textContent()).trim();
  const a = api(log);
  results.push({ label, q, ms, all: sum(log), api: sum(a), requests: log.length, apiRequests: a.length, status });
  console.log(`  ${label.padEnd(12)} ${JSON.stringify(q).padEnd(26)} ${(ms / 1000).toFixed(1)} s  all ${kb(sum(log))} (${log.length} req)  data ${kb(sum(a))} (${a.length} req)  "${status}"`);
  await context.close();
}

// Filters without words (the home page's sector and class bars): the list
// heads and parts of the index (docs/api.md), first page and page 2.
const summary = JSON.parse(fs.readFileSync(path.join(DATA, 'summary.json'), 'utf8'));
const bigSector = summary.by_sector.filter((b) => b.key !== '-').sort((a, b) => b.partners - a.partners)[0].key;
const VIEWS = [
  ['sector bar', `sektor=${bigSector}`],
  ['class bar', 'kelas=mikro'],
  ['sector, page 2', `sektor=${bigSector}&hal=2`],
  ['sector, page 40', `sektor=${bigSector}&hal=40`],
  ['UMKM in 31', 'jenis=umkm&provinsi=31'],
  ['no words, p 9', 'hal=9'],
];
/** Resolves when a view without words shows results or a message. */
async function listed(page) {
  await page.waitForFunction(() => !!document.querySelector('#hasil .result-name, #hasil .no-results'));
}
for (const [label, qs] of VIEWS) {
  const { context, page, log } = await throttledPage();
  const t0 = Date.now();
  await page.goto(`/mitra?${qs}`);
  await listed(page);
  const ms = Date.now() - t0;
  await quiet(log);
  const status = (await page.locator(STATUS).textContent()).trim();
  const a = api(log);
  results.push({ label, q: qs, ms, all: sum(log), api: sum(a), requests: log.length, apiRequests: a.length, status });
  console.log(`  ${label.padEnd(15)} ${qs.padEnd(26)} ${(ms / 1000).toFixed(1)} s  all ${kb(sum(log))} (${log.length} req)  data ${kb(sum(a))} (${a.length} req)  "${status}"`);
  await context.close();
}

// Keystrokes: type each query letter by letter into one open page.
const { context, page, log } = await throttledPage();
await page.goto('/mitra');
await page.waitForFunction((sel) => /^[0-9]/.test(document.querySelector(sel)?.textContent ?? ''), STATUS);
await quiet(log);
const perKey = [];
for (const [, q] of QUERIES) {
  await page.locator('#cari').fill('');
  await quiet(log);
  for (const ch of q) {
    const before = api(log).length;
    await page.locator('#cari').press(ch === ' ' ? 'Space' : ch);
    await quiet(log);
    perKey.push({ q, key: ch, bytes: sum(api(log).slice(before)) });
  }
}
const memory = await page.evaluate(() => {
  if (window.gc) { window.gc(); window.gc(); }
  return {
    jsHeap: performance.memory?.usedJSHeapSize ?? null,
    wasm: window.__wasm?.memory?.buffer?.byteLength ?? null,
  };
});
await context.close();
const sorted = perKey.map((k) => k.bytes).sort((x, y) => x - y);
const fetching = perKey.filter((k) => k.bytes > 0);
console.log(`  keystrokes: ${perKey.length}; ${fetching.length} fetched something; per keystroke median ${kb(sorted[Math.floor(sorted.length / 2)])}, max ${kb(sorted.at(-1))}; over 30 KB: ${perKey.filter((k) => k.bytes > 30_000).map((k) => `${k.q}|${k.key} ${kb(k.bytes)}`).join(', ') || 'none'}`);
console.log(`  memory after the session: JS heap ${memory.jsHeap ? (memory.jsHeap / 1e6).toFixed(1) : 'n/a'} MB, wasm memory ${memory.wasm ? (memory.wasm / 1e6).toFixed(1) : 'n/a'} MB`);

// Loading every page first (the app before, or MiniSearch): computed.
let pagesGz = 0;
for (let n = 1; n <= meta.partner_pages; n++) {
  pagesGz += zlib.gzipSync(fs.readFileSync(path.join(DATA, `partners/page-${n}.json`))).length;
}
const pagesS = pagesGz / DOWN + Math.ceil(meta.partner_pages / 6) * RTT / 1000;
console.log(`  every partner page (MiniSearch, or the app before): ${kb(pagesGz)} gzip in ${meta.partner_pages} requests: >= ${pagesS.toFixed(1)} s at this throughput before any search`);

await browser.close();
server.stop();
