// The parse in the browser: how long the wasm takes to turn the archive's
// Markdown into the model (and its indexes), timed with performance.now()
// between the page's `racklet:fetched` and `racklet:parsed` marks. Runs
// against the release build (`trunk build --release` first) holding the
// five-year synthetic archive (~240 KB, the size of the real one), and the
// 2024 snapshot; and the time from navigation until the whole archive is
// parsed and on the page. Prints medians; asserts nothing.
//
//   node benches/parse-wasm.mjs [--runs 10]
import fs from 'node:fs';
import { serve, launch, synthSite, DIST } from '../tests/browser/lib.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const { dir, site, bytes, documents } = synthSite({ years: 5 });
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const [name, root] of [[`five-year synthetic archive (${documents} documents, ${(bytes / 1024).toFixed(0)} KB)`, site], ['2024 snapshot', DIST]]) {
    const server = await serve(root);
    const times = [];
    const ready = [];
    for (let i = 0; i < runs + 1; i++) {
      const page = await browser.context.newPage();
      await page.goto(server.url + '/?live=0');
      await page.waitForFunction(() => performance.getEntriesByName('racklet:archive-rendered').length > 0, null, { timeout: 60000 });
      const [ms, all] = await page.evaluate(() => {
        const at = (name) => performance.getEntriesByName(name)[0].startTime;
        return [at('racklet:parsed') - at('racklet:fetched'), at('racklet:archive-rendered')];
      });
      if (i > 0) { times.push(ms); ready.push(all); } // the first load compiles the wasm
      await page.close();
    }
    console.log(`${name}: parse in wasm, median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms over ${runs} loads`);
    console.log(`  navigation to hydrated, whole archive parsed and rendered: median ${median(ready).toFixed(0)} ms`);
    await server.close();
  }
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
