// Filtering by person, topic and text; the URL as the filter's home.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshotPath, allDates, highlighted } from './lib.mjs';

// Every kind of block a unit can be, nested as note-takers nest them.
const BLOCKS = `# May 2, 2023 4:00 PM UTC

## Biweekly Recap

### Mira

1. first ordered item about the lynx

   a second paragraph about the zebra

   \`\`\`
   code in the item about the ibis
   \`\`\`
2. second item about the heron
   > a quote about the crane
   > - a quoted bullet about the quokka

| board | state |
|---|---|
| Star64 | boots, says the walrus |

<div>a raw block about the marmot</div>

- [x] a done task about the narwhal
- [ ] an open task about the tapir
    - under the task, the axolotl

## Discussion Topics

A paragraph about the okapi.
`;

let server, browser;
before(async () => {
  server = await serve(undefined, {
    routes: { '/blocks.md': (req, res) => { res.writeHead(200, { 'content-type': 'text/markdown' }); res.end(BLOCKS); } },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const dates = (page) => allDates(page);
const count = (page) => page.locator('.count').textContent();

test('?person= shows that person\'s meetings and only their recaps', async () => {
  const page = await open(browser.context, server.url + '/?person=chiplet');
  assert.deepEqual(await dates(page), ['2024-04-02', '2024-01-09']);
  assert.equal(await count(page), '2 of 15 meetings');
  // Every recap stays on the page; only theirs is shown.
  const recaps = await page.$$eval('[data-person]:not(.chip)', (els) => [...new Set(els.filter((e) => !e.closest('[hidden]')).map((e) => e.dataset.person))]);
  assert.deepEqual(recaps, ['chiplet']);
  assert.equal(await page.locator('.person-chip[data-person="chiplet"]').getAttribute('aria-pressed'), 'true');
});

test('?topic= shows the bullets that mention it, highlighted, with parents as context', async () => {
  const page = await open(browser.context, server.url + '/?topic=rp2040');
  assert.deepEqual(await dates(page), ['2024-08-20']);
  const marks = await highlighted(page, 'racklet-topic');
  assert.ok(marks.length >= 1 && marks.every((m) => m === 'RP2040'), marks.join(','));
  const context = await page.locator('li.context').first().textContent();
  assert.match(context, /^Raspberry Pi Pico 2 with RP2350 released/);
  assert.equal(await page.locator('text=New SATA cables').isVisible(), false, 'unrelated bullets are hidden');
  await page.screenshot({ path: screenshotPath('filter-topic'), fullPage: true });
});

test('?q= searches ignoring case and highlights the words', async () => {
  const page = await open(browser.context, server.url + '/?q=dram%20TRAINING');
  assert.deepEqual(await dates(page), ['2024-08-20', '2024-08-06']);
  const marks = (await highlighted(page, 'racklet-search')).map((m) => m.toLowerCase());
  assert.ok(marks.includes('dram') && marks.includes('training'), marks.join(','));
  assert.equal(await page.inputValue('#search'), 'dram TRAINING');
});

test('facets combine: a person AND a topic, several topics OR', async () => {
  const page = await open(browser.context, server.url + '/?person=orangecms&topic=jh7110&q=kexec');
  assert.deepEqual(await dates(page), ['2024-08-06', '2024-05-28']);
  const two = await open(browser.context, server.url + '/?topic=rp2350&topic=th1520');
  assert.deepEqual(await dates(two), ['2024-08-20', '2024-02-06', '2024-01-23']);
});

test('an unknown name in the link is reported, not silently dropped', async () => {
  const page = await open(browser.context, server.url + '/?topic=z80');
  assert.match(await page.locator('.notice').textContent(), /topic "z80"/);
  assert.equal((await dates(page)).length, 15);
});

test('Back and Forward step through filter changes', async () => {
  const page = await open(browser.context, server.url + '/');
  await page.locator('.person-chip[data-person="orangecms"]').click();
  await page.waitForURL(/person=orangecms/);
  assert.equal((await dates(page)).length, 10);
  await page.locator('details.topics > summary').click();
  await page.locator('.topic-chip[data-topic="jh7110"]').click();
  await page.waitForURL(/person=orangecms&topic=jh7110/);
  assert.equal((await dates(page)).length, 6);
  await page.goBack();
  await page.waitForURL((u) => !u.search.includes('topic='));
  assert.equal((await dates(page)).length, 10);
  await page.goBack();
  await page.waitForURL((u) => u.search === '');
  assert.equal((await dates(page)).length, 15);
  await page.goForward();
  await page.waitForURL(/person=orangecms/);
  assert.equal((await dates(page)).length, 10);
  assert.equal(await page.locator('.person-chip[data-person="orangecms"]').getAttribute('aria-pressed'), 'true');
});

test('keyboard: / focuses search, Esc clears it, chips toggle with Enter and show a focus ring', async () => {
  const page = await open(browser.context, server.url + '/');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.keyboard.type('kexec');
  await page.waitForURL(/q=kexec/);
  assert.equal((await dates(page)).length, 2);
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#search'), '');
  assert.equal((await dates(page)).length, 15);
  // Tab from the search box reaches the first person chip.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.className);
  assert.match(focused, /person-chip/);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid', 'a visible focus ring');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
  await page.keyboard.press(' ');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'false');
});

test('no result says so and clears in one click', async () => {
  const page = await open(browser.context, server.url + '/?q=zzzzzz');
  assert.equal((await dates(page)).length, 0);
  assert.match(await page.locator('.empty').textContent(), /No meetings match/);
  await page.locator('.empty button').click();
  assert.equal((await dates(page)).length, 15);
  // The URL follows once the page has been updated.
  await page.waitForURL((u) => new URL(u).search === '');
});

test('a deep link works with filters, and says so when the filters hide it', async () => {
  const page = await open(browser.context, server.url + '/?person=chiplet#2024-01-09');
  // Scrolled to it, or as far as the page goes.
  await page.waitForFunction(() => {
    const top = document.querySelector('[id="2024-01-09"]').getBoundingClientRect().top;
    const atBottom = window.scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
    return window.scrollY > 0 && (top < 100 || atBottom);
  });
  const hidden = await open(browser.context, server.url + '/?person=chiplet#2024-08-20');
  assert.match(await hidden.locator('.notice').textContent(), /hidden by the filters/);
  await hidden.getByRole('button', { name: 'Show all meetings' }).click();
  await hidden.waitForFunction(() => {
    const el = document.querySelector('[id="2024-08-20"]');
    return el && Math.abs(el.getBoundingClientRect().top) < 300;
  });
  assert.equal(await hidden.locator('.notice').count(), 0);
});

test('the chart links each month to the timeline, and the overview table sets both filters', async () => {
  const page = await open(browser.context, server.url + '/');
  await page.locator('summary', { hasText: 'Hardware over time' }).click();
  const cell = page.locator('svg.chart g[data-topic="jh7110"] a').first();
  assert.equal(await cell.getAttribute('href'), '#m-2024-01');
  await page.screenshot({ path: screenshotPath('overview'), fullPage: false });
  await page.getByRole('button', { name: 'Daniel Maslowski on StarFive JH7110: ' + (await page.getByRole('button', { name: /Daniel Maslowski on StarFive JH7110/ }).textContent()) }).click();
  await page.waitForURL(/person=orangecms&topic=jh7110/);
});

// Every filter of the matrix, reached by a link and by clicks: exactly the
// meetings the count names are in the DOM as article[data-meeting-date], and
// clicking keeps the cards that were there (no card is made again).
const MATRIX = [
  [{ person: ['chiplet'] }, 2],
  [{ person: ['orangecms'] }, 10],
  [{ person: ['twelho'] }, 7],
  [{ topic: ['rp2040'] }, 1],
  [{ topic: ['jh7110'] }, 6],
  [{ topic: ['jh7110', 'rp2040'] }, 7],
  [{ person: ['orangecms'], topic: ['jh7110'] }, 6],
  [{ q: 'dram TRAINING' }, 2],
  [{ q: 'kexec' }, 2],
  [{ person: ['orangecms'], q: 'kexec' }, 2],
  [{ topic: ['jh7110'], order: 'oldest' }, 6],
  [{ q: 'zzzz' }, 0],
];
const query = (f) => [
  ...(f.person || []).map((p) => `person=${p}`),
  ...(f.topic || []).map((t) => `topic=${t}`),
  ...(f.q ? [`q=${encodeURIComponent(f.q)}`] : []),
  ...(f.order ? [`order=${f.order}`] : []),
].join('&');

test('each filter of the matrix leaves exactly its meetings in the DOM, by link and by clicks', async () => {
  const inDom = (page) => page.locator('article[data-meeting-date]').count();
  for (const [filter, n] of MATRIX) {
    const page = await open(browser.context, `${server.url}/?${query(filter)}`);
    assert.equal(await inDom(page), n, `?${query(filter)}`);
    assert.equal(await count(page), `${n} of 15 meetings`);
    await page.close();
  }
  const page = await open(browser.context, server.url + '/');
  await page.locator('details.topics > summary').click();
  await page.locator('button.show-all').click();
  await page.$$eval('article', (as) => as.forEach((a) => { a.__first = true; }));
  for (const [filter, n] of MATRIX) {
    for (const p of filter.person || []) await page.locator(`.person-chip[data-person="${p}"]`).click();
    for (const t of filter.topic || []) await page.locator(`.topic-chip[data-topic="${t}"]`).click();
    if (filter.q) await page.locator('#search').fill(filter.q);
    if (filter.order) await page.getByRole('button', { name: 'Oldest first' }).click();
    await page.waitForFunction((n) => document.querySelector('.count').textContent === `${n} of 15 meetings`, n);
    assert.equal(await inDom(page), n, `clicked ${query(filter)}`);
    assert.equal(await page.$$eval('article', (as) => as.filter((a) => !a.__first).length), 0, 'cards stay mounted');
    await page.locator('button.clear').first().click();
    if (filter.order) await page.getByRole('button', { name: 'Newest first' }).click();
    await page.waitForFunction(() => document.querySelector('.count').textContent === '15 meetings');
    assert.equal(await inDom(page), 15);
  }
});

test('what only the whole notes show (a meeting\'s location notes) goes while a filter is on and comes back after', async () => {
  const page = await open(browser.context, server.url + '/');
  const card = page.locator('article[id="2024-08-06"]');
  const notes = card.locator('text=Temporarily switched to');
  assert.equal(await notes.isVisible(), true);
  await page.locator('.person-chip[data-person="twelho"]').click();
  await page.waitForFunction(() => document.querySelector('.count').textContent.includes(' of '));
  assert.equal(await card.isVisible(), true, 'the meeting matches the filter');
  assert.equal(await notes.isVisible(), false, 'its location notes are not about the person');
  await page.locator('.person-chip[data-person="twelho"]').click();
  await page.waitForFunction(() => !document.querySelector('.count').textContent.includes(' of '));
  assert.equal(await notes.isVisible(), true);
});

test('cards read while the page is idle come back whole when one step both renders them again and clears the filter', async () => {
  const page = await open(browser.context, server.url + '/');
  // Let the page read its cards ahead, in idle time.
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(() => setTimeout(r, 300)))));
  const recap = page.locator('article[id="2024-08-20"] .recap[data-person="twelho"]');
  assert.equal(await recap.isVisible(), true);
  await page.locator('.person-chip[data-person="orangecms"]').click();
  await page.waitForFunction(() => document.querySelector('.count').textContent.includes(' of '));
  assert.equal(await recap.isVisible(), false, "another person's recap is hidden");
  await page.getByRole('button', { name: 'Oldest first' }).click();
  await page.waitForFunction(() => /order=/.test(location.search));
  // Two entries back at once: the newest-first order (cards rendered again) and no filter.
  await page.evaluate(() => history.go(-2));
  await page.waitForFunction(() => !document.querySelector('.count').textContent.includes(' of ') && !/order=/.test(location.search));
  await page.waitForFunction(() => document.querySelector('article[data-meeting-date]').dataset.meetingDate === '2024-09-03');
  assert.equal(await recap.isVisible(), true);
  assert.equal(await page.locator('article[data-meeting-date] [hidden]:not(.took-part)').count(), 0);
});

