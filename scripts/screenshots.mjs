// Screenshots for looking at the page, not for tests: the release build
// with a synthetic multi-year archive, at 1280 px and at 390 px, in the
// timeline, a filtered view, a person's page, a topic's story, dark mode
// and print. Run `trunk build --release` first.
//
//   node scripts/screenshots.mjs [--years 5] [--out DIR]   (default tests/browser/out/look)
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, synthSite, OUT } from '../tests/browser/lib.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const years = Number(arg('--years', 5));
const out = arg('--out', path.join(OUT, 'look'));
fs.mkdirSync(out, { recursive: true });

const { dir, site } = synthSite({ years });
const server = await serve(site);
const browser = await launch();
try {
  for (const [width, height, tag] of [[1280, 900, 'wide'], [390, 844, 'phone']]) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    const shot = async (name, full = false) => {
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(out, `${name}-${tag}.png`), fullPage: full });
    };
    await page.goto(server.url + '/?live=0');
    await page.waitForSelector('html[data-app="ready"]');
    await shot('timeline');
    // The first person and topic chips: the most involved, the most mentioned.
    const person = await page.$eval('.person-chip', (el) => el.dataset.person);
    const topic = await page.$eval('.topic-chip', (el) => el.dataset.topic);
    await page.goto(`${server.url}/?live=0&topic=${topic}`);
    await page.waitForSelector('html[data-app="ready"]');
    await page.evaluate(() => window.scrollTo(0, 900));
    await shot('filtered');
    await page.goto(`${server.url}/?live=0&view=person&person=${person}`);
    await page.waitForSelector('html[data-view="person"]');
    await shot('person');
    await page.goto(`${server.url}/?live=0&view=topic&topic=${topic}`);
    await page.waitForSelector('html[data-view="topic"]');
    await shot('topic');
    if (tag === 'wide') {
      await page.goto(`${server.url}/?live=0&theme=dark&q=dram`);
      await page.waitForSelector('html[data-app="ready"]');
      await page.hover('[data-ribbon] .mark.hit');
      await shot('dark-ribbon');
      await page.emulateMedia({ media: 'print' });
      await shot('print');
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
