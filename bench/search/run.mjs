#!/usr/bin/env node
// Partner search benchmark, in headless Chromium:
//
//   bash bench/search/build.sh                        (engine wasm -> bench/out/pkg)
//   trunk build --release --offline                   (the app -> dist/)
//   kemitraan-data generate --seed 1 --scale 100000 --out /tmp/scale100k
//   node bench/search/run.mjs [--data /tmp/scale100k] [--dist dist] [--keystrokes 30]
//
// One browser, one run: the engine (kemitraan-core's search, wasm) and
// MiniSearch 7.2.0 (npm) index the same partner records and answer the same
// 220 queries (prefixes, whole names, typos, multi-word, no-hit, NIB). It
// prints the time to build each index, memory, p50/p95 time per query, the
// ratio of query times, recall@10 on the typo queries, and the keystroke-to-
// screen time measured in the real app (release build) typing into /mitra.
// Results also go to bench/out/search-results.json. Talks to 127.0.0.1 only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const DATA = path.resolve(args.data || '/tmp/scale100k');
const DIST = path.resolve(ROOT, args.dist || 'dist');
const KEYSTROKE_QUERIES = Number(args.keystrokes || 30);
const PKG = path.join(ROOT, 'bench/out/pkg');

for (const [what, p] of [['dataset', path.join(DATA, 'meta.json')], ['engine wasm (bash bench/search/build.sh)', path.join(PKG, 'kemitraan_bench_search.js')], ['app build (trunk build --release)', path.join(DIST, 'index.html')]]) {
  if (!fs.existsSync(p)) {
    console.error(`missing ${what}: ${p}`);
    process.exit(2);
  }
}

// ------------------------------------------------------------------ server
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
function sendFile(res, file) {
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
}
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = decodeURIComponent(url.pathname);
  if (p.includes('..')) return res.writeHead(400).end();
  if (p === '/bench/' || p === '/bench/index.html') return sendFile(res, path.join(ROOT, 'bench/search/page.html'));
  if (p === '/bench/minisearch.js') return sendFile(res, path.join(ROOT, 'node_modules/minisearch/dist/es/index.js'));
  if (p.startsWith('/bench/pkg/')) return sendFile(res, path.join(PKG, p.slice('/bench/pkg/'.length)));
  if (p.startsWith('/api/v1/')) return sendFile(res, path.join(DATA, p.slice('/api/v1/'.length)));
  const file = path.join(DIST, p);
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return sendFile(res, file);
  return sendFile(res, path.join(DIST, 'index.html')); // SPA fallback
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const BASE = `http://127.0.0.1:${server.address().port}`;

// ----------------------------------------------------------------- records
const meta = JSON.parse(fs.readFileSync(path.join(DATA, 'meta.json'), 'utf8'));
const records = [];
for (let n = 1; n <= meta.partner_pages; n++) {
  records.push(...JSON.parse(fs.readFileSync(path.join(DATA, `partners/page-${n}.json`), 'utf8')).items);
}

// ----------------------------------------------------------------- queries
// Deterministic (mulberry32, seed 1), so every run asks the same things.
let seed = 1;
function rand() {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const LEGAL = new Set(['pt', 'cv', 'ud', 'tbk', 'koperasi', 'persero', 'perum', 'kud']);
const words = (name) => name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const plain = (name) => words(name).filter((w) => !LEGAL.has(w));
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

// One edit at a position after the first letter (people rarely miss the
// first one): substitution, deletion, insertion or swap of neighbours.
function edit(w, kind) {
  const i = 1 + Math.floor(rand() * (w.length - 1));
  switch (kind) {
    case 'sub': { let c; do c = pick(LETTERS); while (c === w[i]); return w.slice(0, i) + c + w.slice(i + 1); }
    case 'del': return w.slice(0, i) + w.slice(i + 1);
    case 'ins': return w.slice(0, i) + pick(LETTERS) + w.slice(i);
    default: { const j = Math.min(i, w.length - 2); return w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2); }
  }
}
// Typos the rule allows for the typed word: 1 from 5 letters, 2 from 9.
function typo(w) {
  const two = w.length >= 10 && rand() < 0.5;
  const kinds = [];
  let out = w;
  for (let k = 0; k < (two ? 2 : 1); k++) {
    const kind = pick(['sub', 'del', 'ins', 'swap']);
    kinds.push(kind);
    out = edit(out, kind);
  }
  return out === w ? typo(w) : { word: out, kinds };
}

