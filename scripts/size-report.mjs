#!/usr/bin/env node
// What does the first page cost over the wire?
//
//   node scripts/size-report.mjs dist [--budget-kb 560] [--budget-br-kb 440] [--json]
//
// Starts at each section's entry page (dist/index.html, dist/mitra/index.html,
// ...: scripts/sections.mjs) and follows what the browser loads before the app
// can render: stylesheets, scripts, module imports (also inside inline module
// scripts and the wasm-bindgen JS glue, e.g. its snippets/), preloads, and the
// .wasm. Prints raw, gzip -9 and brotli -11 bytes per file (the budget is
// on gzip: every static host has it; brotli is what scripts/serve.mjs and a
// well-set host send). With --budget-kb N (gzip) or --budget-br-kb N
// (brotli) it exits 1 when the largest page's total is above N KiB
// (1 KiB = 1024 bytes). With --json the
// report goes to stdout as JSON and the table to stderr.
// Data the app fetches at run time (config.json, /api/...) is not counted.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { SECTIONS } from './sections.mjs';

function usage(msg) {
  if (msg) console.error(`size-report: ${msg}`);
  console.error('usage: node scripts/size-report.mjs DIST_DIR [--budget-kb N] [--budget-br-kb N] [--json]');
  process.exit(2);
}

const args = process.argv.slice(2);
let dir = null;
let budgetKb = null;
let budgetBrKb = null;
let asJson = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--budget-br-kb') {
    budgetBrKb = Number(args[++i]);
    if (!(budgetBrKb > 0)) usage('--budget-br-kb needs a positive number');
  } else if (args[i] === '--budget-kb') {
    budgetKb = Number(args[++i]);
    if (!(budgetKb > 0)) usage('--budget-kb needs a positive number');
  } else if (args[i] === '--json') asJson = true;
  else if (args[i].startsWith('-')) usage(`unknown option ${args[i]}`);
  else if (dir === null) dir = args[i];
  else usage(`unexpected argument ${args[i]}`);
}
if (dir === null) usage('missing DIST_DIR');
const root = path.resolve(dir);
const indexPath = path.join(root, 'index.html');
if (!fs.existsSync(indexPath)) {
  console.error(`size-report: ${indexPath} not found (run make build first)`);
  process.exit(2);
}

// Attributes of every <tag ...> in an HTML string, as [{attrs, inner}] where
// inner is the element's text (for <script>).
function tags(html, name) {
  const out = [];
  const re = new RegExp(`<${name}\\b([^>]*)>`, 'gi');
  let m;
  while ((m = re.exec(html))) {
    const attrs = {};
    for (const a of m[1].matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1].toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    let inner = '';
    if (name === 'script') {
      const end = html.toLowerCase().indexOf('</script>', re.lastIndex);
      if (end >= 0) inner = html.slice(re.lastIndex, end);
    }
    out.push({ attrs, inner });
  }
  return out;
}

