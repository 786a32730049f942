// The language switcher: a choice sets <html lang> and is remembered on the
// next page, before and after signing in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, login } from '../lib/browser.mjs';

const env = useServerAndBrowser();

const htmlLang = (page) => page.locator('html').getAttribute('lang');

test('without a choice the language follows Accept-Language, else Finnish', async () => {
  for (const [locale, expected] of [['sv-FI', 'sv'], ['en-GB', 'en'], ['de-DE', 'fi']]) {
    const context = await env.browser.newContext({ locale });
    const page = await context.newPage();
    try {
      await page.goto(`${env.server.baseUrl}/login`);
      assert.equal(await htmlLang(page), expected, `Accept-Language from locale ${locale}`);
    } finally {
      await context.close();
    }
  }
});

test('clicking "På svenska" switches to Swedish and the choice is remembered', async () => {
  const context = await env.browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  try {
    await page.goto(`${env.server.baseUrl}/login`);
    assert.equal(await htmlLang(page), 'fi');

    const switcher = page.locator('nav.lang-nav');
    const swedish = switcher.getByRole('link', { name: 'På svenska' });
    assert.equal(await swedish.getAttribute('lang'), 'sv', 'the link text is marked as Swedish');
    await Promise.all([page.waitForURL(/[?&]lang=sv/), swedish.click()]);
    assert.equal(await htmlLang(page), 'sv');
    assert.equal(new URL(page.url()).pathname, '/login', 'switching keeps the page');
    assert.equal(await switcher.locator('a[aria-current="true"]').getAttribute('lang'), 'sv', 'the current language is marked');

    // The next page, without ?lang, is still in Swedish...
    await page.goto(`${env.server.baseUrl}/accessibility`);
    assert.equal(await htmlLang(page), 'sv');

    // ...and so is the app after signing in.
    await login(page, env.server);
    assert.equal(new URL(page.url()).search, '');
    assert.equal(await htmlLang(page), 'sv');

    // Switching back to Finnish is remembered the same way.
    await Promise.all([
      page.waitForURL(/[?&]lang=fi/),
      page.locator('nav.lang-nav a[lang="fi"]').click(),
    ]);
    assert.equal(await htmlLang(page), 'fi');
    await page.goto(`${env.server.baseUrl}/workspaces`);
    assert.equal(await htmlLang(page), 'fi');
  } finally {
    await context.close();
  }
});
