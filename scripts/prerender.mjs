#!/usr/bin/env node
// Writes the static first paint of each page, so a phone on a slow network
// sees the app's frame, the page's title and heading, and a loading line
// while the wasm downloads (issue 10: no blank page, no layout shift), and
// has each page load its own section's binary.
//
// Called by scripts/build.mjs after the trunk builds. From DIR/index.html
// (trunk's output for the home binary, with the hashed asset links and the
// boot shell of index.html) it writes, per section of scripts/sections.mjs:
//   SECTION/index.html      the section's list page, with its <title> and
//                           heading (index.html for the home section)
//   SECTION/app.html        the shell with no page heading: the fallback for
//                           deep links such as /mitra/P0001 (scripts/serve.mjs,
//                           and nginx `try_files $uri $uri/ /mitra/app.html`);
//                           app.html at the root serves paths of no section
// each with the section's binary in place of the home one. The texts are
// Indonesian (the app's first language); the app removes the shell in the
// same task that mounts. tests/e2e/first-load.test.mjs checks each heading
// equals the one the app renders.
import fs from 'node:fs';
import path from 'node:path';

import { SECTIONS } from './sections.mjs';

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

// What trunk writes to load a binary: a modulepreload of the JS glue, a
// preload of the wasm, and the inline module script that starts it.
const LOADER = [
  /<link rel="modulepreload" href="[^"]*"[^>]*>/,
  /<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/,
  /<script type="module">[\s\S]*?<\/script>/,
];

/** The loader tags of a page trunk built (see LOADER). */
export function loaderOf(html) {
  return LOADER.map((re) => {
    const m = re.exec(html);
    if (!m) throw new Error(`prerender: no ${re} in a trunk page`);
    return m[0];
  });
}

function render(template, route, loader) {
  const r = route === null ? null : ROUTES[route];
  let html = template.replace(MARK, r ? r.page : '');
  LOADER.forEach((re, i) => {
    html = html.replace(re, () => loader[i]);
  });
  if (r) {
    html = html.replace(/<title>[^<]*<\/title>/, `<title>${esc(r.title)} · Kemitraan</title>`);
    // The current page's link, as the router marks it.
    html = html.replace(`<li><a href="${route}">`, `<li><a href="${route}" aria-current="page">`);
  }
  return html;
}

/**
 * Writes every section's pages into `dir` from its index.html; `loaders`
 * maps a section name to loaderOf(its trunk page).
 */
export function prerender(dir, loaders) {
  const indexPath = path.join(dir, 'index.html');
  const template = fs.readFileSync(indexPath, 'utf8');
  if (!template.includes(MARK)) throw new Error(`prerender: ${indexPath} has no ${MARK} (already prerendered?)`);
  const written = [];
  for (const s of SECTIONS) {
    const loader = loaders[s.name];
    if (!loader) throw new Error(`prerender: no binary for section ${s.name}`);
    const route = `/${s.dir}`;
    const at = path.join(dir, s.dir);
    fs.mkdirSync(at, { recursive: true });
    fs.writeFileSync(path.join(at, 'app.html'), render(template, null, loader));
    fs.writeFileSync(path.join(at, 'index.html'), render(template, route in ROUTES ? route : null, loader));
    written.push(path.join(s.dir, 'index.html'), path.join(s.dir, 'app.html'));
  }
  console.log(`prerender: wrote ${written.join(', ')}`);
}
