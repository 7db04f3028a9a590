// axe-core finds no violations: on the timeline, with filters active, with
// a link preview open, in embed mode, in the Links view, and in dark mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, axeViolations as violations } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the timeline has no axe violations', async () => {
  const page = await open(browser.context, server.url + '/');
  assert.deepEqual(await violations(page), []);
});

test('with filters active (and the hardware list and overview open)', async () => {
  const page = await open(browser.context, server.url + '/?person=orangecms&topic=jh7110&q=kexec');
  await page.locator('details.topics > summary').click();
  await page.locator('details.overview > summary').click();
  await page.locator('svg.chart').waitFor();
  assert.deepEqual(await violations(page), []);
});

test('with a link preview open', async () => {
  const page = await open(browser.context, server.url + '/');
  await page.locator('.meeting a.ext[href="https://github.com/platform-system-interface/dtvis/"]').focus();
  await page.waitForFunction(() => !document.getElementById('link-preview').hidden);
  assert.deepEqual(await violations(page), []);
});

test('in embed mode', async () => {
  const page = await open(browser.context, server.url + '/?embed=1');
  await page.waitForFunction(() => document.querySelector('.app.embed'));
  assert.deepEqual(await violations(page), []);
});

test('in the Links view and with the sources panel open', async () => {
  const page = await open(browser.context, server.url + '/?view=links');
  await page.locator('.sources summary').click();
  assert.deepEqual(await violations(page), []);
});

test('in dark mode', async () => {
  const dark = await launch({ colorScheme: 'dark' });
  try {
    const page = await open(dark.context, server.url + '/?topic=rp2040');
    assert.deepEqual(await violations(page), []);
  } finally {
    await dark.close();
  }
});
