// Browser tests of presentation mode: slides step forward and back by key,
// by on-screen button and by URL, each with its own URL and title; Escape
// leaves; the slides show the dataset's figures; screenshots of every slide
// at 1280×720 and of two at 375 px are kept in tests/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, gotoAndWait, settle, expectText, checkAxe, formatViolations, screenshot, consoleErrors, MOBILE,
} from './helpers.mjs';

const TIMEOUT = { timeout: 120_000 };
const SCREEN = { width: 1280, height: 720 };
const TITLES = [
  'Angka utama program kemitraan',
  'Penandatanganan 18 Januari 2021',
  'Provinsi UMKM dengan nilai komitmen terbesar',
  'Riwayat kemitraan terbesar',
  'Jalur Presiden: Rp1 M, Rp5 M, Rp10 M',
];
const app = useApp();
const digits = (s) => Number(String(s).replace(/[^\d]/g, ''));

/** Waits until slide `n` is shown: URL, heading, counter and document title. */
async function onSlide(page, n) {
  await page.waitForURL(new RegExp(n === 1 ? '/presentasi(/1)?$' : `/presentasi/${n}$`));
  await expectText(page.locator('.presenter h1'), TITLES[n - 1]);
  await expectText(page.locator('.slide-counter'), `${n} / ${TITLES.length}`);
  await page.waitForFunction((t) => document.title.startsWith(t), TITLES[n - 1]);
}

test('the home page opens presentation mode on slide 1', TIMEOUT, async () => {
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/');
  await page.getByRole('link', { name: 'Mode presentasi' }).click();
  await onSlide(page, 1);
  // The layer covers the whole viewport.
  const box = await page.locator('.presenter').boundingBox();
  assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 1280, 720]);
  assert.equal(await page.locator('.site-header').getAttribute('inert'), '');
  assert.deepEqual(consoleErrors(page), []);
});

test('keys step forward and back; Escape leaves for the home page', TIMEOUT, async () => {
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/presentasi');
  await onSlide(page, 1);
  await page.keyboard.press('ArrowRight');
  await onSlide(page, 2);
  await page.keyboard.press('Space');
  await onSlide(page, 3);
  await page.keyboard.press('PageDown');
  await onSlide(page, 4);
  await page.keyboard.press('ArrowLeft');
  await onSlide(page, 3);
  await page.keyboard.press('PageUp');
  await onSlide(page, 2);
  await page.keyboard.press('End');
  await onSlide(page, 5);
  await page.keyboard.press('ArrowRight'); // stays on the last slide
  await onSlide(page, 5);
  await page.keyboard.press('Home');
  await onSlide(page, 1);
  await page.keyboard.press('ArrowLeft'); // stays on the first
  await onSlide(page, 1);
  // Every step was a history entry: Back goes to the slide before.
  await page.keyboard.press('ArrowRight');
  await onSlide(page, 2);
  await page.goBack();
  await onSlide(page, 1);
  await page.keyboard.press('Escape');
  await page.waitForURL((u) => new URL(u).pathname === '/');
  // The app's page (main#main), not the static first paint it replaces.
  await page.locator('main#main h1').waitFor({ state: 'visible' });
  await expectText(page.locator('main#main h1'), 'Kemitraan Usaha Besar dan UMKM');
  assert.equal(await page.locator('.presenter').count(), 0);
  assert.equal(await page.locator('.site-header').getAttribute('inert'), null, 'the frame is usable again');
  assert.deepEqual(consoleErrors(page), []);
});

test('each slide has its own URL; on-screen buttons step and stop at the ends', TIMEOUT, async () => {
  const page = await app.newPage(SCREEN);
  for (let n = 1; n <= TITLES.length; n++) {
    await gotoAndWait(page, `/presentasi/${n}`);
    await onSlide(page, n);
  }
  await gotoAndWait(page, '/presentasi/1');
  const prev = page.getByRole('button', { name: 'Sebelumnya' });
  const next = page.getByRole('button', { name: 'Berikutnya' });
  assert.equal(await prev.isDisabled(), true);
  await next.click();
  await onSlide(page, 2);
  await next.click();
  await onSlide(page, 3);
  await prev.click();
  await onSlide(page, 2);
  // Space on a focused button presses it once, not twice.
  await next.focus();
  await page.keyboard.press('Space');
  await onSlide(page, 3);
  await gotoAndWait(page, '/presentasi/5');
  assert.equal(await next.isDisabled(), true);
  // A number that is no slide says so and offers slide 1.
  await gotoAndWait(page, '/presentasi/9');
  await expectText(page.locator('.presenter h1'), 'Salindia tidak ada');
  await page.getByRole('link', { name: 'Ke salindia 1' }).click();
  await onSlide(page, 1);
});

