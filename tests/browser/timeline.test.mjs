// The release build in headless Chromium: the timeline a reader sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshotPath, allDates, fakeAvatars } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the built-in notes show as 15 meetings, newest first', async () => {
  const page = await open(browser.context, server.url + '/');
  const dates = await page.$$eval('article[data-meeting-date]', (els) => els.map((e) => e.dataset.meetingDate));
  assert.equal(dates.length, 15);
  assert.equal(dates[0], '2024-09-03');
  assert.equal(dates.at(-1), '2024-01-09');
  const statuses = await page.$$eval('article[data-meeting-date]', (els) => els.map((e) => e.dataset.status));
  assert.equal(statuses.filter((s) => s === 'skipped').length, 3);
  assert.equal(statuses.filter((s) => s === 'planned').length, 1);
  assert.deepEqual(await page.$$eval('article[data-meeting-date="2024-08-20"] [data-person]', (els) => els.map((e) => e.dataset.person)), ['twelho', 'orangecms']);
  await page.screenshot({ path: screenshotPath('timeline-desktop'), fullPage: false });
  assert.deepEqual(page.errors, []);
});

test('oldest first reverses the order', async () => {
  const page = await open(browser.context, server.url + '/');
  await page.getByRole('button', { name: 'Oldest first' }).click();
  const first = await page.$eval('article[data-meeting-date]', (e) => e.dataset.meetingDate);
  assert.equal(first, '2024-01-09');
});

test('a deep link scrolls its meeting into view', async () => {
  const page = await open(browser.context, server.url + '/#2024-05-14');
  await page.waitForFunction(() => {
    const r = document.getElementById('2024-05-14').getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight / 2;
  }, null, { timeout: 5000 });
  const top = await page.$eval('[id="2024-05-14"]', (e) => e.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 450, `meeting top at ${top}px`);
  await page.screenshot({ path: screenshotPath('deep-link') });
});

test('links open in a new tab without opener or referrer, and only http(s)/mailto are links', async () => {
  const page = await open(browser.context, server.url + '/');
  const links = await page.$$eval('.meeting a.ext', (as) => as.map((a) => [a.getAttribute('href'), a.target]));
  assert.ok(links.length > 50);
  for (const [href, target] of links) {
    assert.match(href, /^(https?:|mailto:)/);
    assert.equal(target, '_blank');
  }
  // Follow one: the site it opens (played here) gets no way back to our
  // page and is not told its address.
  const link = page.locator('.meeting a.ext.web').first();
  const href = await link.getAttribute('href');
  await browser.context.route(href, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>elsewhere</title>' }));
  const [tab] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  assert.equal(tab.url(), href);
  assert.deepEqual(await tab.evaluate(() => [window.opener === null, document.referrer]), [true, '']);
  const request = await tab.evaluate(() => performance.getEntriesByType('navigation')[0]?.name);
  assert.equal(request, href);
  await tab.close();
  await browser.context.unroute(href);
});

test('start times show in the reader zone with the original on hover', async () => {
  // A reader in Helsinki whose browser speaks British English (24-hour clock).
  const helsinki = await launch({ timezoneId: 'Europe/Helsinki', locale: 'en-GB' });
  try {
    const page = await open(helsinki.context, server.url + '/');
    const time = page.locator('article[data-meeting-date="2024-08-20"] .time time');
    assert.equal(await time.getAttribute('datetime'), '2024-08-20T16:00Z');
    assert.equal(await time.getAttribute('title'), '4:00 PM UTC as written in the notes');
    assert.equal(await time.textContent(), '19:00');
    assert.equal(await page.locator('article[data-meeting-date="2024-08-20"] .zone').textContent(), 'your time, UTC+3');
    // January is winter time in Helsinki.
    assert.equal(await page.locator('article[data-meeting-date="2024-01-09"] .time time').textContent(), '18:00');
    // British dates: close to the English the page was prerendered in, but not the same.
    const title = 'article[data-meeting-date="2024-08-20"] .meeting-title time';
    await page.waitForFunction((s) => document.querySelector(s).textContent !== 'Tuesday, August 20, 2024', title);
    assert.equal(await page.locator(title).textContent(), 'Tuesday, 20 August 2024');
    assert.equal(await page.locator('#m-2024-08 .month-head').textContent(), 'August 2024');
  } finally {
    await helsinki.close();
  }
});

test('a 360 px phone shows the timeline without horizontal scrolling', async () => {
  const page = await open(browser.context, server.url + '/', { viewport: { width: 360, height: 740 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: screenshotPath('timeline-phone') });
});

test('without JavaScript the prerendered page already shows the timeline', async () => {
  const noJs = await browser.context.browser().newContext({ javaScriptEnabled: false });
  const page = await noJs.newPage();
  await page.goto(server.url + '/');
  assert.equal(await page.locator('article[data-meeting-date]').count(), 15);
  assert.match(await page.locator('h1').textContent(), /^Racklet Community Meeting Notes · 2024$/, "the archive is named with the span of its years");
  assert.match(await page.locator('meta[property="og:title"]').getAttribute('content'), /Racklet/);
  await noJs.close();
});

test('hydration takes over the prerendered page without duplicating it, under the CSP', async () => {
  const page = await open(browser.context, server.url + '/');
  const violations = [];
  await page.exposeFunction('__csp', (v) => violations.push(v));
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.__csp(`${e.violatedDirective} ${e.blockedURI}`)));
  // Interactive after hydration: a click filters.
  await page.locator('.person-chip[data-person="chiplet"]').click();
  await page.waitForFunction(() => document.querySelector('.count').textContent === '2 of 15 meetings');
  assert.equal(await page.locator('#app > .app').count(), 1);
  assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  // Avatars from github.com are allowed by the policy (they fail offline, which is fine).
  assert.deepEqual(violations.filter((v) => !v.includes('github')), []);
  assert.deepEqual(page.errors, []);
});

