// Two builds side by side: the whole ten-year archive's first render after
// load (hydrated -> rendered) and the first filter click after it, in
// alternating page loads so that the machine's drift weighs on both alike.
// Each build gets its own copy of the synthetic archive, prerendered by the
// CLI of its own version. Prints medians; asserts nothing.
//
//   node benches/render-ab.mjs DIST_A DIST_B [--loads 20] [--cli-a BIN] [--cli-b BIN] [--touch] [--first SELECTOR] [--clicks N]
//
// `--first` is what the first click after load clicks (default
// `.person-chip`; `.topic-chip` for a hardware chip).
//
// `--clicks N` then times, on every load, N more of each click that
// `filter-click.mjs` times (its person and topic chips on and off, its
// keystroke), after two to warm up, and compares the builds by each load's
// medians: a click's median moves by a millisecond or more from one run of
// `filter-click.mjs` to the next, far more than most changes move it.
//
// `--touch` loads as a touch screen (no hover): links get preview buttons,
// and each build also prints the time from hydrated until every web link
// on the timeline has its button.
//
// DIST_x is a `trunk build --release` output; BIN is that version's
// `timeline` binary (default: this checkout's). To compare with an older
// commit: `git worktree add /tmp/old <commit>`, then in it
// `CARGO_TARGET_DIR=/tmp/old-target cargo build -p cli --bin timeline` and
// `trunk build --release --dist /tmp/old-dist`.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, synthSite, timelineBin } from '../tests/browser/lib.mjs';
import { timingHelpers, machineReference } from './timing.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const dists = process.argv.slice(2, 4);
if (dists.length < 2 || dists.some((d) => d.startsWith('--'))) {
  console.error('usage: node benches/render-ab.mjs DIST_A DIST_B [--loads 20] [--cli-a BIN] [--cli-b BIN] [--touch] [--first SELECTOR]');
  process.exit(2);
}
const loads = Number(arg('--loads', 20));
const touch = process.argv.includes('--touch');
const first = arg('--first', '.person-chip');
const clickRuns = Number(arg('--clicks', 0));
const clis = [arg('--cli-a', timelineBin()), arg('--cli-b', timelineBin())];
const { dir, site } = synthSite({ years: 10 });
const sites = dists.map((dist, k) => {
  const s = path.join(dir, `build-${k}`);
  fs.cpSync(dist, s, { recursive: true });
  fs.rmSync(path.join(s, 'notes'), { recursive: true, force: true });
  fs.cpSync(path.join(site, 'notes'), path.join(s, 'notes'), { recursive: true });
  execFileSync(clis[k], ['prerender', path.join(s, 'index.html'), '--notes', path.join(s, 'notes')], { stdio: 'ignore' });
  return s;
});
const servers = await Promise.all(sites.map((s) => serve(s)));
const browser = await launch();
await browser.context.addInitScript(timingHelpers);
if (touch) {
  await browser.context.addInitScript(() => {
    // From the hydrated mark, checked after every batch of DOM changes.
    const mark = Performance.prototype.mark;
    Performance.prototype.mark = function (name, ...rest) {
      const entry = mark.call(this, name, ...rest);
      if (name !== 'racklet:hydrated') return entry;
      const start = performance.now();
      const watch = new MutationObserver(() => {
        const links = document.querySelectorAll('.timeline a.ext.web').length;
        if (document.querySelectorAll('article[data-meeting-date]').length > 26
            && links > 0 && document.querySelectorAll('.timeline a.ext.web + button.peek').length === links) {
          window.__buttons = performance.now() - start;
          watch.disconnect();
        }
      });
      watch.observe(document.documentElement, { childList: true, subtree: true });
      return entry;
    };
  });
}
const renders = [[], []];
// From navigation to the whole archive on the page: a change that only
// moves work to before the hydrated mark shows here.
const totals = [[], []];
const clicks = [[], []];
const buttons = [[], []];
// Per kind of click, per build: each load's median.
const kinds = ['person on', 'person off', 'topic on', 'topic off', 'keystroke'];
const perLoad = Object.fromEntries(kinds.map((kind) => [kind, [[], []]]));
const middle = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
try {
  for (let i = 0; i < 2 * loads; i++) {
    // A B B A A B B A …: neither build always loads second.
    const k = [0, 1, 1, 0][i % 4];
    const page = await browser.context.newPage();
    if (touch) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      await cdp.send('Emulation.setEmitTouchEventsForMouse', { enabled: true, configuration: 'mobile' });
    }
    await page.goto(servers[k].url + '/?live=0');
    await page.waitForFunction(() => performance.getEntriesByName('racklet:archive-rendered').length > 0, null, { timeout: 60000 });
    const [render, total] = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0].startTime;
      return [at('racklet:archive-rendered') - at('racklet:hydrated'), at('racklet:archive-rendered')];
    });
    renders[k].push(render);
    totals[k].push(total);
    if (touch) {
      await page.waitForFunction(() => window.__buttons !== undefined, null, { timeout: 60000 });
      buttons[k].push(await page.evaluate(() => window.__buttons));
    }
    await page.waitForTimeout(500);
    clicks[k].push(await page.evaluate((s) => window.__click(s), first));
    if (clickRuns > 0) {
      await page.evaluate((s) => window.__click(s), first);
      await page.locator('details.topics > summary').click();
      const person = await page.$eval('.person-chip', (el) => el.dataset.person);
      const topic = await page.$eval('.topic-chip', (el) => el.dataset.topic);
      const samples = Object.fromEntries(kinds.map((kind) => [kind, []]));
      for (const [what, selector] of [['person', `.person-chip[data-person="${person}"]`], ['topic', `.topic-chip[data-topic="${topic}"]`]]) {
        for (let i = 0; i < clickRuns + 2; i++) {
          const on = await page.evaluate((s) => window.__click(s), selector);
          await page.evaluate(() => window.__check());
          const off = await page.evaluate((s) => window.__click(s), selector);
          if (i >= 2) { samples[`${what} on`].push(on); samples[`${what} off`].push(off); }
        }
      }
      for (let i = 0; i < clickRuns + 2; i++) {
        const key = await page.evaluate(() => window.__type('dram'));
        await page.evaluate(() => window.__check());
        await page.evaluate(() => window.__type('dra'));
        if (i >= 2) samples.keystroke.push(key);
      }
      for (const kind of kinds) perLoad[kind][k].push(middle(samples[kind]));
    }
    await page.close();
  }
  console.log(`machine reference (plain script building 36,000 DOM nodes): median ${(await machineReference(browser.context)).toFixed(1)} ms`);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
