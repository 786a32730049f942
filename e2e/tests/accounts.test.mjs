// Accounts: the login form and its errors, signing in by keyboard only and
// without JavaScript, and a visitor sent to the login page; the account page
// (changing the password by keyboard only, its error and new-token states,
// the revoke confirmation) and password reset links. The login and account
// pages themselves are found and checked by the crawl in site.test.mjs;
// here are the states a crawl cannot reach.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, login, LANGS } from '../lib/browser.mjs';
import { auditPage } from '../lib/audit.mjs';
import { firstWorkspacePath, withLang } from '../lib/pages.mjs';
import { tabUntil, focusMatches, describeFocus, assertFocusVisible, keyboardLogin } from '../lib/keyboard.mjs';
import { createAccount, newPassword, runPolku } from '../lib/accounts.mjs';

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
        await page.locator('#email-error').waitFor();
        assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
        await auditPage(page, { what: 'the login page with an error', lang });
      }));

    test(`the error summary takes focus and its link leads to the field, without JavaScript (${lang})`, () =>
      withVisitorPage({ javaScriptEnabled: false }, async (page) => {
        await page.goto(`${env.server.baseUrl}${withLang('/login', lang)}`);
        await page.fill('#email', `nobody-${lang}@polku.example`);
        await page.fill('#password', 'not the password');
        await Promise.all([page.waitForNavigation(), page.locator('main button[type="submit"]').click()]);
        await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'error-summary');
        const summaryTop = await page.locator('#error-summary').evaluate((el) => el.getBoundingClientRect().top);
        const fieldError = await page.locator('#email-error').evaluate((el) => el.getBoundingClientRect().top);
        const field = await page.locator('#email').evaluate((el) => el.getBoundingClientRect().top);
        assert.ok(summaryTop < fieldError && fieldError < field, 'summary above, message right above its field');
        await page.locator('#error-summary a[href="#email"]').click();
        await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'email');
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
      await page.locator('#email-error').waitFor();
      assert.equal(await page.inputValue('#email'), env.server.email);
      assert.equal(await page.inputValue('#password'), '');
    }));
});

describe('the account page', () => {
  test('keyboard only: change the password from the header link', () =>
    withVisitorPage({ locale: 'fi-FI' }, async (page) => {
      const account = await createAccount(env.server, { email: 'salasana.vaihto@polku.example', name: 'Salla Vaihtaja' });
      await keyboardLogin(page, env.server, account);

      // The header links the account page by the user's name.
      await tabUntil(page, 'a.account-link', { max: 20 });
      await assertFocusVisible(page, 'the account link in the header');
      await Promise.all([page.waitForURL((url) => url.pathname === '/account'), page.keyboard.press('Enter')]);

      const fresh = newPassword();
      await tabUntil(page, '#current-password', { max: 20 });
      await assertFocusVisible(page, 'the current password field');
      await page.keyboard.type(account.password);
      await page.keyboard.press('Tab');
      assert.ok(await focusMatches(page, '#new-password'), `Tab from the current password focused ${await describeFocus(page)}`);
      await page.keyboard.type(fresh);
      await page.keyboard.press('Tab');
      assert.ok(await focusMatches(page, '#new-password-again'), `Tab from the new password focused ${await describeFocus(page)}`);
      await page.keyboard.type(fresh);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/account' && url.searchParams.get('notice') === 'password_changed'),
        page.keyboard.press('Enter'),
      ]);
      await page.locator('main [role="status"]').waitFor();

      // The new password works in another browser; the old one does not.
      await withVisitorPage({}, async (other) => {
        await login(other, env.server, { email: account.email, password: fresh });
      });
      await withVisitorPage({}, async (other) => {
        await other.goto(`${env.server.baseUrl}/login`);
        await other.fill('#email', account.email);
        await other.fill('#password', account.password);
        await Promise.all([other.waitForNavigation(), other.locator('main button[type="submit"]').click()]);
        await other.locator('#email-error').waitFor();
      });
    }));

  for (const lang of LANGS) {
    test(`a refused password change and a new token (${lang})`, () =>
      withVisitorPage({}, async (page) => {
        const account = await createAccount(env.server, { email: `tili-${lang}@polku.example`, name: `Tili ${lang}` });
        await login(page, env.server, account);
        await page.goto(`${env.server.baseUrl}${withLang('/account', lang)}`);
        await page.fill('#current-password', 'not the password');
        await page.fill('#new-password', newPassword());
        await page.fill('#new-password-again', newPassword());
        await Promise.all([page.waitForNavigation(), page.locator('#password-heading ~ form button[type="submit"]').click()]);
        await page.locator('#current-password-error').waitFor();
        assert.equal(await page.locator('#current-password').getAttribute('aria-invalid'), 'true');
        await auditPage(page, { what: 'the account page with a password error', lang });

        await page.goto(`${env.server.baseUrl}${withLang('/account', lang)}`);
        await page.fill('#token-name', 'Raportit');
        await page.selectOption('#token-days', '30');
        await Promise.all([page.waitForNavigation(), page.locator('#new-token-heading ~ form button[type="submit"]').click()]);
        const secret = await page.inputValue('#new-token-secret');
        assert.match(secret, /^polku_[0-9a-f]{64}$/);
        await auditPage(page, { what: 'the account page showing a new token', lang });

        await Promise.all([page.waitForNavigation(), page.locator('table a.button.danger').first().click()]);
        assert.match(new URL(page.url()).pathname, /^\/account\/tokens\/[0-9a-f-]+\/revoke$/);
        await auditPage(page, { what: 'the token revoke confirmation', lang });
      }));
  }

  test('a reset link sets a new password once', () =>
    withVisitorPage({ locale: 'sv-FI' }, async (page) => {
      const account = await createAccount(env.server, { email: 'unohtaja@polku.example', name: 'Unto Unohtaja' });
      const path = (await runPolku(['user', 'reset', '--email', account.email, '--database', env.server.databaseUrl])).trim();
      assert.match(path, /^\/reset\/[0-9a-f]{64}$/);
      await page.goto(`${env.server.baseUrl}${path}`);
      await auditPage(page, { what: 'the password reset form', lang: 'sv' });
      const fresh = newPassword();
      await page.fill('#new-password', fresh);
      await page.fill('#new-password-again', fresh);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('notice') === 'password_reset'),
        page.locator('main button[type="submit"]').click(),
      ]);
      await login(page, env.server, { email: account.email, password: fresh });
      const used = await page.goto(`${env.server.baseUrl}${path}`);
      assert.equal(used.status(), 410);
      await auditPage(page, { what: 'a used reset link', lang: 'sv' });
    }));
});
