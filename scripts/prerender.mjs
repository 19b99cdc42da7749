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
// each with the section's binary in place of the home one. Every text is
// in both languages (bi), the reader's saved choice shows one; the app removes the shell in the
// same task that mounts. tests/e2e/first-load.test.mjs checks each heading
// equals the one the app renders.
import fs from 'node:fs';
import path from 'node:path';

import { SECTIONS } from './sections.mjs';

const MARK = '<!--boot:page-->';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// A text in both languages: the page's <html lang> shows one (index.html's
// first script, style/main.css).
const bi = (id, en) => `<span class="l-id">${esc(id)}</span><span class="l-en">${esc(en)}</span>`;
const lead = (id, en) => `<p class="lead">${bi(id, en)}</p>`;

// route -> what the page shows above its data, as the app renders it.
const ROUTES = {
  '/': {
    title: 'Beranda',
    page: `<div class="home-head"><div><h1>${bi('Kemitraan Usaha Besar dan UMKM', 'Large Business and UMKM Partnerships')}</h1>${lead(
      'Perusahaan PMA dan PMDN menandatangani perjanjian kemitraan dengan usaha mikro, kecil dan menengah agar UMKM naik kelas. Di sini Anda dapat mencari mitra, membaca perjanjian, dan menyimulasikan pertumbuhan kontrak.',
      'Foreign (PMA) and domestic (PMDN) investment companies sign partnership agreements with micro, small and medium enterprises (UMKM) so that they grow a size class. Here you can find partners, read agreements and simulate contract growth.',
    )}</div><a href="/presentasi" class="button present-link"><span aria-hidden="true">▶</span>${bi('Mode presentasi', 'Presentation mode')}</a></div><nav class="cards" aria-label="Mulai"><a href="/mitra" class="card-link">${bi('Cari mitra →', 'Find a partner →')}</a><a href="/perjanjian" class="card-link">${bi('Lihat perjanjian →', 'Browse agreements →')}</a><a href="/simulasi" class="card-link">${bi('Simulasikan pertumbuhan →', 'Simulate growth →')}</a></nav>`,
  },
  '/mitra': {
    title: 'Cari Mitra',
    page: `<h1>${bi('Cari Mitra', 'Find Partners')}</h1>${lead(
      'Cari perusahaan PMA/PMDN dan UMKM menurut nama atau NIB, lalu saring menurut jenis, kelas usaha, provinsi, sektor dan pola kemitraan. Setiap mitra punya halaman dengan semua perjanjiannya.',
      'Find PMA/PMDN companies and UMKM by name or NIB, then filter by kind, size class, province, sector and partnership pattern. Every partner has a page with all its agreements.',
    )}`,
  },
  '/perjanjian': {
    title: 'Perjanjian Kemitraan',
    page: `<h1>${bi('Perjanjian Kemitraan', 'Partnership Agreements')}</h1>${lead(
      'Siapa menandatangani apa dengan siapa, kapan, dengan pola apa dan nilai berapa — dan berapa yang sudah terealisasi.',
      'Who signed what with whom, when, in which pattern and for how much — and how much was realised.',
    )}`,
  },
  '/simulasi': {
    title: 'Simulasi Pertumbuhan Kontrak',
    page: `<h1>${bi('Simulasi Pertumbuhan Kontrak', 'Contract Growth Simulator')}</h1>${lead(
      'Lihat arti jalur pertumbuhan kontrak — misalnya Rp1 miliar, Rp5 miliar, lalu Rp10 miliar — bagi kelas usaha UMKM menurut PP 7/2021.',
      'See what a contract growth path — say Rp1 billion, Rp5 billion, then Rp10 billion — means for an UMKM\'s size class under PP 7/2021.',
    )}<section class="sim-inputs"><h2>${bi('Skenario', 'Scenarios')}</h2><p class="muted">${bi(
      'Jumlah dapat ditulis sebagai angka atau dengan satuan: 1M atau 1 miliar, 1,5 miliar, 250 jt, Rp 2.000.000. Hasil diperbarui saat Anda mengetik; tautan halaman ini menyimpan semua isian.',
      'Amounts can be digits or carry a unit: 1.5 billion, 1B, 250 million, 2000000 (Indonesian M means miliar = billion). Results update as you type; this page\'s link keeps every input.',
    )}</p></section>`,
  },
  '/tentang': {
    title: 'Tentang Data',
    page: `<h1>${bi('Tentang Data', 'About the Data')}</h1>${lead(
      'Dari mana data di aplikasi ini berasal dan seberapa baru, kontrak JSON yang diikutinya, dan cara mengarahkan aplikasi ke sumber data lain tanpa membangunnya ulang.',
      'Where the data in this app comes from and how recent it is, the JSON contract it follows, and how to point the app at another data source without rebuilding it.',
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

// Until the page has painted, the wasm waits: the first paint is the page
// (its lead is the Largest Contentful Paint), and on a slow link the wasm,
// fetched at once, took bandwidth from the HTML and CSS. So the wasm's
// preload is dropped and the loader starts one frame and one task after the
// first paint (or after 500 ms if no frame comes: a hidden tab). The
// stylesheets are inline (index.html), so the first paint does not wait for
// a request, and the wasm starts about one frame after the HTML is parsed.
// It also keeps Lighthouse's simulation honest: a wasm that finished before
// the first paint in its unthrottled trace was counted as needed for the
// LCP, adding its whole download on slow 4G to the simulated LCP.
const WAIT_FOR_PAINT =
  'await new Promise((go) => { requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 500); });\n';

/** The loader tags of `loader` (see LOADER), starting after the first paint. */
export function afterFirstPaint([modulePreload, , script]) {
  const at = script.indexOf('const wasm = await init(');
  if (at < 0) throw new Error('prerender: the loader script has no `const wasm = await init(` (trunk changed?)');
  return [modulePreload, '', script.slice(0, at) + WAIT_FOR_PAINT + script.slice(at)];
}

function render(template, route, loader) {
  const r = route === null ? null : ROUTES[route];
  let html = template.replace(MARK, r ? r.page : '');
  const tags = afterFirstPaint(loader);
  LOADER.forEach((re, i) => {
    html = html.replace(re, () => tags[i]);
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
