// Filter latency and the first render of a whole archive, in headless
// Chromium against the release build (run `trunk build --release` first).
// The archive is the ten-year synthetic one (`timeline synth --years 10
// --split`), fetched and prerendered into a copy of the build as the Pages
// workflow does with the real one. Prints medians; asserts nothing.
//
//   node benches/filter-click.mjs [--runs 30] [--loads 15]
//
// A click's sample is the time from the input event to the moment the whole
// Yew render has been applied to the DOM and style and layout are computed
// (a MutationObserver fires after the render's microtask; reading
// offsetHeight then forces style and layout). Paint is not included. Every
// sample also checks that every matching meeting is in the DOM. Chip clicks
// also print the two parts: the app's script, then style and layout, and,
// in a second pass, the time to the next frame painted (`__paint`). The
// machine reference (timing.mjs) says how fast the machine was meanwhile.
import fs from 'node:fs';
import { serve, launch, synthSite } from '../tests/browser/lib.mjs';
import { timingHelpers, machineReference } from './timing.mjs';

const arg = (name, fallback) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const runs = arg('--runs', 30);
// Page loads for the first render: it varies by a tenth or more from load to load,
// so more loads give a steadier median.
const loadCount = arg('--loads', 15);
const { dir, site, bytes, documents } = synthSite({ years: 10 });
const server = await serve(site);
const browser = await launch();
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, min ${s[0].toFixed(1)} ms`;
};
try {
  await browser.context.addInitScript(timingHelpers);
  // First render of the whole archive after load, `loadCount` loads; on all but
  // the last, the first click after half a second on the page (a person
  // chip, timed by `__click`): the only click that may find cards not read yet.
  const loads = [];
  const firstClicks = [];
  for (let i = 0; i < loadCount; i++) {
    const page = await browser.context.newPage();
    await page.goto(server.url + '/?live=0');
    await page.waitForFunction(() => performance.getEntriesByName('racklet:archive-rendered').length > 0, null, { timeout: 60000 });
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    loads.push(marks);
    if (i === loadCount - 1) break;
    await page.waitForTimeout(500);
    firstClicks.push(await page.evaluate(() => window.__click('.person-chip')));
    await page.close();
  }
  const span = (a, b) => loads.map((m) => m[b] - m[a]);
  const page = browser.context.pages().at(-1);
  const total = await page.locator('article[data-meeting-date]').count();
  console.log(`machine reference (plain script building 36,000 DOM nodes): median ${(await machineReference(browser.context)).toFixed(1)} ms`);
  console.log(`archive: ${documents} documents, ${(bytes / 1024).toFixed(0)} KB, ${total} meetings, all in the DOM`);
  console.log(`navigation to parsed: ${stats(loads.map((m) => m['racklet:parsed']))}`);
  console.log(`navigation to hydrated, archive rendered: ${stats(loads.map((m) => m['racklet:archive-rendered']))}`);
  console.log(`first render of the whole archive after load (hydrated -> rendered): ${stats(span('racklet:hydrated', 'racklet:archive-rendered'))}`);
  console.log(`first click after load (a person chip, 0.5 s after the archive rendered): ${stats(firstClicks)}`);

  await page.locator('details.topics > summary').click();
  const person = await page.$eval('.person-chip', (el) => el.dataset.person);
  const topic = await page.$eval('.topic-chip', (el) => el.dataset.topic);
  const cases = [
    [`person chip (${person})`, `.person-chip[data-person="${person}"]`],
    [`topic chip (${topic})`, `.topic-chip[data-topic="${topic}"]`],
  ];
  for (const [name, selector] of cases) {
    const [on, off] = [[], []];
    let shown;
    for (let i = 0; i < runs + 3; i++) {
      const a = await page.evaluate((s) => window.__click(s), selector);
      shown = await page.evaluate(() => window.__check());
      const b = await page.evaluate((s) => window.__click(s), selector);
      await page.evaluate(() => window.__check());
      if (i >= 3) { on.push(a); off.push(b); } // the first clicks warm up
    }
    const split = (await page.evaluate(() => window.__split.splice(0))).slice(6);
    const part = (xs) => `script ${stats(xs.map((x) => x[0]))}; style and layout ${stats(xs.map((x) => x[1]))}`;
    console.log(`${name} on: ${stats(on)} (${shown})\n    ${part(split.filter((_, i) => i % 2 === 0))}`);
    console.log(`${name} off: ${stats(off)}\n    ${part(split.filter((_, i) => i % 2 === 1))}`);
  }
  for (const [name, selector] of cases) {
    const [on, off] = [[], []];
    for (let i = 0; i < runs + 3; i++) {
      const a = await page.evaluate((s) => window.__paint(s), selector);
      await page.waitForTimeout(50);
      const b = await page.evaluate((s) => window.__paint(s), selector);
      await page.waitForTimeout(50);
      if (i >= 3) { on.push(a); off.push(b); }
    }
    console.log(`${name}, input to next paint: on ${stats(on)}; off ${stats(off)}`);
  }
  const keys = [];
  for (let i = 0; i < runs + 3; i++) {
    // One keystroke onto a word, then clearing it again.
    const a = await page.evaluate(() => window.__type('dram'));
    await page.evaluate(() => window.__check());
    await page.evaluate(() => window.__type('dra'));
    if (i >= 3) keys.push(a);
  }
  await page.evaluate(() => window.__type(''));
  console.log(`search keystroke ("dra" -> "dram"): ${stats(keys)}`);
  await page.evaluate(() => window.__split.splice(0));
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
