// Target size (WCAG 2.2 SC 2.5.8, minimum): every visible link, button and
// form control is at least 24 x 24 CSS px. Links inside running text (`p a`)
// and the footer's text link are exempt, as the criterion allows for inline
// targets.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launchBrowser, login } from '../lib/browser.mjs';
import { firstWorkspacePath } from '../lib/pages.mjs';

const MIN = 24;
let server;
let browser;
let context;
let workspacePath;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'fi-FI' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function smallTargets(page) {
  return page.evaluate((min) => {
    const small = [];
    let checked = 0;
    for (const el of document.querySelectorAll('a, button, input, select')) {
      if (el.matches('p a, footer a')) continue;
      if (el.matches('input[type="hidden"]')) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      // Not rendered, or the skip link parked off screen until focused.
      if (style.display === 'none' || style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
      if (rect.bottom <= 0 || rect.right <= 0) continue;
      checked += 1;
      if (rect.width < min || rect.height < min) {
        const label = (el.innerText || el.value || el.getAttribute('aria-label') || el.id || '').trim().slice(0, 40);
        small.push(`<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''}> "${label}" is ${rect.width.toFixed(1)} x ${rect.height.toFixed(1)} px`);
      }
    }
    return { small, checked };
  }, MIN);
}

async function check(path, what, viewport) {
  const page = await context.newPage();
  try {
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(`${server.baseUrl}${path}`);
    const { small, checked } = await smallTargets(page);
    assert.ok(checked > 0, `no targets found on ${what}`);
    assert.deepEqual(small, [], `targets smaller than ${MIN} x ${MIN} px on ${what}:\n  ${small.join('\n  ')}`);
  } finally {
    await page.close();
  }
}

describe('target size', () => {
  test('login page', () => check('/login', 'the login page'));
  test('404 page', () => check('/no-such-page', 'the 404 page'));

  describe('signed in', () => {
    before(async () => {
      const page = await context.newPage();
      await login(page, server);
      workspacePath = await firstWorkspacePath(page, server.baseUrl);
      await page.close();
    });
    test('workspace list', () => check('/workspaces', 'the workspace list'));
    test('demo workspace home', () => check(workspacePath, 'the demo workspace home page'));
    test('demo workspace home at 320 px', () =>
      check(workspacePath, 'the demo workspace home page at 320 px', { width: 320, height: 640 }));
  });
});