test('the slides show the dataset: figures, event, provinces, pair, the President\'s path', TIMEOUT, async () => {
  const summary = await app.getJson('/api/v1/summary.json');
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/presentasi/1');
  await page.locator('.presenter .figures').waitFor();
  assert.equal(digits(await page.locator('.presenter [data-figure="umkm"] dd.figure').textContent()), summary.totals.umkm);
  assert.equal(digits(await page.locator('.presenter [data-figure="agreements"] dd.figure').textContent()), summary.totals.agreements);
  assert.equal(await page.locator('.presenter [data-figure="committed"] dd.figure').getAttribute('data-rupiah'), String(summary.totals.committed));

  await page.keyboard.press('ArrowRight');
  await onSlide(page, 2);
  await page.locator('.presenter .compare-table').waitFor();
  const { items: events } = await app.getJson('/api/v1/events.json');
  assert.equal(digits(await page.locator('.compare-table tr[data-figure="umkm"] td.reported').textContent()), events[0].reported.umkm);

  await page.keyboard.press('ArrowRight');
  await onSlide(page, 3);
  const bars = page.locator('.presenter svg a');
  await bars.first().waitFor({ state: 'attached' });
  assert.equal(await bars.count(), 10);
  const top = [...summary.by_province].sort((a, b) => b.committed - a.committed || (a.key < b.key ? -1 : 1))[0];
  assert.equal(await bars.first().getAttribute('href'), `/perjanjian?provinsi_umkm=${top.key}`);

  await page.keyboard.press('ArrowRight');
  await onSlide(page, 4);
  await page.locator('.presenter svg a').first().waitFor({ state: 'attached' });
  const pairLinks = await page.locator('.presenter svg a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(pairLinks.length >= 1 && pairLinks.every((h) => h.startsWith('/perjanjian/')));
  // Oldest first: the history of one pair, the largest by committed value.
  const detail = await app.getDetail('agreements', pairLinks[0].split('/').pop());
  assert.deepEqual(detail.pair_history.map((a) => `/perjanjian/${a.id}`), pairLinks);

  await page.keyboard.press('ArrowRight');
  await onSlide(page, 5);
  await page.locator('.presenter .chart svg rect[fill]').first().waitFor({ state: 'attached' });
  await expectText(page.locator('.presenter .slide-lead'), 'Kecil');
  assert.match(await page.getByRole('link', { name: 'Buka di simulator →' }).getAttribute('href'), /^\/simulasi\?/);
  assert.deepEqual(consoleErrors(page), []);
});

test('the full-screen button asks for full screen', TIMEOUT, async () => {
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/presentasi/1');
  await page.getByRole('button', { name: 'Layar penuh' }).click();
  const entered = await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 3_000 })
    .then(() => true, () => false);
  if (entered) {
    await expectText(page.locator('.slide-controls'), 'Keluar layar penuh');
    await page.getByRole('button', { name: 'Keluar layar penuh' }).click();
    await page.waitForFunction(() => document.fullscreenElement === null);
  }
  assert.deepEqual(consoleErrors(page), []);
});

test('slides at 1280×720 and 375 px: screenshots, no sideways scroll, no serious axe violation', TIMEOUT, async () => {
  const page = await app.newPage(SCREEN);
  for (let n = 1; n <= TITLES.length; n++) {
    await gotoAndWait(page, `/presentasi/${n}`);
    await onSlide(page, n);
    await settle(page);
    await page.locator('.presenter .loading').waitFor({ state: 'detached' });
    // The controls stay on the 720 px screen.
    const controls = await page.locator('.slide-controls').boundingBox();
    assert.ok(controls.y + controls.height <= 720, `slide ${n}: controls end at ${controls.y + controls.height}`);
    const violations = await checkAxe(page);
    assert.equal(violations.length, 0, `slide ${n}:\n${formatViolations(violations)}`);
    await screenshot(page, `presentasi-${n}-1280x720`);
  }
  await page.getByRole('button', { name: 'English' }).click().catch(() => {});
  const phone = await app.newPage(MOBILE);
  for (const n of [1, 3]) {
    await gotoAndWait(phone, `/presentasi/${n}`);
    await onSlide(phone, n);
    await settle(phone);
    await phone.locator('.presenter .loading').waitFor({ state: 'detached' });
    const overflow = await phone.evaluate(() => {
      const p = document.querySelector('.presenter');
      return Math.max(document.documentElement.scrollWidth - window.innerWidth, p.scrollWidth - p.clientWidth);
    });
    assert.ok(overflow <= 0, `slide ${n}: horizontal scroll of ${overflow}px at 375 px`);
    const v = await checkAxe(phone);
    assert.equal(v.length, 0, `slide ${n} at 375 px:\n${formatViolations(v)}`);
    await screenshot(phone, `presentasi-${n}-375x740`);
  }
  assert.deepEqual(consoleErrors(page), []);
  assert.deepEqual(consoleErrors(phone), []);
});

test('presentation mode in English', TIMEOUT, async () => {
  const page = await app.newPage(SCREEN);
  await gotoAndWait(page, '/');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Presentation mode' }).click();
  await expectText(page.locator('.presenter h1'), 'The partnership program in figures');
  await expectText(page.locator('.slide-kicker'), 'Slide 1 of 5');
  await page.keyboard.press('End');
  await expectText(page.locator('.presenter h1'), "The President's path");
  await page.locator('.presenter .chart svg').waitFor({ state: 'attached' });
  await expectText(page.locator('.presenter .slide-lead'), 'by annual sales');
  await screenshot(page, 'presentasi-5-1280x720-en');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expectText(page.locator('.compare-table thead'), 'In the dataset');
  await screenshot(page, 'presentasi-2-1280x720-en');
  assert.deepEqual(consoleErrors(page), []);
});