const queries = [];
const add = (cat, text, extra = {}) => queries.push({ cat, text, ...extra });
for (let i = 0; i < 50; i++) {
  const w = pick(plain(pick(records).name));
  const len = i < 5 ? 1 : 2 + Math.floor(rand() * 4);
  add('prefix', w.slice(0, Math.min(len, w.length)));
}
for (let i = 0; i < 50; i++) add('whole', pick(records).name);
for (let i = 0; i < 30; i++) {
  let w;
  do w = pick(plain(pick(records).name)); while (w.length < 6);
  const t = typo(w);
  add('typo', t.word, { kinds: t.kinds, relevant: { word: w } });
}
for (let i = 0; i < 30; i++) {
  let r, ws;
  do { r = pick(records); ws = plain(r.name); } while (!ws.some((w) => w.length >= 6));
  const j = ws.findIndex((w) => w.length >= 6);
  const t = typo(ws[j]);
  const typed = [...ws];
  typed[j] = t.word;
  add('typo', typed.join(' '), { kinds: t.kinds, relevant: { name: ws.join(' ') } });
}
for (let i = 0; i < 30; i++) {
  const ws = plain(pick(records).name);
  const a = Math.floor(rand() * Math.max(1, ws.length - 1));
  let second = ws[a + 1] ?? '';
  if (i % 2 && second.length > 3) second = second.slice(0, 3 + Math.floor(rand() * (second.length - 3)));
  add('multi', `${ws[a]} ${second}`.trim());
}
for (let i = 0; i < 20; i++) {
  const junk = () => Array.from({ length: 5 + Math.floor(rand() * 4) }, () => pick('qxzjvwkf')).join('');
  add('nohit', i % 2 ? junk() : `${junk()} ${junk()}`);
}
for (let i = 0; i < 10; i++) add('nib', pick(records).nib);

// The relevant set of a typo query: partners with the word, or the name.
const relevantIds = (q) => {
  if (q.relevant.word) return new Set(records.filter((r) => words(r.name).includes(q.relevant.word)).map((r) => r.id));
  return new Set(records.filter((r) => plain(r.name).join(' ') === q.relevant.name).map((r) => r.id));
};
for (const q of queries) if (q.relevant) q.relevantIds = [...relevantIds(q)];

// ------------------------------------------------------------------- stats
const quantile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};
const median = (xs) => quantile(xs, 0.5);
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const mb = (b) => `${(b / 1048576).toFixed(1)} MiB`;

