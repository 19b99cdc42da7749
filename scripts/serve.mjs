#!/usr/bin/env node
// Static server for dist/ (no dependencies, Node 20).
//
//   node scripts/serve.mjs --dir dist --port 8080 [--host 127.0.0.1] [--test-controls] [--data DIR]
//
// --data DIR serves /api/v1/ from DIR instead of dist/api/v1 (a generated
// dataset, for tests and benchmarks at scale).
//
// Why our own server: `python3 -m http.server` has no SPA fallback (deep links
// like /mitra/P0001 break on reload) and no compression, and the browser tests need to
// make the static API misbehave on demand (--test-controls, see below).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

function parseArgs(argv) {
  const opts = { dir: 'dist', port: 8080, host: '127.0.0.1', testControls: false, data: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dir') opts.dir = argv[++i];
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--host') opts.host = argv[++i];
    else if (a === '--test-controls') opts.testControls = true;
    else if (a === '--data') opts.data = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/serve.mjs --dir DIR --port PORT [--host 127.0.0.1] [--test-controls] [--data DIR]');
      process.exit(0);
    } else {
      console.error(`serve: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error('serve: --port must be an integer 0..65535');
    process.exit(2);
  }
  return opts;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};
// Already-compressed formats gain nothing from gzip. Everything else,
// including .wasm (it shrinks to about 40%), is compressed.
const NO_GZIP = new Set(['.png', '.jpg', '.jpeg', '.webp', '.woff2', '.gz', '.br', '.zip']);

// Test faults of /api/ (see testControl): HTTP errors, bad bodies, a body cut
// off mid-transfer, an answer that never comes or comes late.
const FAULT_MODES = new Set(['none', '500', 'invalid', 'hang', 'shape', '404', '503', 'truncated', 'slow']);

const opts = parseArgs(process.argv.slice(2));
const root = path.resolve(opts.dir);
const dataRoot = opts.data ? path.resolve(opts.data) : null;
try {
  if (!(await fs.stat(root)).isDirectory()) throw new Error('not a directory');
} catch (e) {
  console.error(`serve: cannot serve ${opts.dir}: ${e.message}`);
  process.exit(1);
}

// Security headers on every response. The Content Security Policy is the
// one scripts/csp.mjs wrote into index.html's <meta> tag (so the two never
// differ), plus what only a header can say: frame-ancestors.
const SECURITY = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' };
{
  const html = await fs.readFile(path.join(root, 'index.html'), 'utf8').catch(() => '');
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
  if (m) {
    SECURITY['Content-Security-Policy'] = `${m[1].replaceAll('&#39;', "'")}; frame-ancestors 'none'`;
    SECURITY['X-Frame-Options'] = 'DENY';
  } else if (html) {
    console.error('serve: index.html has no Content-Security-Policy <meta> (run node scripts/csp.mjs DIR); serving without one');
  }
}

// Test-control state (only reachable with --test-controls). `faultPath`:
// only /api/ paths containing it are faulted (null: all); `faultCount`: how
// many more requests fail before the backend recovers by itself (null: until
// reset); `delayMs`: how late `slow` answers; `retryAfter`: 503's header.
const state = { fault: 'none', config: null, faultPath: null, faultCount: null, delayMs: 3000, retryAfter: 2 };
const FAULT_DEFAULTS = { fault: 'none', faultPath: null, faultCount: null, delayMs: 3000, retryAfter: 2 };
// Responses held open by the `hang` fault; destroyed on shutdown.
const hung = new Set();

async function fileAt(urlPath) {
  // Map a URL path to a file inside root (or the --data dir for /api/v1/);
  // refuse anything that escapes it.
  let base = root;
  let rel = urlPath;
  if (dataRoot && urlPath.startsWith('/api/v1/')) {
    base = dataRoot;
    rel = urlPath.slice('/api/v1'.length);
  }
  const full = path.join(base, rel);
  if (full !== base && !full.startsWith(base + path.sep)) return null;
  try {
    const st = await fs.stat(full);
    if (st.isFile()) return full;
    if (st.isDirectory()) {
      const idx = path.join(full, 'index.html');
      if ((await fs.stat(idx).catch(() => null))?.isFile()) return idx;
    }
  } catch {
    /* missing */
  }
  return null;
}

// Picks the encoding the client accepts: brotli (about a fifth smaller than
// gzip for the wasm), then gzip, else none.
function pickEncoding(req) {
  const accept = req.headers['accept-encoding'] || '';
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

// Per-request compression at a fast setting (brotli's best takes about a
// second per megabyte); the hashed assets come precompressed at the best
// setting (scripts/precompress.mjs).
function compress(data, encoding) {
  return encoding === 'br'
    ? brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } })
    : gzip(data);
}

// Sends a complete response; compresses (brotli or gzip) when the client
// accepts it and `ext` is not an already-compressed format. `encoded` sends
// a body that is already compressed in that encoding (a precompressed file).
async function send(req, res, status, body, type, headers = {}, ext = '', encoded = null) {
  let data = typeof body === 'string' ? Buffer.from(body) : body;
  const out = { 'Content-Type': type, ...SECURITY, Vary: 'Accept-Encoding', ...headers };
  const encoding = encoded ?? pickEncoding(req);
  if (encoded) {
    out['Content-Encoding'] = encoded;
  } else if (encoding && data.length > 0 && !NO_GZIP.has(ext)) {
    data = await compress(data, encoding);
    out['Content-Encoding'] = encoding;
  }
  out['Content-Length'] = data.length;
  res.writeHead(status, out);
  res.end(req.method === 'HEAD' ? undefined : data);
}

function readBody(req, limit = 1 << 20) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function testControl(req, res, url) {
  const json = (status, obj) => send(req, res, status, JSON.stringify(obj), 'application/json', { 'Cache-Control': 'no-store' });
  if (req.method !== 'POST') return json(405, { error: 'use POST' });
  const what = url.pathname.slice('/__test/'.length);
  if (what === 'fault') {
    const mode = url.searchParams.get('mode');
    if (!FAULT_MODES.has(mode)) return json(400, { error: `mode must be one of ${[...FAULT_MODES].join('|')}` });
    const num = (k, min, max) => {
      const v = url.searchParams.get(k);
      if (v === null) return undefined;
      const n = Number(v);
      return Number.isInteger(n) && n >= min && n <= max ? n : NaN;
    };
    const count = num('count', 1, 1e6);
    const delay = num('delay', 0, 120_000);
    const retryAfter = num('retry_after', 0, 86_400);
    if ([count, delay, retryAfter].some(Number.isNaN)) return json(400, { error: 'count, delay, retry_after must be small non-negative integers' });
    Object.assign(state, FAULT_DEFAULTS, {
      fault: mode,
      // `path`, or `match` as the search tests call it.
      faultPath: url.searchParams.get('path') || url.searchParams.get('match') || null,
      faultCount: count ?? null,
      ...(delay !== undefined && { delayMs: delay }),
      ...(retryAfter !== undefined && { retryAfter }),
    });
    return json(200, state);
  }
  if (what === 'config') {
    try {
      state.config = JSON.parse(await readBody(req));
    } catch (e) {
      return json(400, { error: `config body is not JSON: ${e.message}` });
    }
    return json(200, state);
  }
  if (what === 'reset') {
    Object.assign(state, FAULT_DEFAULTS);
    state.config = null;
    return json(200, state);
  }
  return json(404, { error: 'unknown test control' });
}

// How /api/ answers under each fault; `none`, `hang`, `truncated` and `slow`
// are handled in faulted().
const FAULTS = {
  404: { status: 404, body: 'not found (test fault)', type: 'text/plain; charset=utf-8' },
  500: { status: 500, body: 'Internal Server Error (test fault)', type: 'text/plain; charset=utf-8' },
  503: { status: 503, body: 'Service Unavailable (test fault)', type: 'text/plain; charset=utf-8' },
  invalid: { status: 200, body: '{"not json', type: 'application/json' },
  shape: { status: 200, body: '{"unexpected": true}', type: 'application/json' },
};

// Answers an /api/ request under fault `mode`.
async function faulted(req, res, pathname, mode) {
  if (mode === 'hang') {
    // Never answer: the client must time out. Keep the socket until it goes.
    hung.add(res);
    res.on('close', () => hung.delete(res));
    return;
  }
  if (mode === 'slow' || mode === 'truncated') {
    const file = await fileAt(pathname);
    if (!file) return send(req, res, 404, `not found: ${pathname}`, 'text/plain; charset=utf-8');
    const body = await fs.readFile(file);
    if (mode === 'slow') {
      // A complete, correct answer, later than the client's timeout.
      hung.add(res);
      await new Promise((r) => setTimeout(r, state.delayMs));
      hung.delete(res);
      if (res.destroyed) return;
      return send(req, res, 200, body, 'application/json', { 'Cache-Control': 'no-store' });
    }
    // Announce the whole body, send half, then drop the connection: what a
    // proxy timeout or a lost connection does mid-transfer.
    res.writeHead(200, { 'Content-Type': 'application/json', ...SECURITY, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    setTimeout(() => res.destroy(), 50);
    return;
  }
  const f = FAULTS[mode];
  const extra = mode === '503' ? { 'Retry-After': String(state.retryAfter) } : {};
  return send(req, res, f.status, f.body, f.type, { 'Cache-Control': 'no-store', ...extra });
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return send(req, res, 400, 'bad request path', 'text/plain; charset=utf-8');
  }

  if (opts.testControls && pathname.startsWith('/__test/')) return testControl(req, res, url);

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(req, res, 405, 'method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
  }

  const isApi = pathname.startsWith('/api/');
  if (opts.testControls && isApi && state.fault !== 'none' && (!state.faultPath || pathname.includes(state.faultPath))) {
    if (state.faultCount !== null && --state.faultCount <= 0) {
      // This is the last faulted request; the backend recovers after it.
      const mode = state.fault;
      Object.assign(state, FAULT_DEFAULTS);
      return faulted(req, res, pathname, mode);
    }
    return faulted(req, res, pathname, state.fault);
  }

  if (opts.testControls && pathname === '/config.json' && state.config !== null) {
    return send(req, res, 200, JSON.stringify(state.config), 'application/json', { 'Cache-Control': 'no-store' });
  }

  let file = await fileAt(pathname);
  const hasExt = path.posix.extname(pathname) !== '';
  // SPA fallback: extension-less paths are app routes. Not under /api/, where
  // an HTML page answering a data request would only hide a missing file.
  // Each section of the site has its own binary and its own shell without a
  // page heading (scripts/build.mjs): /mitra/P0001 gets mitra/app.html;
  // paths of no section get the home section's app.html (its 404 page); a
  // build without them falls back to index.html.
  if (!file && !hasExt && !isApi) {
    const section = pathname.split('/')[1];
    file = (section && (await fileAt(`/${section}/app.html`)))
      ?? (await fileAt('/app.html'))
      ?? (await fileAt('/index.html'));
  }
  if (!file) return send(req, res, 404, `not found: ${pathname}`, 'text/plain; charset=utf-8');

  const ext = path.extname(file).toLowerCase();
  const base = path.basename(file);
  // index.html names the hashed assets, so it must be revalidated every time;
  // trunk's hashed file names (name-<hex hash>.ext, 16 digits or fewer when
  // the hash starts with zeros) never change content.
  // The search index's shards are requested with the index's version
  // (`search/terms/3.txt?v=<hash>`, docs/api.md): that URL never changes
  // content either. Its root names the version, so it is revalidated.
  const versioned = isApi && pathname.includes('/search/') && url.searchParams.has('v');
  const cache = !versioned && (base.endsWith('.html') || !/-[0-9a-f]{8,16}(_bg)?\.\w+$/.test(base))
    ? 'no-cache'
    : 'public, max-age=31536000, immutable';
  // Revalidation answers 304 when the file is unchanged (nginx does the
  // same with its ETag from size and modification time).
  const stat = await fs.stat(file).catch(() => null);
  const etag = stat ? `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"` : null;
  if (etag && req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ...SECURITY, Vary: 'Accept-Encoding', ETag: etag, 'Cache-Control': cache });
    return res.end();
  }
  const type = TYPES[ext] || 'application/octet-stream';
  // A precompressed copy beside the file (scripts/precompress.mjs), sent as
  // nginx's brotli_static / gzip_static would.
  const encoding = pickEncoding(req);
  const pre = encoding && (await fs.readFile(`${file}.${encoding === 'br' ? 'br' : 'gz'}`).catch(() => null));
  const headers = etag ? { 'Cache-Control': cache, ETag: etag } : { 'Cache-Control': cache };
  if (pre) return send(req, res, 200, pre, type, headers, ext, encoding);
  const body = await fs.readFile(file);
  return send(req, res, 200, body, type, headers, ext);
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e) => {
    console.error(`serve: ${req.method} ${req.url}: ${e.stack || e}`);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('internal error');
  });
});

server.on('error', (e) => {
  console.error(`serve: ${e.message}`);
  process.exit(1);
});

server.listen(opts.port, opts.host, () => {
  const { port } = server.address();
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  console.log(`serving ${opts.dir} on http://${host}:${port}/`);
});

function shutdown() {
  // Hung responses and keep-alive sockets would keep close() waiting forever.
  for (const res of hung) res.destroy();
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
