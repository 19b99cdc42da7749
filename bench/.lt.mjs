import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const srv = spawn('node', ['scripts/serve.mjs', '--dir', 'dist', '--port', '8096'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
for (const route of (process.argv[2] || '/').split(',')) {
  const c = await b.newContext({ viewport: { width: 412, height: 823 } });
  const p = await c.newPage();
  const cdp = await c.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await p.addInitScript(() => {
    window.__lt = [];
    window.__ev = {};
    new MutationObserver(() => {
      const t = Math.round(performance.now());
      for (const [k, sel] of [['mounted', 'main#main'], ['figures', '#figures-h'], ['grid', '.chart-grid'], ['svg', '.chart-grid svg'], ['table', '.chart-grid table'], ['results', '#hasil']]) if (!window.__ev[k] && document.querySelector(sel)) window.__ev[k] = t;
    }).observe(document, { subtree: true, childList: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  await p.goto('http://127.0.0.1:8096' + route);
  await p.waitForTimeout(6000);
  const lt = await p.evaluate(() => window.__lt);
  console.log(JSON.stringify(await p.evaluate(() => window.__ev)));
  const tbt = lt.reduce((a, [, d]) => a + Math.max(0, d - 50), 0);
  console.log(route, 'long tasks [start, dur]:', JSON.stringify(lt), 'sum(d-50)=', tbt);
  await c.close();
}
await b.close(); srv.kill();
