// Link preview cards: hover, focus, touch; tiers 1-3 with a local fake
// GitHub API; localStorage cache; nothing fetched on page load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshotPath, afterNextPaint } from './lib.mjs';

const json = (body, status = 200) => (req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const hits = {};
const counted = (name, handler) => (req, res) => { hits[name] = (hits[name] || 0) + 1; handler(req, res); };

const DTVIS = 'https://github.com/platform-system-interface/dtvis/';
const PR = 'https://github.com/minio/operator/pull/2056';
const ISSUE = 'https://github.com/minio/operator/issues/1100';
const ROOK = 'https://rook.io/docs/rook/latest/CRDs/Cluster/pvc-cluster/';

let server, browser;
before(async () => {
  server = await serve(undefined, {
    routes: {
      '/previews.json': json({
        version: 1, generated: '2026-11-26T12:00:00Z',
        links: {
          [ROOK]: { status: 'ok', final_url: ROOK, http_status: 200, content_type: 'text/html', title: 'PVC Cluster - Rook Ceph Documentation', description: 'Run Ceph on PVCs.', site_name: 'Rook' },
          'https://broken.example/': { status: 'error', error: 'HTTP 404' },
        },
      }),
      '/fake-api/repos/platform-system-interface/dtvis': counted('dtvis', json({
        // As GitHub answers: many more fields than read (objects, arrays, nulls, floats).
        id: 512345678, name: 'dtvis', owner: { login: 'platform-system-interface', id: 1, site_admin: false },
        description: 'DeviceTree visualizer', homepage: null, topics: ['devicetree', 'visualizer'],
        stargazers_count: 57, language: 'TypeScript', score: 1.5, license: null, archived: false,
      })),
      '/fake-api/repos/minio/operator/pulls/2056': counted('pr', json({
        number: 2056, title: 'Fix tenant status', state: 'closed', merged: true, merged_at: '2024-08-01T10:00:00Z',
        user: { login: 'someone', id: 7 }, labels: [{ name: 'bug', color: 'd73a4a' }], milestone: null,
      })),
      '/fake-api/repos/minio/operator/issues/1100': counted('issue', json({ message: 'API rate limit exceeded' }, 403)),
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const link = (page, href) => page.locator(`.meeting a.ext[href="${href}"]`).first();
const card = (page) => page.locator('#link-preview');
const visible = (page) => card(page).evaluate((el) => !el.hidden);

test('hovering a link shows its card after a short delay, below it and inside the viewport', async () => {
  const page = await open(browser.context, server.url + '/');
  const a = link(page, DTVIS);
  await a.scrollIntoViewIfNeeded();
  await a.hover();
  await page.waitForTimeout(120);
  assert.equal(await visible(page), false, 'not before ~300 ms');
  await page.waitForFunction(() => !document.getElementById('link-preview').hidden);
  assert.equal(await card(page).getAttribute('data-kind'), 'github-repo');
  assert.equal(await card(page).locator('.pc-title').textContent(), 'platform-system-interface/dtvis');
  assert.equal(await card(page).locator('img').getAttribute('src'), 'https://opengraph.githubassets.com/1/platform-system-interface/dtvis');
  assert.equal(await card(page).getAttribute('role'), 'tooltip');
  assert.equal(await card(page).getAttribute('aria-hidden'), null);
  assert.equal(await a.getAttribute('aria-describedby'), 'link-preview');
  const [lr, cr, vw, vh] = await page.evaluate((href) => {
    const l = document.querySelector(`.meeting a.ext[href="${href}"]`).getBoundingClientRect();
    const c = document.getElementById('link-preview').getBoundingClientRect();
    return [l.toJSON(), c.toJSON(), innerWidth, innerHeight];
  }, DTVIS);
  assert.ok(cr.left >= 0 && cr.right <= vw && cr.top >= 0 && cr.bottom <= vh, 'inside the viewport');
  const overlap = !(cr.bottom <= lr.top || cr.top >= lr.bottom || cr.right <= lr.left || cr.left >= lr.right);
  assert.equal(overlap, false, 'never covers the link');
  await page.screenshot({ path: screenshotPath('preview-hover') });
  // The card stays while the pointer is on it, and closes on leaving.
  await card(page).hover();
  await page.waitForTimeout(400);
  assert.equal(await visible(page), true);
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.getElementById('link-preview').hidden);
  assert.equal(await a.getAttribute('aria-describedby'), null);
  // The social card image cannot load offline: it is hidden, not broken.
  assert.deepEqual(page.errors, []);
});

test('keyboard focus shows the card at once; Esc and blur close it', async () => {
  const page = await open(browser.context, server.url + '/');
  await link(page, 'https://www.youtube.com/watch?v=nq9jS2R7MxY&list=PLenOHeTI_A9PIW3zelb6c2vhd9V9GhCgF&pp=gAQBiAQB').focus();
  await page.waitForFunction(() => !document.getElementById('link-preview').hidden, null, { timeout: 200 });
  assert.equal(await card(page).getAttribute('data-kind'), 'youtube');
  assert.equal(await card(page).locator('img').getAttribute('src'), 'https://i.ytimg.com/vi/nq9jS2R7MxY/hqdefault.jpg');
  await page.keyboard.press('Escape');
  assert.equal(await visible(page), false);
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => !document.getElementById('link-preview').hidden);
  await page.evaluate(() => document.activeElement.blur());
  assert.equal(await visible(page), false);
});

test('on a touch screen the button beside a link opens the card', async () => {
  const page = await open(browser.context, server.url + '/');
  const cdp = await page.context().newCDPSession(page);
  // A touch screen: no hover, coarse pointer, taps.
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await cdp.send('Emulation.setEmitTouchEventsForMouse', { enabled: true, configuration: 'mobile' });
  assert.equal(await page.evaluate(() => matchMedia('(hover: none)').matches), true);
  const peek = page.locator(`.meeting a.ext[href="${PR}"] + button.peek`);
  // The page adds the buttons once the device reports it has no hover.
  await peek.waitFor({ state: 'visible', timeout: 5000 });
  await peek.scrollIntoViewIfNeeded();
  const tap = async () => {
    const box = await peek.boundingBox();
    const point = [{ x: box.x + box.width / 2, y: box.y + box.height / 2 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  await tap();
  await page.waitForFunction(() => !document.getElementById('link-preview').hidden);
  assert.equal(await card(page).getAttribute('data-kind'), 'github-pull');
  await page.screenshot({ path: screenshotPath('preview-touch') });
  await tap();
  await page.waitForFunction(() => document.getElementById('link-preview').hidden);
});

test('tier 2: previews.json beside the page fills title and description', async () => {
  const page = await open(browser.context, server.url + '/');
  await link(page, ROOK).focus();
  await page.waitForFunction(() => document.getElementById('link-preview').dataset.tier === '2');
  assert.equal(await card(page).locator('.pc-title').textContent(), 'PVC Cluster - Rook Ceph Documentation');
  assert.equal(await card(page).locator('.pc-desc').textContent(), 'Run Ceph on PVCs.');
});

test('tier 3: live GitHub details on first preview only, cached, rate limits fall back silently', async () => {
  for (const k of Object.keys(hits)) delete hits[k];
  const page = await open(browser.context, server.url + '/?github_api=/fake-api');
  await page.evaluate(() => localStorage.clear());
  await page.waitForTimeout(300);
  assert.deepEqual(hits, {}, 'nothing is fetched on page load');
  await link(page, DTVIS).focus();
  await page.waitForFunction(() => document.getElementById('link-preview').dataset.tier === '3');
  assert.equal(await card(page).locator('.pc-meta').textContent(), '★ 57 · TypeScript');
  assert.equal(await card(page).locator('.pc-desc').textContent(), 'DeviceTree visualizer');
  await link(page, PR).focus();
  await page.waitForFunction(() => document.querySelector('#link-preview .pc-meta')?.textContent === 'merged');
  assert.equal(await card(page).locator('.pc-title').textContent(), 'Fix tenant status');
  await link(page, ISSUE).focus();
  await page.waitForTimeout(300);
  assert.equal(await card(page).getAttribute('data-tier'), '1', '403: tier 1 stays');
  assert.equal(await card(page).locator('.pc-title').textContent(), 'minio/operator #1100');
  // A new page uses the localStorage cache instead of asking again.
  const again = await open(browser.context, server.url + '/?github_api=/fake-api');
  await link(again, DTVIS).focus();
  await again.waitForFunction(() => document.getElementById('link-preview').dataset.tier === '3');
  assert.equal(hits.dtvis, 1);
  assert.deepEqual([...page.errors, ...again.errors], []);
});

test('live fetching can be turned off, and corrupt storage is ignored', async () => {
  for (const k of Object.keys(hits)) delete hits[k];
  const page = await open(browser.context, server.url + '/?github_api=/fake-api');
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('racklet.gh.v1:/repos/platform-system-interface/dtvis', '{not valid');
    localStorage.setItem('racklet.previews.live', 'maybe?');
  });
  const fresh = await open(browser.context, server.url + '/?github_api=/fake-api');
  await link(fresh, DTVIS).focus();
  await fresh.waitForFunction(() => document.getElementById('link-preview').dataset.tier === '3');
  assert.equal(hits.dtvis, 1, 'the corrupt entry was ignored and replaced');
  await fresh.getByLabel(/Link previews may ask GitHub/).uncheck();
  await fresh.evaluate(() => localStorage.removeItem('racklet.gh.v1:/repos/platform-system-interface/dtvis'));
  const off = await open(browser.context, server.url + '/?github_api=/fake-api');
  await link(off, DTVIS).focus();
  await off.waitForTimeout(400);
  assert.equal(await card(off).getAttribute('data-tier'), '1');
  assert.equal(hits.dtvis, 1, 'no request with the setting off');
  await off.getByLabel(/Link previews may ask GitHub/).check();
  assert.deepEqual([...page.errors, ...fresh.errors, ...off.errors], []);
});

test('the Links view lists every link by kind and site with its meetings, and follows the filters', async () => {
  const page = await open(browser.context, server.url + '/?view=links');
  await page.locator('.links-view').waitFor();
  const kinds = await page.$$eval('.link-kind h3', (hs) => hs.map((h) => h.textContent));
  assert.equal(kinds[0], 'GitHub repository (12)');
  assert.ok(kinds.includes('GitHub pull request (2)') && kinds.includes('Mastodon post (3)'), kinds.join(' | '));
  const dtvis = page.locator('.link-site li', { has: page.locator(`a[href="${DTVIS}"]`) });
  assert.match(await dtvis.textContent(), /Aug 20, 2024/);
  await page.screenshot({ path: screenshotPath('links-view'), fullPage: false });
  // A citing meeting link leads back to that meeting on the timeline.
  await dtvis.locator('a.cite').click();
  await page.waitForFunction(() => document.querySelector('[id="2024-08-20"]'));
  await afterNextPaint(page);
  assert.equal(new URL(page.url()).searchParams.get('view'), null);

  const verneri = await open(browser.context, server.url + '/?view=links&person=chiplet');
  const hrefs = await verneri.$$eval('.links-view li > a.ext', (as) => as.map((a) => a.getAttribute('href')).sort());
  assert.deepEqual(hrefs, [
    'https://github.com/89luca89/distrobox',
    'https://github.com/chiplet/vernerin-kontit/blob/main/racklet-hw-env/Containerfile',
    'https://www.shelly.com/en-fi/products/product-overview/shelly-plus-plug-s',
  ]);
});
