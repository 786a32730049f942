// Workspaces: the workspace list, creating a workspace, the workspace home
// and its members. The list and the home page are found and checked by the
// crawl in site.test.mjs; here are the journeys, and the states a crawl
// cannot reach (a failed create, adding a member).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, login, LANGS } from '../lib/browser.mjs';
import { auditPage } from '../lib/audit.mjs';
import { createAccount } from '../lib/accounts.mjs';
import { addMember } from '../lib/roles.mjs';
import { firstWorkspacePath, withLang } from '../lib/pages.mjs';
import { tabUntil, focusMatches, describeFocus, assertFocusVisible, keyboardLogin } from '../lib/keyboard.mjs';

const env = useServerAndBrowser({
  // A signed-in owner (the demo facilitator) and the demo workspace's path,
  // found before any test creates another workspace.
  setup: async ({ browser, server }) => {
    const owner = await browser.newContext();
    const page = await owner.newPage();
    await login(page, server);
    const workspacePath = await firstWorkspacePath(page, server.baseUrl);
    await page.close();
    return { owner, workspacePath };
  },
});

/** A fresh page of the signed-in owner; `use(page)`, then close. */
async function withOwnerPage(use) {
  const page = await env.setup.owner.newPage();
  try {
    return await use(page);
  } finally {
    await page.close();
  }
}

/** A fresh page in a fresh (signed-out) context; `use(page)`, then close. */
async function withNewContextPage(options, use) {
  const context = await env.browser.newContext(options);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

describe('workspace list', () => {
  for (const lang of LANGS) {
    test(`workspace list after a failed create (${lang})`, () =>
      withOwnerPage(async (page) => {
        await page.goto(`${env.server.baseUrl}${withLang('/workspaces', lang)}`);
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
        await auditPage(page, { what: 'the workspace list with a create error', lang });
      }));
  }

  test('keyboard only: every focus stop on the workspace list shows a focus indicator', (t) =>
    withNewContextPage({ locale: 'fi-FI' }, async (page) => {
      await keyboardLogin(page, env.server);
      // Walk the whole tab order once, until focus leaves the document or wraps.
      const stops = [];
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        const where = await describeFocus(page);
        if (where === '<body>' || (stops.length > 0 && where === stops[0])) break;
        stops.push(where);
        await assertFocusVisible(page, where);
      }
      assert.ok(stops.length >= 5, `expected several focus stops, got: ${stops.join(', ')}`);
      t.diagnostic(`${stops.length} focus stops: ${stops.join(' | ')}`);
    }));
});

describe('workspace home', () => {
  test('keyboard only: open the demo workspace from the list, reach the add-member form', () =>
    withNewContextPage({ locale: 'fi-FI' }, async (page) => {
      await keyboardLogin(page, env.server);

      // Tab to the first workspace card and open it with Enter.
      await tabUntil(page, 'a.card-link', { max: 40 });
      await assertFocusVisible(page, 'the first workspace card link');
      const cardName = (await page.evaluate(() => document.activeElement.textContent)).trim();
      assert.ok(cardName.length > 0, 'the workspace card link has a name');
      await Promise.all([
        page.waitForURL((url) => /^\/workspaces\/[^/]+$/.test(url.pathname)),
        page.keyboard.press('Enter'),
      ]);
      const h1 = page.locator('h1');
      await h1.waitFor({ state: 'visible' });
      assert.equal((await h1.innerText()).trim(), cardName);

      // Keyboard can also reach the add-member form and the role select there.
      await tabUntil(page, '#member-email', { max: 60 });
      await assertFocusVisible(page, 'the add-member e-mail field');
      await page.keyboard.press('Tab');
      assert.ok(await focusMatches(page, '#member-role'), `Tab from member e-mail focused ${await describeFocus(page)}`);
      await assertFocusVisible(page, 'the role select');
    }));
});

describe('members', () => {
  test('the owner adds an existing account as a viewer, who then sees the workspace', async () => {
    const account = await createAccount(env.server, { email: 'lukija@e2e.polku.example', name: 'Lea Lukija' });
    await withOwnerPage(async (page) => {
      await addMember(page, env.server.baseUrl, env.setup.workspacePath, account.email, 'viewer');
      // The page after adding says so; check it like any page.
      await page.getByRole('status').waitFor();
      await auditPage(page, { what: 'the workspace home after adding a member' });
    });
    await withNewContextPage({}, async (page) => {
      await login(page, env.server, account);
      assert.equal(await firstWorkspacePath(page, env.server.baseUrl), env.setup.workspacePath);
      assert.equal(await page.locator('#member-email').count(), 0, 'a viewer gets no add-member form');
    });
  });

  for (const lang of LANGS) {
    test(`adding an e-mail that has no account shows an error (${lang})`, () =>
      withOwnerPage(async (page) => {
        await page.goto(`${env.server.baseUrl}${withLang(env.setup.workspacePath, lang)}`);
        const before = await page.locator('tbody tr').count();
        await page.fill('#member-email', `nobody-${lang}@e2e.polku.example`);
        await Promise.all([
          page.waitForNavigation(),
          page.locator('#member-email').locator('xpath=ancestor::form').locator('button[type="submit"]').click(),
        ]);
        await page.locator('#member-error').waitFor();
        assert.equal(await page.locator('#member-email').getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator('tbody tr').count(), before, 'no member was added');
        await auditPage(page, { what: 'the workspace home with an add-member error', lang });
      }));
  }
});

describe('creating a workspace', () => {
  // Last in this file: the new workspace joins the owner's list.
  test('without JavaScript: create a workspace', () =>
    withNewContextPage({ javaScriptEnabled: false, locale: 'fi-FI' }, async (page) => {
      await login(page, env.server);

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
    }));
});