// ----------------------------------------------------------------- browser
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const out = { dataset: DATA, partners: records.length, queries: queries.length, chromium: browser.version() };
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${BASE}/bench/`);
  await page.waitForFunction(() => window.bench);

  // ------------------------------------------------------------ build both
  const build = await page.evaluate(async (pages) => {
    const { Engine, MiniSearch, wasm } = window.bench;
    const heap = () => { gc(); gc(); return performance.memory.usedJSHeapSize; };
    const texts = [];
    let t = performance.now();
    for (let n = 1; n <= pages; n++) texts.push(await (await fetch(`/api/v1/partners/page-${n}.json`)).text());
    const fetchMs = performance.now() - t;

    const wasmBefore = wasm.memory.buffer.byteLength;
    const engine = new Engine();
    t = performance.now();
    for (const s of texts) engine.parse_page(s);
    const oursDecodeMs = performance.now() - t;
    t = performance.now();
    engine.build();
    const oursBuildMs = performance.now() - t;
    window.engine = engine;

    const jsBefore = heap();
    t = performance.now();
    const docs = [];
    for (const s of texts) for (const r of JSON.parse(s).items) docs.push({ id: r.id, name: r.name, nib: r.nib });
    const msDecodeMs = performance.now() - t;
    texts.length = 0;
    const jsDocs = heap();
    const ms = new MiniSearch({ fields: ['name', 'nib'], idField: 'id' });
    t = performance.now();
    ms.addAll(docs);
    const msBuildMs = performance.now() - t;
    window.docs = docs;
    window.ms = ms;
    const jsAfter = heap();
    return {
      fetchMs, oursDecodeMs, oursBuildMs, msDecodeMs, msBuildMs,
      oursHeapBytes: engine.heap_bytes(), oursTerms: engine.term_count(),
      oursWasmMemoryBytes: wasm.memory.buffer.byteLength, oursWasmGrowthBytes: wasm.memory.buffer.byteLength - wasmBefore,
      msHeapBytes: jsAfter - jsDocs, jsDocsBytes: jsDocs - jsBefore, msTerms: ms.termCount,
    };
  }, meta.partner_pages);
  out.build = build;

  // -------------------------------------------------------------- queries
  // The typo rule for MiniSearch is ours (1 typo from 5 letters, 2 from 9, none
  // for digits), so both engines are asked to tolerate the same; a second run
  // uses MiniSearch's common fuzzy: 0.2. prefix: true in both.
  const run = await page.evaluate(async (qs) => {
    const rule = (term) => (/^\d+$/.test(term) ? 0 : term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0);
    const engines = {
      ours: (q) => {
        const lines = window.engine.search(q, 10).split('\n');
        return { total: Number(lines[0]), top: lines.slice(1) };
      },
      minisearch_or: (q) => {
        const r = window.ms.search(q, { prefix: true, fuzzy: rule });
        return { total: r.length, top: r.slice(0, 10).map((x) => x.id) };
      },
      minisearch_and: (q) => {
        const r = window.ms.search(q, { prefix: true, fuzzy: rule, combineWith: 'AND' });
        return { total: r.length, top: r.slice(0, 10).map((x) => x.id) };
      },
      minisearch_fuzzy02: (q) => {
        const r = window.ms.search(q, { prefix: true, fuzzy: 0.2 });
        return { total: r.length, top: r.slice(0, 10).map((x) => x.id) };
      },
    };
    const res = {};
    for (const [name, fn] of Object.entries(engines)) {
      for (const q of qs) fn(q.text); // warm-up
      const times = qs.map(() => []);
      let answers = [];
      // performance.now() is coarsened to 0.1 ms here, so each timing is
      // REPEAT back-to-back calls divided by REPEAT.
      const REPEAT = 5;
      for (let round = 0; round < 3; round++) {
        answers = qs.map((q, i) => {
          let a;
          const t = performance.now();
          for (let r = 0; r < REPEAT; r++) a = fn(q.text);
          times[i].push((performance.now() - t) / REPEAT);
          return a;
        });
      }
      res[name] = { times: times.map((ts) => ts.sort((a, b) => a - b)[1]), answers };
      await new Promise((r) => setTimeout(r, 0));
    }
    return res;
  }, queries.map((q) => ({ text: q.text })));

  const stats = {};
  for (const [name, r] of Object.entries(run)) {
    const typo = queries.map((q, i) => [q, r.answers[i]]).filter(([q]) => q.cat === 'typo');
    const recall = typo.map(([q, a]) => {
      const rel = new Set(q.relevantIds);
      const hit = a.top.filter((id) => rel.has(id)).length;
      return rel.size ? hit / Math.min(10, rel.size) : 1;
    });
    const byKind = {};
    typo.forEach(([q], i) => {
      const k = q.kinds.join('+');
      (byKind[k] ??= []).push(recall[i]);
    });
    const perCat = {};
    queries.forEach((q, i) => (perCat[q.cat] ??= []).push(r.times[i]));
    stats[name] = {
      p50: median(r.times), p95: quantile(r.times, 0.95), max: Math.max(...r.times),
      recall10: recall.reduce((a, b) => a + b, 0) / recall.length,
      recallByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / v.length])),
      perCategory: Object.fromEntries(Object.entries(perCat).map(([k, v]) => [k, { n: v.length, p50: median(v), p95: quantile(v, 0.95) }])),
      noHitFound: queries.filter((q, i) => q.cat === 'nohit' && r.answers[i].total > 0).length,
      nibFound: queries.filter((q, i) => q.cat === 'nib' && r.answers[i].top[0] === records.find((x) => x.nib === q.text)?.id).length,
    };
  }
  out.engines = stats;
  await page.close();

  // ---------------------------------------------- keystroke-to-screen (app)
  const app = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  app.setDefaultTimeout(600_000);
  let indexLine = '';
  app.on('console', (m) => { if (m.text().startsWith('search index:')) indexLine = m.text(); });
  app.on('pageerror', (e) => console.error('app error:', e.message));
  const loadStart = Date.now();
  await app.goto(`${BASE}/mitra`);
  await app.waitForFunction(() => document.querySelector('.result-list'), null, { timeout: 600_000 });
  out.appLoad = { wallMs: Date.now() - loadStart, console: indexLine };
  await app.evaluate(() => {
    window.__keys = [];
    const target = document.getElementById('hasil');
    let pending = null;
    addEventListener('keydown', () => {
      pending = { t0: performance.now(), dom: null, frame: null };
      window.__keys.push(pending);
    }, true);
    new MutationObserver(() => {
      if (!pending) return;
      const p = pending;
      const first = p.dom === null;
      p.dom = performance.now(); // the last mutation before the frame
      if (first) requestAnimationFrame(() => { p.frame = performance.now(); });
    }).observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const typed = queries.filter((q) => ['prefix', 'typo', 'multi', 'whole'].includes(q.cat));
  const sample = Array.from({ length: KEYSTROKE_QUERIES }, (_, i) => typed[Math.floor((i * typed.length) / KEYSTROKE_QUERIES)]);
  const box = app.locator('#cari');
  for (const q of sample) {
    await box.fill('');
    await app.waitForTimeout(250);
    await box.focus();
    for (const ch of q.text) {
      await app.keyboard.type(ch);
      await app.waitForTimeout(60);
    }
    await app.waitForTimeout(450); // past the URL debounce
  }
  const keys = await app.evaluate(() => window.__keys);
  const toDom = keys.filter((k) => k.dom !== null).map((k) => k.dom - k.t0);
  const toFrame = keys.filter((k) => k.frame !== null).map((k) => k.frame - k.t0);
  out.keystrokes = {
    count: keys.length, updated: toDom.length,
    domP50: median(toDom), domP95: quantile(toDom, 0.95), frameP50: median(toFrame), frameP95: quantile(toFrame, 0.95), frameMax: Math.max(...toFrame),
  };
  await app.close();
} finally {
  await browser.close();
  server.close();
}

// ------------------------------------------------------------------ report
const b = out.build;
const o = out.engines.ours;
console.log(`\nPartner search benchmark: ${out.partners.toLocaleString('en')} partners, ${out.queries} queries, Chromium ${out.chromium}\n`);
console.log('index build (in the browser)');
console.log(`  ours       decode ${fmt(b.oursDecodeMs, 0)} ms (serde, in wasm) + build ${fmt(b.oursBuildMs, 0)} ms; index ${mb(b.oursHeapBytes)} (${b.oursTerms} terms); wasm memory ${mb(b.oursWasmMemoryBytes)}`);
console.log(`  MiniSearch decode ${fmt(b.msDecodeMs, 0)} ms (JSON.parse) + addAll ${fmt(b.msBuildMs, 0)} ms; index ${mb(b.msHeapBytes)} JS heap (${b.msTerms} terms)`);
console.log(`  app        ${out.appLoad.console} (page load to list ${out.appLoad.wallMs} ms)`);
console.log('\nengine time per query (median of 3 rounds of 5 calls), recall@10 on the 60 typo queries');
console.log('  engine               p50 ms   p95 ms   max ms  recall@10  no-hit found  NIB found');
for (const [name, s] of Object.entries(out.engines)) {
  console.log(`  ${name.padEnd(19)} ${fmt(s.p50, 3).padStart(7)} ${fmt(s.p95, 3).padStart(8)} ${fmt(s.max, 2).padStart(8)}  ${fmt(s.recall10, 3).padStart(9)}  ${String(s.noHitFound).padStart(12)}  ${String(s.nibFound).padStart(9)}`);
}
console.log('\n  per category p95 ms: ' + Object.keys(o.perCategory).join(', '));
for (const [name, s] of Object.entries(out.engines)) {
  console.log(`  ${name.padEnd(19)} ` + Object.values(s.perCategory).map((c) => fmt(c.p95, 3)).join('  '));
}
console.log('\n  typo recall@10 by edit: ' + Object.keys(o.recallByKind).sort().join(', '));
for (const [name, s] of Object.entries(out.engines)) {
  console.log(`  ${name.padEnd(19)} ` + Object.keys(o.recallByKind).sort().map((k) => fmt(s.recallByKind[k], 2)).join('  '));
}
console.log('\nratios (MiniSearch / ours; > 1 means ours is faster or finds more)');
for (const name of Object.keys(out.engines).filter((n) => n !== 'ours')) {
  const s = out.engines[name];
  console.log(`  vs ${name.padEnd(19)} p50 ${fmt(s.p50 / o.p50, 1)}x  p95 ${fmt(s.p95 / o.p95, 1)}x  typo recall@10 ours/theirs ${fmt(o.recall10 / s.recall10, 2)}`);
}
const k = out.keystrokes;
console.log(`\nkeystroke to screen in the app (${k.count} keystrokes, release build): DOM updated p50 ${fmt(k.domP50, 1)} ms, p95 ${fmt(k.domP95, 1)} ms; next frame p50 ${fmt(k.frameP50, 1)} ms, p95 ${fmt(k.frameP95, 1)} ms, max ${fmt(k.frameMax, 1)} ms`);
console.log(`targets: engine p95 <= 16 ms: ${o.p95 <= 16 ? 'met' : 'MISSED'}; keystroke p95 <= 50 ms: ${k.frameP95 <= 50 ? 'met' : 'MISSED'}; >= 2x faster than MiniSearch (p50, same typo rule): ${out.engines.minisearch_or.p50 / o.p50 >= 2 ? 'met' : 'MISSED'}; typo recall >= MiniSearch: ${o.recall10 >= out.engines.minisearch_or.recall10 ? 'met' : 'MISSED'}`);
fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/out/search-results.json'), JSON.stringify({ ...out, queriesUsed: queries.map(({ relevantIds, ...q }) => q) }, null, 2));
console.log('\nfull results: bench/out/search-results.json');
