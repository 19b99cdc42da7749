#!/usr/bin/env node
// /perjanjian at scale, in headless Chromium (a benchmark, not a test):
//
//   trunk build --release --offline                          (the app -> dist/)
//   kemitraan-data generate --seed 1 --scale 100000 --out /tmp/kemitraan-scale100k
//   node bench/scale/agreements.mjs [--data /tmp/kemitraan-scale100k] [--dist dist] [--check]
//
// Serves dist/ with the dataset as /api/v1/ through scripts/serve.mjs (gzip,
// as a static host would) and measures, for a few views of /perjanjian,
// the data requests and the bytes transferred (headers + gzip body) until
// the first page and exact totals are on screen, and the time it took (no
// throttling; and on "slow 4G" through CDP: 1.6 Mbps, 150 ms RTT). Target:
// the first page with totals <= 300 KB. Talks to 127.0.0.1 only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../lib/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const DATA = path.resolve(args.data || '/tmp/kemitraan-scale100k');
const DIST = path.resolve(ROOT, args.dist || 'dist');
const TARGET_BYTES = 300_000;
for (const [what, p] of [['dataset', path.join(DATA, 'aggregates/index.json')], ['app build (trunk build --release)', path.join(DIST, 'index.html')]]) {
  if (!fs.existsSync(p)) {
    console.error(`missing ${what}: ${p}`);
    process.exit(2);
  }
}
const meta = JSON.parse(fs.readFileSync(path.join(DATA, 'meta.json'), 'utf8'));

const server = await startServer(DIST, ['--data', DATA]);
const { base } = server;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
});

