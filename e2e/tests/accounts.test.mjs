// Accounts: the login form and its errors, signing in by keyboard only and
// without JavaScript, and a visitor sent to the login page. The login page
// itself is found and checked by the crawl in site.test.mjs; here are the
// states a crawl cannot reach.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, login, LANGS } from '../lib/browser.mjs';
import { auditPage } from '../lib/audit.mjs';
import { firstWorkspacePath, withLang } from '../lib/pages.mjs';
import { tabUntil, focusMatches, describeFocus, assertFocusVisible } from '../lib/keyboard.mjs';

const env = useServerAndBrowser({
  // The demo workspace's path, to try as a visitor.
  setup: async ({ browser, server }) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await login(page, server);
      return { workspacePath: await firstWorkspacePath(page, server.baseUrl) };
    } finally {
      await context.close();
    }
  },
});

/** A fresh page in a fresh (signed-out) context; `use(page)`, then close. */
async function withVisitorPage(options, use) {
  const context = await env.browser.newContext(options);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

describe('login page states (accessibility)', () => {
  for (const lang of LANGS) {
    test(`login page after a failed login (${lang})`, () =>
      withVisitorPage({}, async (page) => {
        await page.goto(`${env.server.baseUrl}${withLang('/login', lang)}`);
        await page.fill('#email', `nobody-${lang}@polku.example`);
        await page.fill('#password', 'not the password');
        await Promise.all([page.waitForNavigation(), page.locator('main button[type="submit"]').click()]);
        await page.locator('#login-error').waitFor();
        assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
        await auditPage(page, { what: 'the login page with an error', lang });
      }));

    test(`a workspace page redirects a visitor to login (${lang})`, () =>
      withVisitorPage({}, async (page) => {
        await page.goto(`${env.server.baseUrl}${withLang(env.setup.workspacePath, lang)}`);
        assert.equal(new URL(page.url()).pathname, '/login');
        await auditPage(page, { what: 'the login page reached by redirect', lang });
      }));
  }
});

test('keyboard only: skip link, then sign in', () =>
  withVisitorPage({ locale: 'fi-FI' }, async (page) => {
    await page.goto(`${env.server.baseUrl}/login`);

    // The skip link (checked on every page by site.test.mjs) leads past the header.
    await page.keyboard.press('Tab');
    assert.ok(await focusMatches(page, 'a.skip-link'), `first Tab focused ${await describeFocus(page)}, not the skip link`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'main');

    // The next stop is the e-mail field: type, Tab to password, type, Enter.
    await tabUntil(page, '#email', { max: 5 });
    await assertFocusVisible(page, 'the e-mail field');
    await page.keyboard.type(env.server.email);
    await page.keyboard.press('Tab');
    assert.ok(await focusMatches(page, '#password'), `Tab from e-mail focused ${await describeFocus(page)}, not the password field`);
    await assertFocusVisible(page, 'the password field');
    await page.keyboard.type(env.server.password);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/workspaces'),
      page.keyboard.press('Enter'),
    ]);
  }));

describe('without JavaScript', () => {
  test('without JavaScript: sign in', () =>
    withVisitorPage({ javaScriptEnabled: false, locale: 'fi-FI' }, async (page) => {
      await page.goto(`${env.server.baseUrl}/login`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'fi');
      await page.fill('#email', env.server.email);
      await page.fill('#password', env.server.password);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/workspaces'),
        page.locator('main button[type="submit"]').click(),
      ]);
    }));

  test('without JavaScript: a wrong password shows an error and keeps the e-mail', () =>
    withVisitorPage({ javaScriptEnabled: false, locale: 'en-GB' }, async (page) => {
      await page.goto(`${env.server.baseUrl}/login`);
      await page.fill('#email', env.server.email);
      await page.fill('#password', 'wrong password');
      await Promise.all([page.waitForNavigation(), page.locator('main button[type="submit"]').click()]);
      assert.equal(new URL(page.url()).pathname, '/login');
      await page.locator('#login-error').waitFor();
      assert.equal(await page.inputValue('#email'), env.server.email);
      assert.equal(await page.inputValue('#password'), '');
    }));
});
