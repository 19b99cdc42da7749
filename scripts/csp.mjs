#!/usr/bin/env node
// Writes the Content Security Policy into the pages of a build: index.html
// and the copies scripts/prerender.mjs makes of it (app.html, SECTION/index.html,
// SECTION/app.html), each with the hash of its own loader script.
//
//   node scripts/csp.mjs dist            write or update the <meta> tag
//   node scripts/csp.mjs dist --print    print the policy (for a header)
//
// Why after the build: trunk 0.21 writes an inline module script into
// index.html that loads the wasm (its content names the hashed file names, so
// it changes with every build), and trunk has no option to move it to a
// file. Rather than allow every inline script ('unsafe-inline'), the policy
// allows exactly the inline scripts and styles the build wrote, by their
// SHA-256 hashes. Run it again after editing index.html or config.json in
// dist/ (an absolute `api_base` in config.json is added to connect-src).
//
// The policy: scripts from this origin, the hashed inline ones, and wasm
// compilation ('wasm-unsafe-eval'; never 'unsafe-eval' or 'unsafe-inline');
// styles from this origin (the app sets element styles through the CSSOM,
// which style-src does not govern, never through style attributes); images
// also as data:/blob: (the PNG export draws the SVG chart through a blob: URL);
// no plugins, no <base> or form target elsewhere. `frame-ancestors` has no
// effect in a <meta> tag: scripts/serve.mjs sends it as a header (see README).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: node scripts/csp.mjs DIST_DIR [--print]');
  process.exit(2);
}
// The pages: index.html, and the copies scripts/prerender.mjs writes
// (app.html, ROUTE/index.html). Not api/ or docs/, which are data.
function pages() {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.html')) out.push(path.join(dir, e.name));
    if (e.isDirectory() && !['api', 'docs'].includes(e.name)) {
      for (const page of ['index.html', 'app.html']) {
        const file = path.join(dir, e.name, page);
        if (fs.existsSync(file)) out.push(file);
      }
    }
  }
  return out;
}

const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// Inline elements: <script> without src, <style>. The pages are trunk's own
// output, whose tags are simple; a regex is enough and keeps this dependency-free.
const inline = (html, tag) =>
  [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))]
    .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs))
    .map(([, , body]) => hash(body));

function apiOrigin() {
  try {
    const cfg = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
    const u = new URL(cfg.api_base);
    return u.origin;
  } catch {
    return null; // relative api_base (or no config.json): 'self' covers it
  }
}

// Refuses a page the policy would break.
function check(file, html) {
  if (/\son[a-z]+\s*=/i.test(html.replace(/<script\b[\s\S]*?<\/script>/gi, ''))) {
    console.error(`csp: ${file} has an inline event handler (on...=), which the policy would block`);
    process.exit(1);
  }
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html.replace(/<script\b[\s\S]*?<\/script>/gi, ''))) {
    console.error(`csp: ${file} has a style="" attribute, which style-src 'self' blocks; use a class`);
    process.exit(1);
  }
}

// One policy for the whole site: the hashes of the inline scripts of every
// page (each section's page starts its own binary with its own script), so
// a host sends the same header everywhere (README, scripts/serve.mjs).
function sitePolicy(files) {
  const scripts = new Set();
  const styles = new Set();
  for (const file of files) {
    const html = fs.readFileSync(file, 'utf8');
    check(file, html);
    for (const h of inline(html, 'script')) scripts.add(h);
    for (const h of inline(html, 'style')) styles.add(h);
  }
  const connect = ["'self'", apiOrigin()].filter(Boolean);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...scripts].sort().join(' ')}`.trim(),
    `style-src 'self' ${[...styles].sort().join(' ')}`.trim(),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return { policy, scripts: scripts.size, styles: styles.size };
}

function write(file, policy) {
  let html = fs.readFileSync(file, 'utf8');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const existing = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;
  if (existing.test(html)) {
    html = html.replace(existing, meta);
  } else {
    // Early in <head> (after the charset, which must come first): the policy
    // applies only to what comes after it.
    const head = /<meta charset[^>]*>/i.exec(html) || /<head\b[^>]*>/i.exec(html);
    if (!head) {
      console.error(`csp: ${file} has no <head>`);
      process.exit(1);
    }
    const at = head.index + head[0].length;
    html = `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
  }
  fs.writeFileSync(file, html);
  return path.relative(dir, file);
}

const index = path.join(dir, 'index.html');
if (!fs.existsSync(index)) {
  console.error(`csp: ${index} not found`);
  process.exit(1);
}
// The policy comes from the pages as they are before it is written (the
// <meta> tag is no inline script, so writing it changes no hash).
const files = pages();
const { policy, scripts, styles } = sitePolicy(files);
if (args.includes('--print')) {
  console.log(policy);
  process.exit(0);
}
const done = files.map((f) => write(f, policy));
console.log(`csp: one policy (${scripts} inline script(s), ${styles} inline style(s)) written into ${done.join(', ')}`);
