// axe-core (WCAG 2.0/2.1 A and AA) on every page of the demo, as a visitor and
// as the demo facilitator, in Finnish, Swedish and English. Any violation fails.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launchBrowser, login, axeViolations, formatViolations, LANGS } from '../lib/browser.mjs';
import { openAndCheckStructure, checkStructure, firstWorkspacePath, withLang } from '../lib/pages.mjs';

let server;
let browser;
let visitor;
let facilitator;
let workspacePath;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  visitor = await browser.newContext();
  facilitator = await browser.newContext();
  const page = await facilitator.newPage();
  await login(page, server);
  workspacePath = await firstWorkspacePath(page, server.baseUrl);
  await page.close();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function assertNoViolations(page, what) {
  const violations = await axeViolations(page);
  assert.equal(
    violations.length,
    0,
    `axe found ${violations.length} WCAG A/AA violation(s) on ${what} (${page.url()}):\n${formatViolations(violations)}`,
  );
}

/** Open a page in a fresh tab of `context`, check its structure, run axe. */
async function audit(context, path, { lang, status = 200, what }) {
  const page = await context.newPage();
  try {
    await openAndCheckStructure(page, `${server.baseUrl}${withLang(path, lang)}`, { status, lang });
    await assertNoViolations(page, what);
  } finally {
    await page.close();
  }
}

for (const lang of LANGS) {
  describe(`visitor pages (${lang})`, () => {
    test(`login (${lang})`, () => audit(visitor, '/login', { lang, what: 'the login page' }));
    test(`accessibility statement (${lang})`, () =>
      audit(visitor, '/accessibility', { lang, what: 'the accessibility statement' }));
    test(`404 page (${lang})`, () =>
      audit(visitor, '/no-such-page', { lang, status: 404, what: 'the 404 page' }));
    test(`a workspace page redirects a visitor to login (${lang})`, async () => {
      const page = await visitor.newPage();
      try {
        await page.goto(`${server.baseUrl}${withLang(workspacePath, lang)}`);
        assert.equal(new URL(page.url()).pathname, '/login');
        await checkStructure(page, { lang });
        await assertNoViolations(page, 'the login page reached by redirect');
      } finally {
        await page.close();
      }
    });
    test(`login page after a failed login (${lang})`, async () => {
      const page = await visitor.newPage();
      try {
        await page.goto(`${server.baseUrl}${withLang('/login', lang)}`);
        await page.fill('#email', `nobody-${lang}@polku.example`);
        await page.fill('#password', 'not the password');
        await Promise.all([page.waitForNavigation(), page.locator('main button[type="submit"]').click()]);
        await page.locator('#login-error').waitFor();
        assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
        await checkStructure(page, { lang });
        await assertNoViolations(page, 'the login page with an error');
      } finally {
        await page.close();
      }
    });
  });

  describe(`facilitator pages (${lang})`, () => {
    test(`workspace list (${lang})`, () =>
      audit(facilitator, '/workspaces', { lang, what: 'the workspace list' }));
    test(`demo workspace home (${lang})`, () =>
      audit(facilitator, workspacePath, { lang, what: 'the demo workspace home page' }));
    test(`accessibility statement (${lang})`, () =>
      audit(facilitator, '/accessibility', { lang, what: 'the accessibility statement (signed in)' }));
    test(`404 page (${lang})`, () =>
      audit(facilitator, '/no-such-page', { lang, status: 404, what: 'the 404 page (signed in)' }));
    test(`workspace list after a failed create (${lang})`, async () => {
      const page = await facilitator.newPage();
      try {
        await page.goto(`${server.baseUrl}${withLang('/workspaces', lang)}`);
        // The browser would refuse an empty required field; drop `required`
        // so the server's own validation and error rendering are exercised.
        await page.locator('#workspace-name').evaluate((el) => el.removeAttribute('required'));
        await page.fill('#workspace-name', '   ');
        await Promise.all([
          page.waitForNavigation(),
          page.locator('#workspace-name').press('Enter'),
        ]);
        await page.locator('#create-error').waitFor();
        assert.equal(await page.locator('#workspace-name').getAttribute('aria-invalid'), 'true');
        await checkStructure(page, { lang });
        await assertNoViolations(page, 'the workspace list with a create error');
      } finally {
        await page.close();
      }
    });
  });
}
