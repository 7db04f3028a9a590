// The whole archive on the page people open: five documents fetched from a
// stand-in for raw.githubusercontent.com at build time, prerendered, read
// as one timeline in the browser, and freshened from upstream after the
// page opens; and documents given with ?src=.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, open, screenshotPath, afterNextPaint, axeViolations } from './lib.mjs';
import { startUpstream, archiveDist, fixture } from './upstream.mjs';

let upstream, dir, site, plain, browser;
// Action items, some given to someone ("twelho: …"), one not.
const TASKS = '# Notes 2023\n\n# March 14, 2023 5:00 PM CET\n\nParticipants: Lucas Käldström (@luxas), Dennis Marttinen (@twelho)\n\n'
  + '## Action items\n\n- [ ] luxas: write the blog post\n- [x] twelho: order the PDU\n- [ ] someone: fix CI\n';
// A year of `n` meetings, three a month from January.
const busy = (year, n) => `# Notes ${year}\n\n` + Array.from({ length: n }, (_, k) => {
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Math.floor(k / 3)];
  return `# ${month} ${1 + (k % 3) * 10}, ${year} 4:00 PM UTC\n\n- Worked on the rack\n\n`;
}).join('');
// 2021: 4 meetings, 2022: 3, 2023: 2, 2024: 15, 2025: 2.
const TOTAL = 26;
before(async () => {
  upstream = await startUpstream();
  dir = await archiveDist(upstream);
  site = await serve(dir);
  // The snapshot build, for ?src= documents served beside it.
  const doc = (name) => (req, res) => { res.writeHead(200, { 'content-type': 'text/markdown' }); res.end(fixture(name)); };
  const text = (body) => (req, res) => { res.writeHead(200, { 'content-type': 'text/markdown' }); res.end(body); };
  plain = await serve(undefined, {
    routes: {
      '/a.md': doc('2023.md'),
      '/b.md': doc('2021.md'),
      '/tasks.md': text(TASKS),
      '/joint.md': text(fs.readFileSync(new URL('../fixtures/drift/16-joint-recaps.md', import.meta.url), 'utf8')),
      '/hackmd.md': text(fs.readFileSync(new URL('../fixtures/drift/14-hackmd-front-matter-boxes-and-embeds.md', import.meta.url), 'utf8')),
      '/busy-2022.md': text(busy(2022, 30)),
      '/quiet-2023.md': text(busy(2023, 1)),
      '/busy-2024.md': text(busy(2024, 30)),
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await plain?.close();
  await upstream?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const count = (page) => page.locator('.count').textContent();
const reset = () => {
  upstream.state.docs['README.md'] = fixture('README.md');
  upstream.state.mode = 'ok';
  upstream.state.requests.length = 0;
};
/** Waits until the page asked upstream (or clearly will not), then a little. */
const settle = (page) => page.waitForTimeout(600);

test('the built page holds every year, named by its span, and lists each document with its source', async () => {
  reset();
  const manifest = JSON.parse(fs.readFileSync(`${dir}/notes/manifest.json`, 'utf8'));
  assert.deepEqual(manifest.files.map((f) => f.name), ['2021.md', '2022.md', '2023.md', '2024.md', 'README.md']);

  // Before any script: the newest year (and at least a dozen meetings) is already there.
  const noJs = await browser.context.browser().newContext({ javaScriptEnabled: false });
  const still = await noJs.newPage();
  await still.goto(site.url + '/');
  const prerendered = await still.$$eval('article[data-meeting-date]', (as) => as.map((a) => a.dataset.meetingDate));
  assert.ok(prerendered.length >= 12 && prerendered.includes('2025-01-14'), prerendered.join());
  assert.ok(!prerendered.includes('2021-10-26'), 'older years come with the app');
  await noJs.close();

  const page = await open(browser.context, site.url + '/');
  await page.waitForFunction((n) => document.querySelectorAll('article[data-meeting-date]').length === n, TOTAL);
  assert.equal(await page.locator('h1').textContent(), 'Racklet Community Meeting Notes · 2021–2025');
  assert.equal(await count(page), `${TOTAL} meetings`);
  assert.match(await page.locator('.intro').textContent(), /in 2025/, 'the intro is the newest document\'s');
  await page.locator('.sources summary').click();
  const docs = await page.$$eval('.doc-list li', (lis) => lis.map((li) => [
    li.querySelector('.doc-name').textContent, li.querySelector('a.doc-source')?.getAttribute('href'),
  ]));
  assert.deepEqual(docs.map(([name]) => name), ['2021', '2022', '2023', '2024', 'Current year']);
  assert.deepEqual(docs.map(([, href]) => href), ['2021.md', '2022.md', '2023.md', '2024.md', 'README.md'].map(upstream.url));
  // A handle renamed between years is one person: @vhirvonen (2021: 2 meetings,
  // 2022: 1) became @chiplet (2022: 1, 2023: 1, 2024: 2, 2025: 1).
  assert.equal(await page.locator('.person-chip[data-person="chiplet"] .n').textContent(), '8');
  assert.equal(await page.locator('.person-chip[data-person="vhirvonen"]').count(), 0);
  await page.screenshot({ path: screenshotPath('archive'), fullPage: false });
  assert.deepEqual(page.errors, []);
});

test('a reader who scrolled, focused a link and selected text before the app started keeps all three as the older years join', async () => {
  reset();
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The app waits until the reader has done all that on the prerendered page.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(site.url + '/?live=0');
  // The last prerendered card but one: a ribbon's height above it, enough below.
  const date = await page.$$eval('article[data-meeting-date]', (as) => as.at(-2).dataset.meetingDate);
  const place = () => page.evaluate((date) => {
    const card = document.querySelector(`article[data-meeting-date="${date}"]`);
    return {
      cards: document.querySelectorAll('article[data-meeting-date]').length,
      top: Math.round(card.getBoundingClientRect().top),
      focused: document.activeElement === window.__focused,
      selected: getSelection().toString(),
    };
  }, date);
  await page.evaluate((date) => {
    const card = document.querySelector(`article[data-meeting-date="${date}"]`);
    window.scrollTo(0, card.getBoundingClientRect().top + window.scrollY - 40);
    window.__focused = card.querySelector('a.ext, a.person');
    window.__focused.focus({ preventScroll: true });
    getSelection().selectAllChildren(card.querySelector('.meeting-body li'));
  }, date);
  const before = await place();
  assert.ok(before.cards < TOTAL && before.focused && before.selected.length > 5, JSON.stringify(before));
  assert.ok(before.top > 0 && before.top < 100, `card at ${before.top} px`);
  release();
  await page.waitForFunction(() => performance.getEntriesByName('racklet:archive-rendered').length > 0);
  // After the frame that shows the whole archive.
  await afterNextPaint(page);
  const after = await place();
  // Within a pixel: the card is where it was (subpixel positions round either way).
  assert.ok(Math.abs(after.top - before.top) <= 1, `card from ${before.top} px to ${after.top} px`);
  assert.deepEqual({ ...after, top: before.top }, { ...before, cards: TOTAL });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a shared filter on the archive finds meetings of every year', async () => {
  reset();
  const page = await open(browser.context, site.url + '/?topic=allwinner-d1');
  await page.waitForFunction(() => /of 26 meetings/.test(document.querySelector('.count')?.textContent));
  const dates = await page.$$eval('article[data-meeting-date]', (as) => as.map((a) => a.dataset.meetingDate));
  assert.deepEqual(dates, ['2021-12-07', '2021-11-23']);
});

test('the page is about as tall as its cards, though the browser skips the years off screen: whole, filtered, on a phone', async (t) => {
  // Sparse years (two to four meetings) and filters that leave a few cards:
  // a year stands in for its unpainted cards by how many it shows.
  reset();
  for (const width of [1280, 390]) {
    for (const query of ['', '?person=twelho', '?topic=allwinner-d1']) {
      const page = await open(browser.context, site.url + '/' + query, { viewport: { width, height: 800 } });
      await page.waitForFunction(() => /26 meetings/.test(document.querySelector('.count')?.textContent));
      const { estimated, real, cards } = await page.evaluate(() => {
        const estimated = document.documentElement.scrollHeight;
        // Every card laid out, as printing does.
        for (const el of document.querySelectorAll('.meeting-body, .month, .year')) el.style.setProperty('content-visibility', 'visible');
        const real = document.documentElement.scrollHeight;
        return { estimated, real, cards: document.querySelectorAll('article[data-meeting-date]').length };
      });
      const said = `${width} px ${query || 'unfiltered'} (${cards} cards): ${estimated} px estimated, ${real} px laid out`;
      t.diagnostic(said);
      assert.ok(estimated > real / 2 && estimated < real * 2, said);
      await page.close();
    }
  }
});

test('a meeting added upstream after the build appears, with a notice', async () => {
  reset();
  upstream.state.docs['README.md'] = fixture('README.md').replace(
    '# January 28, 2025 4:00 PM UTC',
    `# February 11, 2025 4:00 PM UTC

:::info
- **Location:** https://jitsi.hamburg.ccc.de/racklet-community
- **Host:** @orangecms
- **Participants:**
    - Daniel Maslowski, @orangecms
:::

## Biweekly Recap

### Daniel

- Brought up the Milk-V Jupiter with oreboot

# January 28, 2025 4:00 PM UTC`,
  );
  const page = await open(browser.context, site.url + '/');
  await page.locator('.notice.fresh').waitFor();
  // Named by the upstream's host here (raw.githubusercontent.com URLs are named
  // "racklet/meeting-notes"; see notes::archive::origin_label).
  assert.match(await page.locator('.notice.fresh').textContent(), new RegExp(`^1 newer meeting loaded from ${new URL(upstream.base).host}`));
  assert.equal(await count(page), `${TOTAL + 1} meetings`);
  assert.equal(await page.locator('article[data-meeting-date="2025-02-11"]').count(), 1);
  assert.equal(upstream.liveRequests().length, 1, 'asked once');
  await page.screenshot({ path: screenshotPath('archive-fresher') });
});

test('a current document started afresh for a new year keeps last year on the page until the next build', async () => {
  reset();
  // 2025's notes moved to 2025.md (which the next build finds); README.md begins 2026.
  upstream.state.docs['README.md'] = `# Racklet Community Meeting Notes 2026

# January 13, 2026 4:00 PM UTC

:::info
- **Host:** @twelho
- **Participants:**
    - Dennis Marttinen, @twelho
:::

- Planned the year's rack work
`;
  const page = await open(browser.context, site.url + '/');
  await page.locator('.notice.fresh').waitFor();
  assert.match(await page.locator('.notice.fresh').textContent(), /^1 newer meeting loaded from /);
  // "… from 127.0.0.1:4000 Dismiss", not "…4000Dismiss".
  const gap = await page.evaluate(() => {
    const notice = document.querySelector('.notice.fresh');
    const words = document.createRange();
    words.selectNodeContents([...notice.childNodes].find((n) => n.nodeType === Node.TEXT_NODE));
    return notice.querySelector('button').getBoundingClientRect().left - words.getBoundingClientRect().right;
  });
  assert.ok(gap >= 4, `${gap} px between the notice and its button`);
  assert.equal(await count(page), `${TOTAL + 1} meetings`);
  for (const date of ['2026-01-13', '2025-01-28', '2025-01-14']) {
    assert.equal(await page.locator(`article[data-meeting-date="${date}"]`).count(), 1, date);
  }
  assert.equal(await page.locator('h1').textContent(), 'Racklet Community Meeting Notes · 2021–2026');
  // The built copy, named by the year it holds, as the other years are; the fresh one is the current year.
  await page.locator('.sources summary').click();
  const names = await page.$$eval('.doc-list li .doc-name', (els) => els.map((el) => el.textContent));
  assert.deepEqual(names, ['2021', '2022', '2023', '2024', '2025', 'Current year']);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an unchanged upstream (304 Not Modified) and a failing one leave the page silent', async () => {
  reset();
  const context = (await launch()).context;
  try {
    const first = await open(context, site.url + '/');
    await settle(first);
    const second = await open(context, site.url + '/');
    await settle(second);
    const [, etag] = upstream.liveRequests().at(-1);
    assert.ok(etag, 'the second visit asks conditionally (If-None-Match)');
    for (const page of [first, second]) {
      assert.equal(await page.locator('.notice').count(), 0);
      assert.equal(await count(page), `${TOTAL} meetings`);
    }
  } finally {
    await context.close();
  }
  for (const mode of ['offline', 429, 503]) {
    reset();
    upstream.state.mode = mode;
    const page = await open(browser.context, site.url + '/');
    await settle(page);
    assert.equal(await page.locator('.notice, .load-errors').count(), 0, `silent when upstream is ${mode}`);
    assert.equal(await count(page), `${TOTAL} meetings`);
  }
});

test('?live=0 does not ask upstream at all', async () => {
  reset();
  const page = await open(browser.context, site.url + '/?live=0');
  await settle(page);
  assert.equal(upstream.liveRequests().length, 0);
});

test('?src= documents: a topic only in the second is found once both are in', async () => {
  const page = await open(browser.context, plain.url + '/?src=/a.md&src=/b.md&topic=allwinner-d1');
  await page.waitForFunction(() => /of 6 meetings/.test(document.querySelector('.count')?.textContent));
  const dates = await page.$$eval('article[data-meeting-date]', (as) => as.map((a) => a.dataset.meetingDate));
  assert.deepEqual(dates, ['2021-12-07', '2021-11-23']);
  assert.equal(await page.locator('.notice[role="alert"]').count(), 0, 'the topic is not reported unknown');
  assert.equal(await page.locator('h1').textContent(), 'Racklet Community Meeting Notes · 2021–2023');
  const missing = await open(browser.context, plain.url + '/?src=/a.md&src=/b.md&topic=nonexistent-board');
  await missing.waitForFunction(() => /6 meetings/.test(document.querySelector('.count')?.textContent));
  assert.match(await missing.locator('.notice[role="alert"]').textContent(), /topic "nonexistent-board"/);
});

test('a bullet after someone\'s part that names no one is not shown as theirs', async () => {
  const page = await open(browser.context, plain.url + '/?src=/tasks.md');
  await page.waitForFunction(() => /1 meeting/.test(document.querySelector('.count')?.textContent));
  const parts = await page.$$eval('.recap', (rs) => rs.map((r) => [r.dataset.person, r.textContent]));
  assert.deepEqual(parts.map(([p]) => p), ['luxas', 'twelho']);
  assert.match(parts[1][1], /order the PDU/);
  assert.doesNotMatch(parts[1][1], /fix CI/);
  // What the eye goes by: a part hangs from its name by a line; the bullet
  // after it does not, and starts further left.
  const look = await page.evaluate(() => {
    const item = (text) => [...document.querySelectorAll('li')].find((li) => li.textContent.includes(text));
    const [theirs, loose] = [item('order the PDU'), item('fix CI')];
    return {
      line: parseFloat(getComputedStyle(theirs.parentElement).borderLeftWidth),
      looseLine: parseFloat(getComputedStyle(loose.parentElement).borderLeftWidth),
      indent: theirs.getBoundingClientRect().left - loose.getBoundingClientRect().left,
    };
  });
  assert.ok(look.line >= 1 && look.looseLine === 0, JSON.stringify(look));
  assert.ok(look.indent >= 8, JSON.stringify(look));
});

test('a joint recap names everyone it is by, and a filter by any of them shows it', async () => {
  const page = await open(browser.context, plain.url + '/?src=/joint.md');
  await page.waitForFunction(() => /2 meetings/.test(document.querySelector('.count')?.textContent));
  const card = page.locator('article[data-meeting-date="2022-03-08"]');
  const heads = await card.locator('.recap-head').evaluateAll((hs) => hs.map((h) => [h.textContent, [...h.querySelectorAll('a.person-link')].map((a) => a.getAttribute('href'))]));
  assert.deepEqual(heads, [
    ['Dennis Marttinen & Lucas Käldström', ['?view=person&person=twelho', '?view=person&person=luxas']],
    // Joined as the heading joins them.
    ['Daniel Maslowski, Dennis Marttinen', ['?view=person&person=orangecms', '?view=person&person=twelho']],
    ['Lucas Käldström', ['?view=person&person=luxas']],
  ]);
  assert.equal(await card.locator('.recap[data-person~="luxas"]').count(), 2);
  // Lucas's chip: the joint recap's bullets stay, Daniel's with Dennis go.
  await page.locator('.person-chip[data-person="luxas"]').click();
  await page.waitForFunction(() => /2 of 2 meetings/.test(document.querySelector('.count')?.textContent));
  const visible = await card.locator('.section li').evaluateAll((lis) => lis.filter((li) => li.checkVisibility()).map((li) => li.textContent));
  assert.deepEqual(visible, ['Soldered the RP2040 carrier', 'Tried the JH7110 image', 'Wrote the docs']);
  assert.match(await page.locator('article[data-meeting-date="2022-03-22"]').textContent(), /racked the JH7110 board/);
  // A remark after the names stays with them.
  assert.equal(await page.locator('article[data-meeting-date="2022-03-22"] .recap[data-person="luxas orangecms"] .recap-head').textContent(), 'Lucas Käldström + Daniel Maslowski (pairing)');
});

test('HackMD\'s own syntax reads as in HackMD: boxes, a folded spoiler a search opens, highlights, embeds as links, no front matter', async () => {
  const page = await open(browser.context, plain.url + '/?src=/hackmd.md');
  await page.waitForFunction(() => /2 meetings/.test(document.querySelector('.count')?.textContent));
  const body = await page.locator('body').textContent();
  assert.doesNotMatch(body, /tags: racklet, community|breaks: false|:::|\{%|==/);
  assert.doesNotMatch(await page.locator('article[id="2022-04-19"]').textContent(), /tags/, 'the document\'s tags are not the last meeting\'s');
  assert.match(await page.locator('h1').textContent(), /^Racklet community meeting notes · 2022$/);
  assert.match(await page.locator('.callout.warning[role="note"]').first().textContent(), /add yourself to the participants/);
  const card = page.locator('article[data-meeting-date="2022-04-05"]');
  assert.match(await card.locator('.recap[data-person="twelho"] .callout.success').textContent(), /all four fans/);
  assert.match(await card.locator('.callout.danger').textContent(), /browned out/);
  assert.equal(await card.locator('mark.note-mark').textContent(), 'second backplane revision');
  // A recap written as lines shows as lines, as in HackMD.
  const lines = await card.locator('.recap[data-person="luxas"] p').evaluate((p) => {
    const r = document.createRange();
    return [...p.childNodes].filter((n) => n.nodeType === 3).map((n) => { r.selectNodeContents(n); return [n.data.trim(), Math.round(r.getBoundingClientRect().top)]; });
  });
  assert.equal(lines.length, 2, JSON.stringify(lines));
  assert.equal(lines[0][0], 'Wrote the blog post about the BMC');
  assert.ok(lines[1][1] > lines[0][1], JSON.stringify(lines));
  assert.equal(await card.locator('a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').textContent(), 'YouTube video');
  // Boxes are tinted apart from the card, each kind its own colour.
  const tints = await card.locator('.callout:not(.spoiler)').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
  const cardBg = await card.evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(new Set([...tints, cardBg]).size, tints.length + 1, JSON.stringify({ tints, cardBg }));
  // The spoiler is folded under its summary, its text on the page.
  const spoiler = card.locator('details.spoiler');
  assert.equal(await spoiler.locator('summary').textContent(), 'Boot log of the D1');
  assert.equal(await spoiler.evaluate((d) => d.open), false);
  assert.match(await spoiler.textContent(), /DRAM: 1024 MiB/);
  assert.equal(await spoiler.locator('pre').isVisible(), false);
  // A search that matches inside it opens it, and the match shows.
  await page.fill('#search', 'dram');
  await page.waitForFunction(() => document.querySelector('details.spoiler')?.open);
  assert.equal(await spoiler.locator('pre').isVisible(), true);
  assert.equal(await card.locator('.callout.danger').isVisible(), false, 'a box with no match is hidden like any bullet');
  // A box saying there is no meeting makes the meeting a skipped one.
  assert.equal(await page.locator('article[id="2022-04-19"]').getAttribute('data-status'), 'skipped');
  await page.fill('#search', '');
  await page.waitForFunction(() => /^2 meetings/.test(document.querySelector('.count')?.textContent));
  await page.screenshot({ path: screenshotPath('hackmd-syntax'), fullPage: true });
  // Boxes, the spoiler and the highlight read well in both themes.
  assert.deepEqual(await axeViolations(page), []);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await axeViolations(page), []);
});

test('a deep link to a meeting that only a loaded document has scrolls to it', async () => {
  const page = await open(browser.context, plain.url + '/?src=/a.md&src=/b.md#2021-11-23');
  const target = page.locator('article[id="2021-11-23"]');
  await target.waitFor();
  await page.waitForFunction(() => {
    const r = document.getElementById('2021-11-23').getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight / 2;
  });
});

test('nothing is lost when one source fails', async () => {
  const page = await open(browser.context, plain.url + '/?src=/a.md&src=/missing.md&src=/b.md');
  await page.locator('.load-errors').waitFor();
  assert.match(await page.locator('.load-errors').textContent(), /missing\.md answered HTTP 404/);
  assert.equal(await count(page), '6 meetings');
  const years = await page.$$eval('article[data-meeting-date]', (as) => [...new Set(as.map((a) => a.dataset.meetingDate.slice(0, 4)))]);
  assert.deepEqual(years, ['2023', '2021']);
});

// The page was prerendered from the notes of its build. When what loads is
// not that (a document failed, or the page came from a cache older than the
// notes), the app cannot take the page over as it stands: it draws the page
// again from what loaded, every meeting of it there and answering.
test('a page whose notes do not load as it was built from is drawn again from the notes that did', async () => {
  const inDom = (page) => page.locator('article[data-meeting-date]').count();
  const fail = (req, res) => { res.writeHead(503); res.end('unavailable'); };
  const broken = await serve(dir, { routes: { '/notes/2022.md': fail } });
  try {
    const page = await open(browser.context, broken.url + '/?live=0');
    await page.locator('.load-errors').waitFor();
    // It names the document, and says what the page shows: nothing had
    // been shown of 2022, so it does not speak of keeping it.
    assert.match(await page.locator('.load-errors').textContent(), /2022\.md.*The timeline shows the notes that did load\./);
    // 2022 had 3 meetings.
    await page.waitForFunction((n) => document.querySelectorAll('article[data-meeting-date]').length === n, TOTAL - 3);
    assert.equal(await count(page), `${TOTAL - 3} meetings`);
    await page.locator('.person-chip[data-person="chiplet"]').click();
    await page.waitForFunction(() => /^\d+ of \d+ meetings$/.test(document.querySelector('.count')?.textContent));
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    await broken.close();
  }

  // A newer deploy's notes (one more meeting in 2023) under the page of the one before.
  const manifest = JSON.parse(fs.readFileSync(`${dir}/notes/manifest.json`, 'utf8'));
  const newer = fs.readFileSync(`${dir}/notes/2023.md`, 'utf8').replace(
    '# December 12, 2023 4:00 PM UTC',
    '# December 19, 2023 4:00 PM UTC\n\n## Discussion Topics\n\n- A meeting the page was not built with\n\n# December 12, 2023 4:00 PM UTC',
  );
  manifest.fetched = '2099-01-01T00:00:00Z';
  manifest.files.find((f) => f.name === '2023.md').bytes = Buffer.byteLength(newer);
  const json = (body, type) => (req, res) => { res.writeHead(200, { 'content-type': type }); res.end(body); };
  const later = await serve(dir, {
    routes: {
      '/notes/manifest.json': json(JSON.stringify(manifest), 'application/json'),
      '/notes/2023.md': json(newer, 'text/markdown'),
    },
  });
  try {
    const page = await open(browser.context, later.url + '/?live=0');
    await page.waitForFunction((n) => document.querySelectorAll('article[data-meeting-date]').length === n, TOTAL + 1);
    assert.equal(await count(page), `${TOTAL + 1} meetings`);
    assert.equal(await page.locator('article[data-meeting-date="2023-12-19"]').count(), 1);
    assert.equal(await inDom(page), TOTAL + 1);
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    await later.close();
  }
});

test('a year of one meeting between busy years keeps its tick on the ribbon, and no year label runs into the next', async () => {
  const page = await open(browser.context, plain.url + '/?src=/busy-2022.md&src=/quiet-2023.md&src=/busy-2024.md');
  await page.waitForFunction(() => document.querySelector('.count')?.textContent === '61 meetings');
  const ticks = await page.$$eval('[data-ribbon] .mark.y', (ms) => ms.map((m) => [m.dataset.meetingDate, m.dataset.year ?? null, m.getBoundingClientRect().left]));
  assert.deepEqual(ticks.map(([date, year]) => [date, year]), [['2022-01-01', '2022'], ['2023-01-01', null], ['2024-01-01', '2024']]);
  // The labels shown stand apart by more than a label's width.
  const labelled = ticks.filter(([, year]) => year);
  const width = await page.$eval('[data-ribbon] .mark.y[data-year]', (m) => parseFloat(getComputedStyle(m, '::before').width));
  for (let k = 1; k < labelled.length; k++) assert.ok(labelled[k][2] - labelled[k - 1][2] > width, `${labelled[k][1]} overlaps`);
  assert.deepEqual(page.errors, []);
});