test('the build works under a subpath, as on GitHub Pages', async () => {
  const sub = await serve(undefined, { prefix: '/notes-timeline' });
  try {
    const page = await open(browser.context, sub.url + '/?person=orangecms');
    await page.waitForFunction(() => document.querySelector('.count')?.textContent === '10 of 15 meetings');
    assert.deepEqual(page.errors, []);
  } finally {
    await sub.close();
  }
});

test('find in page and #date anchors reach cards the browser has not painted yet', async () => {
  const page = await open(browser.context, server.url + '/');
  const oldest = page.locator('article[data-meeting-date="2024-01-09"]');
  const body = oldest.locator('.meeting-body');
  // Far below the screen, its content is skipped (content-visibility: auto) but in the DOM.
  assert.equal(await body.evaluate((b) => b.checkVisibility({ contentVisibilityAuto: true })), false);
  const phrase = (await oldest.locator('li').last().evaluate((li) => li.firstChild.textContent)).trim().slice(0, 24);
  // The browser's own find (what Ctrl+F uses) finds it and brings it to view.
  assert.equal(await page.evaluate((p) => window.find(p), phrase), true, phrase);
  assert.equal(await page.evaluate(() => getSelection().anchorNode.parentElement.closest('article').dataset.meetingDate), '2024-01-09');
  await page.waitForFunction(() => document.querySelector('article[data-meeting-date="2024-01-09"] .meeting-body').checkVisibility({ contentVisibilityAuto: true }));
  // An anchor to another unpainted card lands on it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => { location.hash = '#2024-02-06'; });
  await page.waitForFunction(() => {
    const r = document.getElementById('2024-02-06').getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight / 2;
  });
});

test('avatars: the image over the initials once loaded, initials where it fails, loaded as cards come near', async () => {
  const page = await browser.context.newPage();
  // github.com plays its part: one person has an avatar, the others' fail.
  const asked = await fakeAvatars(page, (handle) => handle === 'twelho');
  await page.goto(server.url + '/');
  await page.waitForSelector('html[data-app="ready"]');
  const avatar = (sel) => page.$eval(sel, (a) => {
    const s = getComputedStyle(a, '::before');
    return { image: s.backgroundImage, color: s.color, initials: s.content, w: s.width };
  });
  const first = 'article[data-meeting-date="2024-08-20"]';
  await page.waitForFunction((sel) => getComputedStyle(document.querySelector(sel), '::before').backgroundImage.includes('twelho.png'), `${first} .participants a[href$="person=twelho"]`);
  const pictured = await avatar(`${first} .participants a[href$="person=twelho"]`);
  assert.match(pictured.image, /twelho\.png/);
  assert.equal(pictured.color, 'rgba(0, 0, 0, 0)', 'initials hidden under the image');
  assert.equal(pictured.w, '24px');
  // A failed image leaves the initials, readable.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('orangecms.png')));
  await page.waitForTimeout(100);
  const initials = await avatar(`${first} .participants a[href$="person=orangecms"]`);
  assert.doesNotMatch(initials.image, /orangecms/);
  assert.notEqual(initials.color, 'rgba(0, 0, 0, 0)');
  assert.match(initials.initials, /"DM"/);
  // Recaps draw it too; the link's name is the person's name alone.
  await page.waitForFunction((sel) => getComputedStyle(document.querySelector(sel), '::before').backgroundImage.includes('twelho.png'), 'article[data-meeting-date="2024-08-20"] .recap-name[href$="person=twelho"]');
  const name = await page.locator('article[data-meeting-date="2024-08-20"] .recap-name[href$="person=twelho"]').evaluate((a) => a.textContent);
  assert.equal(await page.getByRole('link', { name, exact: true }).first().count(), 1);
  // Each image is asked for once however many links show it; far cards wait.
  assert.equal(asked.filter((u) => u.includes('/twelho.png?size=48')).length, 1, asked.join(' '));
  assert.ok(await page.locator('article[data-meeting-date="2024-01-09"] [data-src]').count() > 0, 'the oldest card waits');
  await page.locator('article[data-meeting-date="2024-01-09"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('article[data-meeting-date="2024-01-09"] [data-src]').length === 0);
  await page.close();
});

test('the tab shows the page\'s own icon, and the browser asks for no favicon.ico', async () => {
  const page = await browser.context.newPage();
  // The browser's own request for /favicon.ico shows only as a console error.
  const missing = [];
  page.on('console', (m) => m.type() === 'error' && /favicon/.test(JSON.stringify(m.location())) && missing.push(m.text()));
  await page.goto(server.url + '/');
  await page.waitForSelector('html[data-app="ready"]');
  // The icon is an image the browser can draw.
  const size = await page.evaluate(() => new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
    img.onerror = () => resolve(null);
    img.src = document.querySelector('link[rel="icon"]')?.href ?? '';
  }));
  assert.ok(size && size[0] > 0 && size[1] > 0, `the icon does not draw: ${size}`);
  await page.waitForTimeout(500);
  assert.deepEqual(missing, []);
});
