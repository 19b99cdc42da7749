#!/usr/bin/env node
// Lighthouse over the release build: performance, accessibility and best
// practices per route, on a simulated phone (slow 4G, 4x CPU: Lighthouse's
// mobile default) and on desktop. A benchmark, not a test: it prints figures.
//
//   node bench/lighthouse/run.mjs [--dist dist] [--runs 3] [--routes /,/mitra]
//                                 [--form mobile,desktop] [--json out.json]
//
// Serves DIST with scripts/serve.mjs (brotli/gzip, SPA fallback) on a free
// loopback port and drives Debian's Chromium (never a downloaded browser).
// Each route runs `--runs` times per form factor; the run with the median
// performance score is reported (Lighthouse's own advice for variance).
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { ROOT, startServer, CHROME_FLAGS } from '../lib/serve.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const DIST = path.resolve(ROOT, opt('dist', 'dist'));
const RUNS = Math.max(1, Number(opt('runs', '3')) || 3);
const ROUTES = opt('routes', '/,/mitra,/perjanjian,/simulasi,/tentang').split(',');
const FORMS = opt('form', 'mobile,desktop').split(',');
const JSON_OUT = opt('json', null);

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`lighthouse bench: ${DIST}/index.html not found (run make build first)`);
  process.exit(2);
}

const audit = (lhr, id) => lhr.audits[id]?.numericValue;
const score = (lhr, cat) => lhr.categories[cat]?.score;

async function runOnce(port, url, form) {
  const flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] };
  const result = await lighthouse(url, flags, form === 'desktop' ? desktopConfig : undefined);
  const lhr = result.lhr;
  return {
    perf: score(lhr, 'performance'),
    a11y: score(lhr, 'accessibility'),
    bp: score(lhr, 'best-practices'),
    fcp: audit(lhr, 'first-contentful-paint'),
    lcp: audit(lhr, 'largest-contentful-paint'),
    tbt: audit(lhr, 'total-blocking-time'),
    cls: audit(lhr, 'cumulative-layout-shift'),
    si: audit(lhr, 'speed-index'),
    bytes: audit(lhr, 'total-byte-weight'),
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet
      ?? lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.node?.snippet,
    // The unthrottled trace the simulation starts from: an LCP observed
    // well after the FCP means the LCP element was drawn by the app, after
    // the wasm, and the simulated LCP then includes the wasm's download.
    observedFcp: lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint,
    observedLcp: lhr.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint,
    runtimeError: lhr.runtimeError?.message,
  };
}

const server = await startServer(DIST);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: CHROME_FLAGS,
  userDataDir: fs.mkdtempSync('/tmp/kemitraan-lh-'),
});
const rows = [];
try {
  for (const form of FORMS) {
    for (const route of ROUTES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runOnce(chrome.port, server.base + route, form));
      runs.sort((a, b) => (a.perf ?? 0) - (b.perf ?? 0));
      const median = runs[Math.floor(runs.length / 2)];
      rows.push({ form, route, ...median, perfRuns: runs.map((r) => r.perf) });
      const ms = (v) => (v === undefined ? '–' : `${Math.round(v)} ms`);
      console.error(`${form} ${route}: perf ${median.perf} (runs ${runs.map((r) => r.perf).join(' ')}), LCP ${ms(median.lcp)}, TBT ${ms(median.tbt)}, CLS ${median.cls?.toFixed(3)}${median.runtimeError ? `, error: ${median.runtimeError}` : ''}`);
    }
  }
} finally {
  await chrome.kill();
  server.stop();
}

const f = (v, d = 2) => (v === undefined || v === null ? '–' : Number(v).toFixed(d));
const s = (v) => (v === undefined ? '–' : `${(v / 1000).toFixed(1)} s`);
console.log(`Lighthouse ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version}, ${RUNS} run(s) per row, median by performance score; dist: ${path.relative(ROOT, DIST) || DIST}`);
console.log('');
// The LCP element audit fails on Chromium 156 traces; `make
// bench-main-thread` names the element instead.
console.log('| form | route | perf | FCP | LCP | TBT | CLS | SI | a11y | best pr. | bytes | observed FCP / LCP |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const obs = r.observedFcp === undefined ? '–' : `${Math.round(r.observedFcp)} / ${Math.round(r.observedLcp)} ms`;
  console.log(`| ${r.form} | ${r.route} | ${f(r.perf)} | ${s(r.fcp)} | ${s(r.lcp)} | ${Math.round(r.tbt ?? 0)} ms | ${f(r.cls, 3)} | ${s(r.si)} | ${f(r.a11y)} | ${f(r.bp)} | ${Math.round((r.bytes ?? 0) / 1024)} KiB | ${obs} |`);
}
if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(rows, null, 2));
