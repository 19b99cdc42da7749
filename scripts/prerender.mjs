#!/usr/bin/env node
// Writes the static first paint of each route, so a phone on a slow network
// sees the app's frame, the page's title and heading, and a loading line
// while the wasm downloads (issue 10: no blank page, no layout shift).
//
//   node scripts/prerender.mjs [DIR]     (default: $TRUNK_STAGING_DIR, else dist)
//
// Run by trunk as a post_build hook (Trunk.toml), so every `trunk build`
// writes them. From DIR/index.html (trunk's output, with the hashed asset
// links and the boot shell of index.html) it writes:
//   index.html              the home page's shell (served at /)
//   app.html                the shell with no page heading: the fallback for
//                           deep links such as /mitra/P0001 (scripts/serve.mjs,
//                           and nginx `try_files $uri $uri/ /app.html`)
//   mitra/index.html ...    one per list route, with its <title> and heading
// The texts are Indonesian (the app's first language); main.rs removes the
// shell in the same task that mounts the app. tests/e2e/first-load.test.mjs
// checks each heading equals the one the app renders.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');
const indexPath = path.join(dir, 'index.html');
const MARK = '<!--boot:page-->';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lead = (s) => `<p class="lead">${esc(s)}</p>`;

// route -> what the page shows above its data, as the app renders it.
const ROUTES = {
  '/': {
    title: 'Beranda',
    page: `<div class="home-head"><div><h1>Kemitraan Usaha Besar dan UMKM</h1>${lead(
      'Perusahaan PMA dan PMDN menandatangani perjanjian kemitraan dengan usaha mikro, kecil dan menengah agar UMKM naik kelas. Di sini Anda dapat mencari mitra, membaca perjanjian, dan menyimulasikan pertumbuhan kontrak.',
    )}</div><a href="/presentasi" class="button present-link"><span aria-hidden="true">▶</span>Mode presentasi</a></div><nav class="cards" aria-label="Mulai"><a href="/mitra" class="card-link">Cari mitra →</a><a href="/perjanjian" class="card-link">Lihat perjanjian →</a><a href="/simulasi" class="card-link">Simulasikan pertumbuhan →</a></nav>`,
  },
  '/mitra': {
    title: 'Cari Mitra',
    page: `<h1>Cari Mitra</h1>${lead(
      'Cari perusahaan PMA/PMDN dan UMKM menurut nama atau NIB, lalu saring menurut jenis, kelas usaha, provinsi, sektor dan pola kemitraan. Setiap mitra punya halaman dengan semua perjanjiannya.',
    )}`,
  },
  '/perjanjian': {
    title: 'Perjanjian Kemitraan',
    page: `<h1>Perjanjian Kemitraan</h1>${lead(
      'Siapa menandatangani apa dengan siapa, kapan, dengan pola apa dan nilai berapa — dan berapa yang sudah terealisasi.',
    )}`,
  },
  '/simulasi': {
    title: 'Simulasi Pertumbuhan Kontrak',
    page: `<h1>Simulasi Pertumbuhan Kontrak</h1>${lead(
      'Lihat arti jalur pertumbuhan kontrak — misalnya Rp1 miliar, Rp5 miliar, lalu Rp10 miliar — bagi kelas usaha UMKM menurut PP 7/2021.',
    )}<section class="sim-inputs"><h2>Skenario</h2><p class="muted">${esc(
      'Jumlah dapat ditulis sebagai angka atau dengan satuan: 1M atau 1 miliar, 1,5 miliar, 250 jt, Rp 2.000.000. Hasil diperbarui saat Anda mengetik; tautan halaman ini menyimpan semua isian.',
    )}</p></section>`,
  },
  '/tentang': {
    title: 'Tentang Data',
    page: `<h1>Tentang Data</h1>${lead(
      'Dari mana data di aplikasi ini berasal dan seberapa baru, kontrak JSON yang diikutinya, dan cara mengarahkan aplikasi ke sumber data lain tanpa membangunnya ulang.',
    )}`,
  },
};

function render(template, route) {
  const r = ROUTES[route];
  let html = template.replace(MARK, r ? r.page : '');
  if (r) {
    html = html.replace(/<title>[^<]*<\/title>/, `<title>${esc(r.title)} · Kemitraan</title>`);
    // The current page's link, as the router marks it.
    html = html.replace(`<li><a href="${route}">`, `<li><a href="${route}" aria-current="page">`);
  }
  return html;
}

function main() {
  if (!fs.existsSync(indexPath)) {
    console.error(`prerender: ${indexPath} not found`);
    process.exit(2);
  }
  const template = fs.readFileSync(indexPath, 'utf8');
  if (!template.includes(MARK)) {
    console.error(`prerender: ${indexPath} has no ${MARK} (already prerendered?)`);
    process.exit(2);
  }
  fs.writeFileSync(path.join(dir, 'app.html'), render(template, null));
  for (const route of Object.keys(ROUTES)) {
    const out = route === '/' ? indexPath : path.join(dir, route.slice(1), 'index.html');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, render(template, route));
  }
  console.log(`prerender: wrote app.html and ${Object.keys(ROUTES).length} route shells in ${dir}`);
}

main();
