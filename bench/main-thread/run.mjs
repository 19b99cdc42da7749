#!/usr/bin/env node
// How long the main thread is blocked while each page loads, on a phone's
// CPU: Chromium's long tasks (over 50 ms) under CDP CPU throttling (4x, as
// Lighthouse's mobile), from navigation until 6 s later, summed as
// Lighthouse sums Total Blocking Time (each task's time beyond 50 ms). A
// measured figure beside Lighthouse's simulated one; run it on a quiet
// machine (other work inflates every task).
//
//   node bench/main-thread/run.mjs [--dist dist] [--runs 3] [--routes /,/mitra]
//
// Per route: the run with the median sum; its long tasks as [start ms,
// duration ms], when the app mounted (main#main appeared), and the last
// Largest Contentful Paint entry: its time, area and element (Lighthouse
// 12.2.3's LCP-element audit fails on Chromium 156 traces, so this is where
// the element is named).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startServer, CHROME_FLAGS } from '../lib/serve.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const DIST = path.resolve(ROOT, opt('dist', 'dist'));
const RUNS = Math.max(1, Number(opt('runs', '3')) || 3);
const ROUTES = opt('routes', '/,/mitra,/perjanjian,/simulasi,/tentang').split(',');
if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`main-thread bench: ${DIST}/index.html not found (run make build first)`);
  process.exit(2);
}

async function once(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__tasks = [];
    window.__mounted = null;
    window.__lcp = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element;
        const name = el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : ''}` : '(removed)';
        const text = el ? (el.textContent || '').trim().slice(0, 40) : '';
        window.__lcp = { time: Math.round(e.startTime), size: e.size, name, text };
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((_, obs) => {
      if (document.querySelector('main#main')) {
        window.__mounted = Math.round(performance.now());
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(url);
  await page.waitForTimeout(6000);
  const { tasks, mounted, lcp } = await page.evaluate(() => ({ tasks: window.__tasks, mounted: window.__mounted, lcp: window.__lcp }));
  await context.close();
  const blocking = tasks.reduce((a, [, d]) => a + Math.max(0, d - 50), 0);
  return { tasks, mounted, lcp, blocking };
}

const server = await startServer(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROME_FLAGS });
const rows = [];
try {
  for (const route of ROUTES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, server.base + route));
    runs.sort((a, b) => a.blocking - b.blocking);
    const m = runs[Math.floor(runs.length / 2)];
    rows.push({ route, ...m, all: runs.map((r) => r.blocking) });
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`Main thread at 4x CPU, ${RUNS} run(s) per route, median by blocking time; dist: ${path.relative(ROOT, DIST) || '.'}\n`);
console.log('| route | blocking (sum over 50 ms) | all runs | long tasks | longest | app mounted | LCP: ms, px², element | tasks [start, ms] |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const longest = Math.max(0, ...r.tasks.map(([, d]) => d));
  console.log(`| ${r.route} | ${r.blocking} ms | ${r.all.join(', ')} | ${r.tasks.length} | ${longest} ms | ${r.mounted ?? '-'} ms | ${r.lcp ? `${r.lcp.time} ms, ${r.lcp.size}, \`${r.lcp.name}\` "${r.lcp.text}"` : '-'} | ${r.tasks.map(([s, d]) => `${s}+${d}`).join(' ')} |`);
}
