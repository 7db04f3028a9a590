// Hostile notes are inert: raw HTML, script and data links and enormous
// lines render as text or not at all, and no script runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshotPath } from './lib.mjs';

const HOSTILE = `# Hostile notes

<script>window.__pwned = 'intro script'</script>

# August 20, 2024 4:00 PM UTC

:::info
- **Host:** @twelho <img src=x onerror="window.__pwned='host img'">
- **Participants:**
    - Mallory <script>window.__pwned='participant'</script>, @mallory
:::

## Biweekly Recap

### Mallory

- inline <img src=x onerror="window.__pwned='img onerror'"> image
- an <iframe src="javascript:window.__pwned='iframe'"></iframe> frame
- [click me](javascript:window.__pwned='js link') and [data](data:text/html,<script>alert(1)</script>) and [vb](vbscript:msgbox)
- ![img](javascript:window.__pwned='img src') and <a href="javascript:window.__pwned='raw a'">raw anchor</a>
- <svg onload="window.__pwned='svg'"></svg> and <style>body{display:none}</style>
- ${'A'.repeat(200000)}

<div onmouseover="window.__pwned='div'">raw block html</div>
`;

let server, browser;
before(async () => {
  server = await serve(undefined, {
    routes: { '/hostile.md': (req, res) => { res.writeHead(200, { 'content-type': 'text/markdown' }); res.end(HOSTILE); } },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('a hostile document renders as text and runs no script', async () => {
  const page = await open(browser.context, server.url + '/?src=/hostile.md');
  await page.waitForFunction(() => document.querySelector('.count')?.textContent === '1 meeting');
  const article = page.locator('article[data-meeting-date="2024-08-20"]');
  // Hover and click everything that could carry a handler.
  for (const el of await article.locator('.inert-link, .raw-html, li').all()) {
    await el.hover({ force: true }).catch(() => {});
  }
  for (const el of await article.locator('.inert-link').all()) await el.click({ force: true });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script from the notes ran');
  assert.equal(await page.locator('.app script, .app iframe, .app svg, .app style, .app [onerror], .app [onload], .app [onmouseover]').count(), 0);
  const hrefs = await page.$$eval('.app a[href]', (as) => as.map((a) => a.getAttribute('href')));
  // Links from the notes are http(s) or mailto; the page's own are anchors and person pages.
  for (const h of hrefs) assert.match(h, /^(https?:|mailto:|#|\?view=person&person=[a-z0-9-]+$|feed\.xml$|meetings\.ics$)/, h);
  const text = await article.textContent();
  assert.ok(text.includes('<iframe src="javascript:'), 'raw HTML is shown as text');
  assert.ok(text.includes('raw block html'));
  assert.ok((await page.locator('.inert-link').count()) >= 2, 'script/data/vbscript links are inert text');
  // The enormous line wraps inside the card instead of widening the page.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px too wide`);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: screenshotPath('hostile') });
});