// URLs that a piece of JavaScript loads: static and dynamic imports
// (required), and string literals naming a .wasm (optional: trunk's init call
// names the real file, but the wasm-bindgen glue also keeps a default
// `new URL('kemitraan_bg.wasm', import.meta.url)` that is never fetched).
function jsRefs(code) {
  const refs = new Map(); // url -> optional?
  const patterns = [
    /\bimport\s+(?:[^'"()]*?\s+from\s+)?["']([^"']+)["']/g,
    /\bexport\s+[^'"()]*?\s+from\s+["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) refs.set(m[1], false);
  for (const m of code.matchAll(/["']([^"'\s]+\.wasm)["']/g)) if (!refs.has(m[1])) refs.set(m[1], true);
  return [...refs];
}

// Resolve a URL seen in `fromFile` to a file under root (null if external).
function resolveRef(ref, fromFile) {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) return null; // http:, data:, //host
  const clean = ref.split(/[?#]/)[0];
  const target = clean.startsWith('/')
    ? path.join(root, clean)
    : path.join(path.dirname(fromFile), clean);
  return target;
}

// The files one page loads before the app can render, with their sizes.
function measure(indexPath) {
  const files = new Map(); // absolute path -> why it is loaded
  const missing = [];
  const queue = [];
  function add(ref, fromFile, why, optional = false) {
    const target = resolveRef(ref, fromFile);
    if (target === null || files.has(target)) return;
    if (!target.startsWith(root) || !fs.existsSync(target)) {
      if (!optional) missing.push(`${ref} (${why}, from ${path.relative(root, fromFile)})`);
      return;
    }
    files.set(target, why);
    if (/\.m?js$/.test(target)) queue.push(target);
  }

  files.set(indexPath, 'document');
  const html = fs.readFileSync(indexPath, 'utf8');
  for (const { attrs } of tags(html, 'link')) {
    const rel = (attrs.rel || '').toLowerCase().split(/\s+/);
    if (!attrs.href) continue;
    if (rel.includes('stylesheet')) add(attrs.href, indexPath, 'stylesheet');
    else if (rel.includes('modulepreload')) add(attrs.href, indexPath, 'modulepreload');
    else if (rel.includes('preload')) add(attrs.href, indexPath, `preload as=${attrs.as || '?'}`);
  }
  for (const { attrs, inner } of tags(html, 'script')) {
    if (attrs.src) add(attrs.src, indexPath, 'script');
    else for (const [ref, optional] of jsRefs(inner)) add(ref, indexPath, 'inline script import', optional);
  }
  while (queue.length) {
    const js = queue.shift();
    for (const [ref, optional] of jsRefs(fs.readFileSync(js, 'utf8'))) add(ref, js, `import from ${path.basename(js)}`, optional);
  }

  const rows = [...files].map(([file, why]) => {
    const buf = fs.readFileSync(file);
    const brotli = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { file: path.relative(root, file), why, raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, brotli };
  });
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total, missing };
}

const kib = (n) => (n / 1024).toFixed(1);
// Every section's entry page (scripts/sections.mjs): each loads only its
// own binary, and the budget applies to the largest.
const pages = SECTIONS.map((sec) => path.join(root, sec.dir, 'index.html')).filter((p) => fs.existsSync(p));
if (!pages.includes(indexPath)) pages.unshift(indexPath);
const reports = pages.map((p) => ({ page: path.relative(root, p), ...measure(p) }));
const largest = (key) => reports.reduce((a, b) => (b.total[key] > a.total[key] ? b : a));
const maxGzip = largest('gzip');
const maxBrotli = largest('brotli');
const overGzip = budgetKb !== null && maxGzip.total.gzip > budgetKb * 1024;
const overBrotli = budgetBrKb !== null && maxBrotli.total.brotli > budgetBrKb * 1024;
const overBudget = overGzip || overBrotli;
const missing = reports.flatMap((r) => r.missing);

const lines = [];
for (const { page, rows, total } of reports) {
  const w = Math.max(5, ...rows.map((r) => r.file.length));
  lines.push(`== ${page}`);
  lines.push(`${'file'.padEnd(w)}  ${'raw B'.padStart(9)}  ${'gzip-9 B'.padStart(9)}  ${'gzip KiB'.padStart(8)}  ${'br-11 KiB'.padStart(9)}  loaded as`);
  for (const r of rows) {
    lines.push(`${r.file.padEnd(w)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}  ${kib(r.gzip).padStart(8)}  ${kib(r.brotli).padStart(9)}  ${r.why}`);
  }
  lines.push(`${'TOTAL'.padEnd(w)}  ${String(total.raw).padStart(9)}  ${String(total.gzip).padStart(9)}  ${kib(total.gzip).padStart(8)}  ${kib(total.brotli).padStart(9)}`);
  if (!rows.some((r) => r.file.endsWith('.wasm'))) lines.push(`warning: no .wasm found among the files of ${page}`);
  lines.push('');
}
lines.push('first page per section (KiB):');
for (const { page, total } of reports) lines.push(`  ${page.padEnd(24)} gzip ${kib(total.gzip).padStart(6)}  brotli ${kib(total.brotli).padStart(6)}`);
if (budgetKb !== null) {
  lines.push(`budget ${budgetKb} KiB gzip: ${overGzip ? 'OVER' : 'ok'} (largest ${kib(maxGzip.total.gzip)} KiB, ${maxGzip.page})`);
}
if (budgetBrKb !== null) {
  lines.push(`budget ${budgetBrKb} KiB brotli: ${overBrotli ? 'OVER' : 'ok'} (largest ${kib(maxBrotli.total.brotli)} KiB, ${maxBrotli.page})`);
}
for (const m of missing) lines.push(`missing: ${m}`);

const print = asJson ? console.error : console.log;
print(lines.join('\n'));
if (asJson) {
  console.log(JSON.stringify({ dir, pages: reports, budget_kb: budgetKb, budget_br_kb: budgetBrKb, over_budget: overBudget, missing }, null, 2));
}
// A referenced file that is not in dist/ means a broken build: fail too.
process.exit(overBudget || missing.length ? 1 : 0);
