// With JavaScript turned off, signing in and creating a workspace still work:
// the app is plain HTML forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from '../lib/browser.mjs';

const env = useServerAndBrowser();

test('without JavaScript: sign in and create a workspace', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, locale: 'fi-FI' });
  const page = await context.newPage();
  try {
    await page.goto(`${env.server.baseUrl}/login`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fi');

    await page.fill('#email', env.server.email);
    await page.fill('#password', env.server.password);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/workspaces'),
      page.locator('main button[type="submit"]').click(),
    ]);

    const name = `Työpaja ilman JavaScriptiä ${Date.now()} – Åbo & Närpes`;
    await page.fill('#workspace-name', name);
    await Promise.all([
      page.waitForURL((url) => /^\/workspaces\/[^/]+$/.test(url.pathname)),
      page.locator('#workspace-name').locator('xpath=ancestor::form').locator('button[type="submit"]').click(),
    ]);
    assert.equal((await page.locator('h1').innerText()).trim(), name);
    const workspaceUrl = page.url();

    // The new workspace is listed, and its card link leads back to it.
    await page.goto(`${env.server.baseUrl}/workspaces`);
    const card = page.locator('a.card-link', { hasText: name });
    assert.equal(await card.count(), 1, 'the new workspace appears once in the list');
    assert.equal(new URL(await card.getAttribute('href'), env.server.baseUrl).href, workspaceUrl);
  } finally {
    await context.close();
  }
});

test('without JavaScript: a wrong password shows an error and keeps the e-mail', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await page.goto(`${env.server.baseUrl}/login`);
    await page.fill('#email', env.server.email);
    await page.fill('#password', 'wrong password');
    await Promise.all([page.waitForNavigation(), page.locator('main button[type="submit"]').click()]);
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.locator('#login-error').waitFor();
    assert.equal(await page.inputValue('#email'), env.server.email);
    assert.equal(await page.inputValue('#password'), '');
  } finally {
    await context.close();
  }
});