/** Opens `url` in a fresh context; resolves when the rows and exact totals are shown. */
async function measure(url, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: throttle.rtt, downloadThroughput: throttle.bps / 8, uploadThroughput: throttle.bps / 8,
    });
  }
  const all = new Map();
  cdp.on('Network.responseReceived', (e) => all.set(e.requestId, { url: e.response.url, bytes: 0 }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = all.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  const t0 = Date.now();
  await page.goto(base + url);
  await page.locator('table.agreements tbody tr').first().waitFor({ timeout: 600_000 });
  // Exact totals: a count, not "Menghitung… (3 dari 86 halaman)".
  await page.waitForFunction(() => {
    const t = document.querySelector('.totals-count')?.textContent || '';
    return /\d/.test(t) && !/Menghitung|Counting/.test(t);
  }, null, { timeout: 600_000 });
  const ms = Date.now() - t0;
  await page.waitForLoadState('networkidle').catch(() => {});
  const data = [...all.values()].filter((r) => new URL(r.url).pathname.startsWith('/api/'));
  const everything = [...all.values()];
  const count = await page.locator('.totals-count').textContent();
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  await context.close();
  return {
    url, ms, count: count.trim(),
    dataRequests: data.length, dataBytes: data.reduce((s, r) => s + r.bytes, 0),
    allRequests: everything.length, allBytes: everything.reduce((s, r) => s + r.bytes, 0),
    heapMB: heap / 1e6,
  };
}

const views = [
  '/perjanjian',
  '/perjanjian?tahun=2023',
  '/perjanjian?tahun=2023&jenis=pma',
  '/perjanjian?provinsi_umkm=31',
  '/perjanjian?urut=nilai-turun',
  '/perjanjian?status=active&tahun=2024',
  '/perjanjian?status=active',
  '/perjanjian?status=ended&pola=inti_plasma',
  '/perjanjian?status=upcoming,active&provinsi=31',
  '/perjanjian?status=active&tahun=2024&pola=inti_plasma',
  // Each of the other filters the page offers, singly and combined.
  '/perjanjian?tahun=2021&pola=usaha_patungan',
  '/perjanjian?provinsi=31&jenis=pma',
  '/perjanjian?provinsi=17&tahun=2022&kelas=menengah',
  '/perjanjian?tahun=2022&pola=waralaba&jenis=pma&kelas=menengah',
  '/perjanjian?status=ended&jenis=pma&kelas=mikro',
  '/perjanjian?status=ended&provinsi=31&kelas=menengah',
  '/perjanjian?status=active&tahun=2023,2024&pola=inti_plasma,subkontrak',
  '/perjanjian?status=upcoming,active&provinsi_umkm=31',
  '/perjanjian?status=ended&acara=E20210118&jenis=pmdn',
  // A status with three or four of the checkbox filters: their combination's timeline.
  '/perjanjian?status=active&tahun=2024&pola=inti_plasma&jenis=pma',
  '/perjanjian?status=ended&tahun=2023&pola=subkontrak&jenis=pmdn&kelas=kecil',
  // A status with three filters, one a province: no timeline, the rows give the totals.
  '/perjanjian?status=active&tahun=2024&provinsi=31&jenis=pma',
];

// --check: the count shown equals filtering every agreement of the
// dataset's list pages here (status on this machine's local date, as the
// app's clock).
const CHECK = process.argv.includes('--check');
let every = null;
if (CHECK) {
  every = [];
  for (let p = 1; p <= meta.agreement_pages; p++) {
    for (const a of JSON.parse(fs.readFileSync(path.join(DATA, `agreements/page-${p}.json`), 'utf8')).items) {
      every.push([a.date_signed.slice(0, 4), a.pattern, a.company_province, a.umkm_province, a.company.kind,
        a.umkm_size?.class ?? '', a.event_id ?? '', a.period.start, a.period.end]);
    }
  }
}
function expected(url) {
  const q = new URL(url, 'http://x').searchParams;
  const list = (k) => (q.get(k) ? q.get(k).split(',') : null);
  const [years, pola, prov, umkm, jenis, kelas, acara, status] = ['tahun', 'pola', 'provinsi', 'provinsi_umkm', 'jenis', 'kelas', 'acara', 'status'].map(list);
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return every.filter(([y, p, cp, up, k, c, e, s, end]) => (!years || years.includes(y)) && (!pola || pola.includes(p))
    && (!prov || prov.includes(cp) || prov.includes(up)) && (!umkm || umkm.includes(up)) && (!jenis || jenis.includes(k))
    && (!kelas || kelas.includes(c)) && (!acara || acara.includes(e))
    && (!status || status.includes(today < s ? 'upcoming' : today > end ? 'ended' : 'active'))).length;
}
const slow4g = { bps: 1_600_000, rtt: 150 };
console.log(`# /perjanjian at ${meta.counts.partners} partners, ${meta.counts.agreements} agreements (${DATA})`);
console.log('| view | data requests | data KB | all requests (app too) | all KB | time, no throttle | time, slow 4G | count shown |');
console.log('|---|---|---|---|---|---|---|---|');
const results = [];
for (const v of views) {
  const fast = await measure(v, null);
  const slow = await measure(v, slow4g);
  const shown = Number(fast.count.replace(/\D/g, ''));
  const check = CHECK ? (shown === expected(v) ? ' (exact)' : ` (WRONG: ${expected(v)})`) : '';
  results.push({ ...fast, slowMs: slow.ms, slowBytes: slow.dataBytes, check });
  console.log(`| ${v} | ${fast.dataRequests} | ${(fast.dataBytes / 1000).toFixed(1)} | ${fast.allRequests} | ${(fast.allBytes / 1000).toFixed(1)} | ${(fast.ms / 1000).toFixed(2)} s | ${(slow.ms / 1000).toFixed(2)} s | ${fast.count}${check} |`);
}
const first = results[0];
console.log(`\nfirst page with totals: ${(first.dataBytes / 1000).toFixed(1)} KB of data in ${first.dataRequests} requests (target <= ${TARGET_BYTES / 1000} KB): ${first.dataBytes <= TARGET_BYTES ? 'OK' : 'OVER'}`);
fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/out/agreements-scale.json'), JSON.stringify({ partners: meta.counts.partners, agreements: meta.counts.agreements, results }, null, 2));
await browser.close();
server.stop();