test('a search shows exactly the bullets, paragraphs, code, tables and quotes it matches, with their parents', async () => {
  const warnings = [];
  const page = await browser.context.newPage();
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const words = ['lynx', 'zebra', 'ibis', 'heron', 'crane', 'quokka', 'walrus', 'marmot', 'narwhal', 'tapir', 'axolotl', 'okapi'];
  // What each search shows (the match, the bullets it sits under, and what sits under it).
  const expect = {
    zebra: ['lynx', 'zebra'],
    ibis: ['lynx', 'ibis'],
    quokka: ['heron', 'quokka'],
    walrus: ['walrus'],
    marmot: ['marmot'],
    axolotl: ['tapir', 'axolotl'],
    lynx: ['lynx', 'zebra', 'ibis'],
    okapi: ['okapi'],
  };
  for (const [q, shown] of Object.entries(expect)) {
    await page.goto(`${server.url}/?src=/blocks.md&q=${q}`);
    await page.waitForFunction(() => document.querySelector('.count')?.textContent === '1 of 1 meeting');
    await page.waitForFunction((q) => CSS.highlights.get('racklet-search')?.size > 0, q);
    const visible = await page.evaluate((words) => {
      const card = document.querySelector('article[data-meeting-date="2023-05-02"]');
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      const seen = new Set();
      for (let n; (n = walker.nextNode());) {
        const w = words.find((w) => n.data.includes(w));
        if (w && n.parentElement.checkVisibility()) seen.add(w);
      }
      return words.filter((w) => seen.has(w));
    }, words);
    assert.deepEqual(visible, words.filter((w) => shown.includes(w)), `?q=${q}`);
  }
  assert.deepEqual(warnings.filter((w) => w.startsWith('racklet')), []);
});