dists.forEach((d, k) => {
  console.log(`${d}: first render of the whole archive median ${median(renders[k])} ms (from navigation ${median(totals[k])} ms), first click after load (${first}) median ${median(clicks[k])} ms (${loads} loads)`);
  if (touch) console.log(`${d}: touch screen, hydrated -> every web link with its preview button: median ${median(buttons[k])} ms`);
});
// The machine drifts during a run: each pair of neighbouring loads (one of
// each build) gives a ratio, and their median compares the builds.
const pct = (r) => `${r >= 1 ? '+' : '−'}${Math.abs((r - 1) * 100).toFixed(1)} %`;
const compare = (xs, what) => {
  const ratios = xs[1].map((b, j) => b / xs[0][j]).sort((x, y) => x - y);
  console.log(`second build against the first, load by load, ${what}: median ${pct(ratios[ratios.length >> 1])} (middle half ${pct(ratios[Math.floor(ratios.length / 4)])} to ${pct(ratios[Math.floor((3 * ratios.length) / 4)])})`);
};
compare(renders, 'first render');
compare(totals, 'from navigation');
compare(clicks, `first click after load (${first})`);
if (clickRuns > 0) {
  dists.forEach((d, k) => {
    console.log(`${d}: clicks, the median of each load's median: ${kinds.map((kind) => `${kind} ${median(perLoad[kind][k])} ms`).join(', ')}`);
  });
  for (const kind of kinds) compare(perLoad[kind], kind);
}
