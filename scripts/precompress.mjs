#!/usr/bin/env node
// Writes NAME.br (brotli 11) and NAME.gz (gzip 9) beside each hashed asset
// of a build (the wasm, its JS glue, the CSS): a host then sends them as they
// are (nginx `brotli_static on; gzip_static on;`, scripts/serve.mjs too)
// instead of compressing per request, and the strongest setting costs
// nothing at request time. The wasm is about a fifth smaller in brotli than
// in gzip.
//
//   node scripts/precompress.mjs [DIR]   (default: dist)
//
// Run by scripts/build.mjs. Data files are left alone.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] || 'dist');
// trunk writes the hash as hex without leading zeros: 16 digits, sometimes fewer.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css|svg)$/;
let n = 0;
for (const name of fs.readdirSync(dir)) {
  if (!HASHED.test(name)) continue;
  const file = path.join(dir, name);
  const buf = fs.readFileSync(file);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(buf, { level: 9 }));
  n++;
}
console.log(`precompress: wrote .br and .gz for ${n} assets in ${dir}`);