test('a meeting shown for attendance alone says who took part, and says it again after a filter that matched its notes', async () => {
  const page = await open(browser.context, server.url + '/');
  const card = page.locator('article[id="2024-04-02"]');
  const line = card.locator('.took-part');
  const says = 'Ron Minnich took part; no notes from them in this meeting.';
  const count = (text) => page.waitForFunction((t) => document.querySelector('.count').textContent.startsWith(t), text);
  await page.locator('.person-chip[data-person="rminnich"]').click();
  await count('1 of ');
  assert.equal(await line.isVisible(), true);
  assert.equal(await line.textContent(), says);
  // Chiplet wrote a recap in that meeting: now its notes match, and the line goes.
  await page.locator('.person-chip[data-person="chiplet"]').click();
  await count('2 of ');
  assert.equal(await line.isVisible(), false);
  assert.equal(await card.locator('.recap[data-person="chiplet"]').isVisible(), true);
  await page.locator('.person-chip[data-person="chiplet"]').click();
  await count('1 of ');
  assert.equal(await line.isVisible(), true);
  assert.equal(await line.textContent(), says);
  await page.locator('.person-chip[data-person="rminnich"]').click();
  await page.waitForFunction(() => !document.querySelector('.count').textContent.includes(' of '));
  assert.equal(await line.isVisible(), false);
});
