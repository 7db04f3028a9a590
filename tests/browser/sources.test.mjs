// Loading notes from URLs, files, drag and drop and paste; every failure
// names its cause and keeps the timeline that was shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, screenshotPath, allDates, afterNextPaint } from './lib.mjs';

const doc = (year, extra = '') => `# Racklet Community Meeting Notes ${year}

# December ${year === 2023 ? 12 : 13}, ${year} 4:00 PM UTC

:::info
- **Host:** @twelho
- **Participants:**
    - Dennis Marttinen, @twelho
    - Marvin Drees
:::

## Biweekly Recap

### Marvin

- Notes from ${year}${extra}
`;

const text = (body, type = 'text/markdown; charset=utf-8') => (req, res) => {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
};

let server, other, browser;
before(async () => {
  server = await serve(undefined, {
    routes: {
      '/notes/2023.md': text(doc(2023)),
      '/notes/2022.md': text(doc(2022)),
      '/notes/image.png': text(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'image/png'),
      '/notes/huge.md': text('# x\n' + 'a'.repeat(6 * 1024 * 1024)),
      '/notes/readme.md': text('# A README\n\nNot meeting notes at all.\n'),
      '/notes/undated.md': text('# Racklet community notes\n\n# March 5 6:00 PM CET\n\n- Soldered the backplane\n'),
      '/notes/slow.md': (req, res) => setTimeout(() => text(doc(2021))(req, res), 400),
      // A year's file whose headings leave the year out: its name gives it.
      '/old/2019.md': text('# Racklet community notes\n\n# March 5 6:00 PM CET\n\n- Soldered the backplane\n'),
    },
  });
  // A second origin that sends no CORS headers: the browser must refuse it.
  other = await serve(undefined, { routes: { '/x.md': text(doc(2020)) } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await other?.close(); });

const dates = (page) => allDates(page);
const waitCount = (page, n) => page.waitForFunction((n) => document.querySelector('.count')?.textContent === `${n} meeting${n === 1 ? '' : 's'}`, n);

test('two ?src= documents load and merge into one timeline, each meeting knowing its document', async () => {
  const page = await open(browser.context, server.url + '/?src=/notes/2023.md&src=notes/2022.md');
  await waitCount(page, 2);
  assert.deepEqual(await dates(page), ['2023-12-12', '2022-12-13']);
  const sources = await page.$$eval('article[data-meeting-date]', (els) => els.map((e) => e.dataset.source));
  assert.deepEqual(sources, [server.url + '/notes/2023.md', server.url + '/notes/2022.md']);
  assert.equal(await page.locator('.badge.source').first().textContent(), '2023.md');
  // Marvin is one person across both documents.
  assert.equal(await page.locator('.person-chip').count(), 2);
});

test('a document whose dates leave the year out loads, dated by its file name', async () => {
  const page = await open(browser.context, server.url + '/?src=/old/2019.md');
  await waitCount(page, 1);
  assert.deepEqual(await dates(page), ['2019-03-05']);
  assert.equal(await page.locator('.load-errors').count(), 0);
});

test('?src=builtin keeps the built-in notes beside another document', async () => {
  const page = await open(browser.context, server.url + '/?src=builtin&src=/notes/2023.md');
  await waitCount(page, 16);
});

test('a progress indicator shows while loading', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url + '/?src=/notes/slow.md');
  await page.locator('.loading progress').waitFor();
  assert.match(await page.locator('.loading').textContent(), /Loading notes… 0 of 1/);
  await waitCount(page, 1);
  assert.equal(await page.locator('.loading').count(), 0);
});

test('each failure names its cause and the timeline shown before stays', async () => {
  const cases = [
    ['/notes/missing.md', /HTTP 404/],
    ['/notes/image.png', /not text \(the server says image\/png\)/],
    ['/notes/huge.md', /larger than the 5 MB limit/],
    ['/notes/readme.md', /does not look like meeting notes/],
    // Dated headings without a year: which, and where the year would go.
    ['/notes/undated.md', /meeting headings without a year \("March 5 6:00 PM CET"\): write the year in them, in the title/],
    [other.url + '/x.md', /CORS/],
  ];
  for (const [src, cause] of cases) {
    const page = await open(browser.context, server.url + '/?src=' + encodeURIComponent(src));
    await page.locator('.load-errors').waitFor();
    assert.match(await page.locator('.load-errors').textContent(), cause, src);
    assert.equal((await dates(page)).length, 15, 'the built-in timeline is kept');
    await page.close();
  }
});

test('a failing source among several does not hide the others', async () => {
  const page = await open(browser.context, server.url + '/?src=/notes/2023.md&src=/notes/missing.md');
  await waitCount(page, 1);
  assert.deepEqual(await dates(page), ['2023-12-12']);
  assert.match(await page.locator('.load-errors').textContent(), /missing\.md answered HTTP 404/);
  await page.screenshot({ path: screenshotPath('sources-error') });
});

test('switching back to the whole archive is one click', async () => {
  const page = await open(browser.context, server.url + '/?src=/notes/2023.md');
  await waitCount(page, 1);
  await page.getByRole('button', { name: 'Show the whole archive' }).click();
  await waitCount(page, 15);
  await afterNextPaint(page);
  assert.equal(new URL(page.url()).searchParams.get('src'), null);
});

test('the file picker adds a document to the timeline', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-'));
  const file = path.join(dir, 'racklet-2023.md');
  fs.writeFileSync(file, doc(2023));
  const page = await open(browser.context, server.url + '/');
  await page.locator('#src-file').setInputFiles(file);
  await waitCount(page, 16);
  assert.ok((await dates(page)).includes('2023-12-12'));
  assert.match(await page.locator('.doc-list').textContent(), /racklet-2023\.md/);
});

test('dropping a .md file on the page adds it', async () => {
  const page = await open(browser.context, server.url + '/');
  await page.evaluate((md) => {
    const dt = new DataTransfer();
    dt.items.add(new File([md], 'dropped-2022.md', { type: 'text/markdown' }));
    const target = document.querySelector('.app');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, doc(2022));
  await waitCount(page, 16);
  assert.ok((await dates(page)).includes('2022-12-13'));
});

test('pasting Markdown loads it, and pasting something else says why not', async () => {
  const page = await open(browser.context, server.url + '/');
  await page.locator('.sources summary').click();
  await page.locator('#src-paste').fill(doc(2021));
  await page.getByRole('button', { name: 'Load pasted notes' }).click();
  await waitCount(page, 16);
  await page.locator('#src-paste').fill('just some words');
  await page.getByRole('button', { name: 'Load pasted notes' }).click();
  assert.match(await page.locator('.load-errors').textContent(), /does not look like meeting notes/);
  // Pasting notes onto the page (not into a field) loads them too.
  await page.evaluate((md) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', md);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, doc(2020));
  await waitCount(page, 17);
});
