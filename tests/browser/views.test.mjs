// Beyond the timeline: a person's page, a topic's story, the ribbon of every
// meeting, printing a filtered view, "Copy as Markdown", and dates in the
// reader's language. What each should list comes from `timeline json` on
// the notes the build ships.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshotPath, shippedModel, axeViolations, fakeAvatars, highlightedIn, afterNextPaint } from './lib.mjs';

let server, browser, model;
before(async () => {
  server = await serve();
  browser = await launch();
  model = shippedModel();
});
after(async () => { await browser?.close(); await server?.close(); });

const listed = (page) => page.$$eval('.cited-list [data-meeting-date]', (els) => els.map((e) => e.dataset.meetingDate));
const descending = (dates) => [...dates].sort().reverse();
const personOf = (slug) => model.people.find((p) => p.id === slug);

test("a person's page: first and latest meeting, counts, attendance strip, their notes newest first", async () => {
  const slug = 'orangecms';
  const page = await open(browser.context, `${server.url}/?view=person&person=${slug}`);
  await page.waitForSelector('html[data-view="person"]');
  assert.match(await page.locator('#page-title').innerText(), new RegExp(`^${personOf(slug).name}\\s*@${slug}$`));
  // Held meetings they attended (as participant or host), hosted, or sent a recap to.
  const held = model.meetings.filter((m) => m.status === 'held');
  const hosted = held.filter((m) => m.hosts.includes(slug));
  const attended = held.filter((m) => m.hosts.includes(slug) || m.participants.some((p) => p.person === slug));
  const recaps = held.filter((m) => m.recaps.some((r) => r.person === slug));
  const fact = async (label) => page.locator('.fact', { hasText: label }).locator('dd').innerText();
  assert.equal(await fact('Attended'), String(attended.length));
  assert.equal(await fact('Hosted'), String(hosted.length));
  assert.equal(await fact('Recaps'), String(recaps.length));
  const involved = held.filter((m) => attended.includes(m) || recaps.includes(m)).map((m) => m.date).sort();
  const short = (d) => new Date(d + 'T00:00Z').toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  assert.equal(await fact('First meeting'), short(involved[0]));
  assert.equal(await fact('Latest meeting'), short(involved.at(-1)));
  // One bar per meeting, held or not; the strip says what it shows.
  assert.equal(await page.locator('svg.attendance rect').count(), model.meetings.length);
  assert.equal(await page.locator('svg.attendance rect.hosted').count(), hosted.length);
  assert.match(await page.locator('svg.attendance').getAttribute('aria-label'), new RegExp(`took part in ${involved.length} of ${held.length} meetings`));
  // Its legend's keys sit on one line (no card style reaches them).
  const tops = await page.$$eval('.legend .key', (ks) => ks.map((k) => Math.round(k.getBoundingClientRect().top)));
  assert.equal(tops.length, 4);
  assert.equal(new Set(tops).size, 1, `legend keys at ${tops}`);
  // Every meeting with a recap of theirs is listed, newest first.
  const dates = await listed(page);
  for (const m of recaps) assert.ok(dates.includes(m.date), `${m.date} is listed`);
  assert.deepEqual(dates, descending(dates));
  // The hardware they mention most links to its story.
  assert.ok(await page.locator('.page-side .topic-list a.topic-link').count() > 0);
  await page.screenshot({ path: screenshotPath('person-page'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
});

test("a meeting's date on a person's page goes back to that meeting on the timeline", async () => {
  const page = await open(browser.context, `${server.url}/?view=person&person=orangecms`);
  await page.waitForSelector('html[data-view="person"]');
  const date = (await listed(page))[2];
  await page.locator(`.cited-list [data-meeting-date="${date}"] a.to-meeting`).click();
  await page.waitForSelector('html[data-view="timeline"]');
  await page.waitForFunction((d) => location.hash === `#${d}` && !new URLSearchParams(location.search).has('view'), date);
  const article = page.locator(`article[data-meeting-date="${date}"]`);
  await page.waitForFunction((d) => {
    const r = document.getElementById(d).getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  }, date);
  assert.equal(await article.isVisible(), true);
});

test("clicking a person's name anywhere opens their page, in place, and Back returns", async () => {
  const page = await open(browser.context, server.url + '/');
  await page.evaluate(() => { window.__same = true; });
  const name = page.locator('article[data-meeting-date="2024-08-20"] .recap-head a.person-link').first();
  const who = await name.innerText();
  await name.click();
  await page.waitForSelector('html[data-view="person"]');
  assert.match(await page.locator('#page-title').innerText(), new RegExp(who.trim()));
  assert.equal(await page.evaluate(() => window.__same), true, 'no page load');
  // The address bar follows once the change has been painted.
  await afterNextPaint(page);
  assert.match(page.url(), /[?&]view=person&person=[^&]+/);
  await page.goBack();
  await page.waitForSelector('html[data-view="timeline"]');
  assert.equal(await page.locator('article[data-meeting-date]').count(), model.meetings.length);
});

test("a topic's story: every meeting that mentions it in time order, who, related topics, links", async () => {
  const topic = model.topics.find((t) => t.id === 'jh7110');
  const page = await open(browser.context, `${server.url}/?view=topic&topic=${topic.id}`);
  await page.waitForSelector('html[data-view="topic"]');
  assert.equal(await page.locator('#page-title').innerText(), topic.label);
  const dates = await listed(page);
  assert.deepEqual(dates, [...topic.meetings].sort());
  // Each listed meeting shows the bullets that name it (or a board built
  // on it), the names highlighted; nothing outside those bullets is.
  const marks = await highlightedIn(page, 'racklet-topic');
  assert.deepEqual([...new Set(marks.map((m) => m.date))].sort(), dates, JSON.stringify(marks));
  assert.ok(marks.some((m) => m.text === 'JH7110'), JSON.stringify(marks));
  assert.ok(marks.every((m) => m.inUnit && m.text.trim() === m.text && m.text.length > 2), JSON.stringify(marks));
  assert.equal(await page.locator('.fact', { hasText: 'Meetings' }).locator('dd').innerText(), String(topic.meetings.length));
  assert.ok(await page.locator('.who-list a.person-link').count() > 0, 'who talked about it');
  // Related: its family is one click away, and opens the family's story.
  const family = page.locator('.page-side .topic-list a.topic-link', { hasText: /JH7/ }).first();
  const label = await family.innerText();
  await family.click();
  await page.waitForFunction((l) => document.getElementById('page-title')?.textContent === l, label);
  await afterNextPaint(page);
  assert.match(page.url(), /view=topic&topic=starfive-jh7-family/);
  // The family's page highlights the family's mentions, in its own meetings.
  const familyDates = await listed(page);
  const familyMarks = await highlightedIn(page, 'racklet-topic');
  assert.deepEqual([...new Set(familyMarks.map((m) => m.date))].sort(), familyDates, JSON.stringify(familyMarks));
  await page.goBack();
  await page.waitForFunction((l) => document.getElementById('page-title')?.textContent === l, topic.label);
  await page.screenshot({ path: screenshotPath('topic-page'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
});

test('the ribbon holds one mark per meeting, held, skipped and planned apart, the matches highlighted', async () => {
  const page = await open(browser.context, server.url + '/?topic=jh7110');
  const marks = page.locator('[data-ribbon] [data-meeting-date]');
  assert.equal(await marks.count(), model.meetings.length);
  for (const status of ['held', 'skipped', 'planned']) {
    assert.equal(await page.locator(`[data-ribbon] .mark.${status}`).count(), model.meetings.filter((m) => m.status === status).length, status);
  }
  // Skipped and held marks look different.
  const height = (s) => page.$eval(`[data-ribbon] .mark.${s}`, (e) => e.getBoundingClientRect().height);
  assert.ok((await height('skipped')) < (await height('held')));
  const shown = await page.$$eval('article[data-meeting-date]', (as) => as.map((a) => a.dataset.meetingDate).sort());
  // The layer over the strip paints exactly those marks in the highlight colour.
  const painted = await page.$$eval('[data-ribbon] .mark', (ms) => {
    const strip = ms[0].parentElement.getBoundingClientRect();
    const layer = document.querySelector('[data-ribbon] .hits');
    const box = layer.getBoundingClientRect();
    if (layer.hidden || box.width !== strip.width || box.left !== strip.left) return 'the layer does not cover the strip';
    const stops = layer.style.backgroundImage;
    const spans = [...stops.matchAll(/(?:var\(--hit\)|#[0-9a-f]{6}) ([\d.]+)% ([\d.]+)%/g)].map((m) => [Number(m[1]), Number(m[2])]);
    return ms.filter((m) => {
      const r = m.getBoundingClientRect();
      const mid = ((r.left + r.right) / 2 - strip.left) / strip.width * 100;
      return spans.some(([a, b]) => mid > a && mid < b);
    }).map((m) => m.dataset.meetingDate).sort();
  });
  assert.deepEqual(painted, shown);
  // A year tick on the first meeting of each year.
  assert.deepEqual(await page.$$eval('[data-ribbon] .mark.y', (ms) => ms.map((m) => m.dataset.year)), ['2024']);
  // Clearing the filter clears the highlight.
  await page.locator('button.clear').first().click();
  await page.waitForFunction(() => document.querySelector('[data-ribbon] .hits').hidden);
  assert.equal(await page.locator('[data-ribbon] .hits').isVisible(), false);
  assert.deepEqual(await axeViolations(page), []);
});

test('the ribbon: keyboard and click jump to a meeting, the tooltip names date and host', async () => {
  const page = await open(browser.context, server.url + '/');
  const sorted = [...model.meetings].sort((a, b) => a.date.localeCompare(b.date));
  // One stop in the tab order for the whole strip; no mark is a tab stop of its own.
  assert.equal(await page.locator('[data-ribbon] .mark:not([tabindex="-1"])').count(), 0);
  const strip = page.locator('[data-ribbon] .marks');
  assert.equal(await strip.getAttribute('tabindex'), '0');
  // Tab into it from the control before it: the newest meeting is active.
  await page.locator('details.overview > summary').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ribbon-marks');
  const active = () => page.evaluate(() => document.getElementById(document.activeElement.getAttribute('aria-activedescendant'))?.dataset.meetingDate);
  assert.equal(await active(), sorted.at(-1).date);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const target = await active();
  assert.equal(target, sorted.at(-3).date);
  const m = model.meetings.find((x) => x.date === target);
  const label = await page.locator('#ribbon-active').getAttribute('aria-label');
  assert.match(label, new RegExp(new Date(target + 'T00:00Z').getUTCFullYear()));
  const host = model.people.find((p) => p.id === m.hosts[0]);
  if (host) assert.match(label, new RegExp(`host ${host.name}`));
  // The tooltip shows that text for the active mark.
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('ribbon-active'), '::after').content), JSON.stringify(label));
  await page.keyboard.press('Home');
  assert.equal(await active(), sorted[0].date);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForFunction((d) => location.hash === `#${d}`, target);
  await page.waitForFunction((d) => {
    const r = document.getElementById(d).getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight / 2;
  }, target);
  // A click on a mark goes to its meeting too.
  const first = sorted[1].date;
  await page.locator(`[data-ribbon] .mark[data-meeting-date="${first}"]`).click();
  await page.waitForFunction((d) => location.hash === `#${d}`, first);
  // On a wide screen it stays at the top while the page scrolls.
  await page.mouse.wheel(0, 1500);
  await page.waitForTimeout(200);
  assert.ok(Math.abs(await page.$eval('[data-ribbon]', (r) => r.getBoundingClientRect().top)) < 1);
});

test('on a phone the ribbon folds into a button that opens it', async () => {
  const page = await open(browser.context, server.url + '/', { viewport: { width: 390, height: 844 } });
  const strip = page.locator('[data-ribbon] .marks');
  assert.equal(await strip.isVisible(), false);
  const toggle = page.locator('[data-ribbon] .ribbon-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await strip.isVisible(), true);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no page-wide horizontal scroll');
  await page.screenshot({ path: screenshotPath('ribbon-phone') });
});

test("on a phone, a topic's and a person's page fit the screen, long links wrapped", async () => {
  const topic = model.topics.filter((t) => t.meetings.length > 0).sort((a, b) => b.meetings.length - a.meetings.length)[0];
  const person = model.people[0];
  for (const url of [`/?view=topic&topic=${topic.id}`, `/?view=person&person=${person.id}`]) {
    const page = await open(browser.context, server.url + url, { viewport: { width: 390, height: 844 } });
    await page.waitForSelector('.cited-list');
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    assert.ok(scroll <= width, `${url}: ${scroll} px wide on a ${width} px screen`);
    await page.close();
  }
});

test('printing a filtered view prints every match, no controls, link addresses written out', async () => {
  const page = await open(browser.context, server.url + '/?person=orangecms');
  const n = Number((await page.locator('.count').innerText()).split(' ')[0]);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.toolbar', '[data-ribbon]', '.page-foot']) {
    assert.equal(await page.locator(selector).isVisible(), false, `${selector} is not printed`);
  }
  const printed = await page.$$eval('article[data-meeting-date]', (as) => as.filter((a) => {
    const style = getComputedStyle(a.querySelector('.meeting-body'));
    return a.getClientRects().length > 0 && style.contentVisibility === 'visible';
  }).length);
  assert.equal(printed, n);
  const link = page.locator('article[data-meeting-date] a.ext.web').first();
  const href = await link.getAttribute('href');
  assert.equal(await link.evaluate((a) => getComputedStyle(a, '::after').content), JSON.stringify(` <${href}>`));
  const pdf = await page.pdf();
  assert.ok(pdf.length > 10000);
  await page.screenshot({ path: screenshotPath('print'), fullPage: false });
});

test('"Copy as Markdown" puts the filtered meetings on the clipboard as a digest', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await open(browser.context, server.url + '/?topic=jh7110');
  await page.locator('button.copy-digest').click();
  await page.waitForFunction(() => /Copied \d+ meetings? as Markdown/.test(document.querySelector('.digest-status').textContent));
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const topic = model.topics.find((t) => t.id === 'jh7110');
  assert.match(text, new RegExp(`^# Racklet Community Meeting Notes · 2024\\n\\n${topic.meetings.length} of ${model.meetings.length} meetings, filtered by StarFive JH7110\\.\\n`));
  const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  const long = (d) => new Date(d + 'T00:00Z').toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  assert.deepEqual(headings, [...topic.meetings].sort().reverse().map(long));
  // Matching bullets and their links, as Markdown.
  assert.match(text, /^- .*JH7110/m);
  assert.match(text, /^Links:\n\n- (\[.+\]\(https?:\/\/\S+\)|<https?:\/\/\S+>)$/m);
});

test("dates and times follow the reader's language once the page runs", async () => {
  const german = await launch({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  try {
    const page = await open(german.context, server.url + '/');
    const title = page.locator('article[data-meeting-date="2024-08-20"] .meeting-title time');
    await page.waitForFunction(() => document.querySelector('article[data-meeting-date="2024-08-20"] .meeting-title time').textContent.includes('August 2024'));
    assert.equal(await title.textContent(), 'Dienstag, 20. August 2024');
    assert.equal(await page.locator('#m-2024-08 .month-head').textContent(), 'August 2024');
    assert.equal(await page.locator('article[data-meeting-date="2024-08-20"] .time time').textContent(), '18:00');
    assert.deepEqual(page.errors, [], 'no hydration mismatch or error');
    // The prerendered page (no script) stays in English.
    const still = await german.context.browser().newContext({ javaScriptEnabled: false, locale: 'de-DE' });
    const p = await still.newPage();
    await p.goto(server.url + '/');
    assert.equal(await p.locator('article[data-meeting-date="2024-08-20"] .meeting-title time').textContent(), 'Tuesday, August 20, 2024');
    await still.close();
  } finally {
    await german.close();
  }
});

test("a topic's page shows the avatars of who talked about it", async () => {
  const page = await browser.context.newPage();
  await fakeAvatars(page);
  await page.goto(`${server.url}/?view=topic&topic=jh7110`);
  await page.waitForSelector('html[data-view="topic"]');
  const links = page.locator('.who-list a.person-link[href*="person="]');
  assert.ok(await links.count() > 0);
  // They are on screen: every image is asked for at once, and shown over the initials.
  await page.waitForFunction(() => document.querySelectorAll('.who-list [data-src]').length === 0, null, { timeout: 5000 });
  await page.waitForFunction(() => [...document.querySelectorAll('.who-list a.person-link')]
    .some((a) => getComputedStyle(a, '::before').backgroundImage.includes('.png')), null, { timeout: 5000 });
  await page.close();
});
