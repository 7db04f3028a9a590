// Lighthouse 12.2.3 against the release build (run `trunk build --release`
// first), served gzip-compressed on 127.0.0.1 by this script, in Debian's
// Chromium. Prints the four category scores; exits 1 if any is below 95.
//
//   node scripts/lighthouse.mjs [--mobile] [--json out.json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { serve, CHROMIUM_ARGS } from '../tests/browser/lib.mjs';

const mobile = process.argv.includes('--mobile');
const jsonAt = process.argv.indexOf('--json');
const server = await serve(undefined, { gzip: true });
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'racklet-lh-'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
  userDataDir: false,
});
let failed = false;
try {
  // Lighthouse's own presets: desktop, or its default (a throttled phone).
  const config = mobile ? undefined : desktopConfig;
  const result = await lighthouse(server.url + '/', {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  }, config);
  const lhr = result.lhr;
  console.log(`Lighthouse ${lhr.lighthouseVersion} (${mobile ? 'mobile' : 'desktop'}), ${lhr.finalDisplayedUrl}`);
  for (const [id, cat] of Object.entries(lhr.categories)) {
    const score = Math.round(cat.score * 100);
    if (score < 95) failed = true;
    console.log(`${cat.title.padEnd(16)} ${score}`);
    if (score < 100) {
      for (const ref of cat.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) console.log(`    ${audit.id}: ${audit.displayValue || audit.score}`);
      }
    }
  }
  const m = (id) => lhr.audits[id]?.displayValue;
  console.log(`FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}`);
  if (jsonAt > 0) fs.writeFileSync(process.argv[jsonAt + 1], JSON.stringify(lhr, null, 1));
} finally {
  await chrome.kill();
  await server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
