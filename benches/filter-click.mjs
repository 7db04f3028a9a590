// Filter-click latency on a synthetic ten-year archive (~250 meetings),
// in headless Chromium against the release build (run `trunk build
// --release` first). Prints medians; asserts nothing.
//
//   node benches/filter-click.mjs [--runs 30]
//
// Each sample is the time from a chip's click() to the moment the whole
// Yew render has been applied to the DOM and style/layout are computed
// (a MutationObserver fires after the render's microtask; reading
// offsetHeight then forces layout). Paint is not included.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, ROOT } from '../tests/browser/lib.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 30;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'racklet-bench-'));
const archive = path.join(dir, 'archive.md');
execFileSync('cargo', ['run', '-q', '-p', 'cli', '--bin', 'timeline', '--', 'synth', '--years', '10', '--out', archive], { cwd: ROOT });
const body = fs.readFileSync(archive);

const server = await serve(undefined, {
  routes: { '/archive.md': (req, res) => { res.writeHead(200, { 'content-type': 'text/markdown' }); res.end(body); } },
});
const browser = await launch();
try {
  const page = await browser.context.newPage();
  const t0 = Date.now();
  await page.goto(server.url + '/?src=/archive.md');
  await page.waitForFunction(() => /^2\d\d meetings/.test(document.querySelector('.count')?.textContent), null, { timeout: 60000 });
  const meetings = (await page.locator('.count').textContent()).split(' ')[0];
  const rendered = await page.locator('article[data-meeting-date]').count();
  console.log(`archive: ${(body.length / 1024).toFixed(0)} KB, ${meetings} meetings, loaded and rendered in ${Date.now() - t0} ms (${rendered} cards rendered, more on scrolling)`);

  await page.evaluate(() => {
    window.__click = (selector) => new Promise((resolve) => {
      const el = document.querySelector(selector);
      const mo = new MutationObserver(() => {
        mo.disconnect();
        void document.body.offsetHeight;
        resolve(performance.now() - start);
      });
      mo.observe(document.querySelector('.app'), { subtree: true, childList: true, attributes: true, characterData: true });
      const start = performance.now();
      el.click();
    });
  });
  const cases = [
    ['person chip on (orangecms)', 'person chip off (all meetings back)', '.person-chip[data-person="orangecms"]'],
    ['topic chip on (jh7110)', 'topic chip off (all meetings back)', '.topic-chip[data-topic="jh7110"]'],
  ];
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    return `median ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, min ${s[0].toFixed(1)} ms`;
  };
  for (const [on, off, selector] of cases) {
    const shown = [];
    const [tOn, tOff] = [[], []];
    for (let i = 0; i < runs + 3; i++) {
      const a = await page.evaluate((s) => window.__click(s), selector);
      shown.push(await page.locator('.count').textContent());
      const b = await page.evaluate((s) => window.__click(s), selector);
      if (i >= 3) { tOn.push(a); tOff.push(b); } // the first clicks warm up
    }
    console.log(`${on}: ${stats(tOn)} (${shown[0]})`);
    console.log(`${off}: ${stats(tOff)}`);
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
