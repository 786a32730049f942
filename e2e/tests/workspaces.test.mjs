// Workspaces: the workspace list, creating a workspace, the workspace home
// and its members, and joining by invitation. The list, the home page, the
// audit trail and the withdraw page of the demo's pending invitation are
// found and checked by the crawl in site.test.mjs; here are the journeys, and
// the states a crawl cannot reach (a failed create, an invitation link, the
// invitation page as a visitor, a signed-in stranger and after an error, a
// refused role change).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, login, LANGS } from '../lib/browser.mjs';
import { auditPage } from '../lib/audit.mjs';
import { createAccount } from '../lib/accounts.mjs';
import { addMember, invite, acceptInvitation } from '../lib/roles.mjs';
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
        await page.locator('#new-workspace-name').evaluate((el) => el.removeAttribute('required'));
        await page.fill('#new-workspace-name', '   ');
        await Promise.all([
          page.waitForNavigation(),
          page.locator('#new-workspace-name').press('Enter'),
        ]);
        await page.locator('#new-workspace-name-error').waitFor();
        assert.equal(await page.locator('#new-workspace-name').getAttribute('aria-invalid'), 'true');
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
  test('keyboard only: open the demo workspace from the list, reach the invite form', () =>
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

      // Keyboard can also reach the invite form and the role select there.
      await tabUntil(page, '#invite-email', { max: 80 });
      await assertFocusVisible(page, 'the invite e-mail field');
      await page.keyboard.press('Tab');
      assert.ok(await focusMatches(page, '#invite-role'), `Tab from invite e-mail focused ${await describeFocus(page)}`);
      await assertFocusVisible(page, 'the role select');
    }));
});

/** The members table row of `email` on `page`. */
function memberRow(page, email) {
  return page.locator('tr', { has: page.locator('td', { hasText: email }) });
}

describe('members and invitations', () => {
  test('the owner invites an existing account as a viewer, who accepts and sees the workspace without e-mails', async () => {
    const account = await createAccount(env.server, { email: 'lukija@e2e.polku.example', name: 'Lea Lukija' });
    let link;
    await withOwnerPage(async (page) => {
      link = await invite(page, env.server.baseUrl, env.setup.workspacePath, account.email, 'viewer');
      // The page with the link to pass on says Polku sends no mail; check it like any page.
      await page.getByRole('status').waitFor();
      await auditPage(page, { what: 'the invitation link page' });
    });
    await withNewContextPage({}, async (page) => {
      await login(page, env.server, account);
      await page.goto(link);
      await auditPage(page, { what: 'the invitation page for the invited account' });
      await acceptInvitation(page, link, env.setup.workspacePath);
      await page.getByRole('status').waitFor();
      assert.equal(await page.locator('#invite-email').count(), 0, 'a viewer gets no invite form');
      assert.equal(await page.locator('main select').count(), 0, 'a viewer gets no role forms');
      assert.ok(!(await page.locator('main').innerText()).includes('@'), 'a viewer sees no e-mail addresses');
    });
  });

  for (const lang of LANGS) {
    test(`inviting a malformed address shows the error beside the field (${lang})`, () =>
      withOwnerPage(async (page) => {
        await page.goto(`${env.server.baseUrl}${withLang(env.setup.workspacePath, lang)}`);
        // The browser would refuse it; drop `type=email` so the server's own
        // validation and error rendering are exercised.
        await page.locator('#invite-email').evaluate((el) => el.setAttribute('type', 'text'));
        await page.fill('#invite-email', `ei-osoite-${lang}`);
        await page.selectOption('#invite-role', 'facilitator');
        await Promise.all([
          page.waitForNavigation(),
          page.locator('#invite-email').locator('xpath=ancestor::form').locator('button[type="submit"]').click(),
        ]);
        await page.locator('#invite-email-error').waitFor();
        assert.equal(await page.locator('#invite-email').getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator('#invite-email').inputValue(), `ei-osoite-${lang}`, 'the typed text is kept');
        assert.equal(await page.locator('#invite-role').inputValue(), 'facilitator', 'the chosen role is kept');
        await auditPage(page, { what: 'the invitations page with an invite error', lang });
      }));

    test(`the invitation page for a visitor, and after a sign-up error (${lang})`, async () => {
      const email = `uusi-${lang}@e2e.polku.example`;
      const link = await withOwnerPage((page) => invite(page, env.server.baseUrl, env.setup.workspacePath, email, 'viewer'));
      await withNewContextPage({}, async (page) => {
        await page.goto(withLang(link, lang));
        await auditPage(page, { what: 'the invitation page for a visitor', lang });
        assert.equal(await page.locator('#signup-email').inputValue(), email, 'the account is for the invited address');
        await page.fill('#signup-name', 'Uusi Ihminen');
        await page.fill('#signup-password', 'kirjava-Harakka-lentää-58');
        await page.fill('#signup-password-again', 'kirjava-Harakka-lentää-59');
        await Promise.all([
          page.waitForNavigation(),
          page.locator('#signup-name').locator('xpath=ancestor::form').locator('button[type="submit"]').click(),
        ]);
        await page.locator('#signup-password-again-error').waitFor();
        assert.equal(await page.locator('#signup-password-again').getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator('#signup-name').inputValue(), 'Uusi Ihminen', 'the typed name is kept');
        await auditPage(page, { what: 'the invitation page with a sign-up error', lang });
      });
    });
  }

  test('without JavaScript: a new person creates an account through the link and joins', async () => {
    const email = 'uusi-ilman-js@e2e.polku.example';
    const link = await withOwnerPage((page) => invite(page, env.server.baseUrl, env.setup.workspacePath, email, 'viewer'));
    await withNewContextPage({ javaScriptEnabled: false, locale: 'fi-FI' }, async (page) => {
      await page.goto(link);
      await page.fill('#signup-name', 'Uusi Ihminen');
      await page.fill('#signup-password', 'kirjava-Harakka-lentää-58');
      await page.fill('#signup-password-again', 'kirjava-Harakka-lentää-58');
      await Promise.all([
        page.waitForURL((url) => url.pathname === env.setup.workspacePath),
        page.locator('#signup-name').locator('xpath=ancestor::form').locator('button[type="submit"]').click(),
      ]);
      await page.getByRole('status').waitFor();
      assert.ok((await page.locator('header').innerText()).includes('Uusi Ihminen'), 'signed in as the new account');
    });
  });

  test('a signed-in stranger cannot accept another address\'s invitation', async () => {
    const account = await createAccount(env.server, { email: 'vieras@e2e.polku.example', name: 'Veli Vieras' });
    const link = await withOwnerPage((page) =>
      invite(page, env.server.baseUrl, env.setup.workspacePath, 'joku-muu@e2e.polku.example', 'viewer'));
    await withNewContextPage({}, async (page) => {
      await login(page, env.server, account);
      await page.goto(link);
      await page.locator('#invitation-other-account').waitFor();
      assert.equal(await page.locator('main form[action$="/accept"]').count(), 0, 'no accept button');
      await auditPage(page, { what: 'the invitation page for another account' });
    });
  });

  test('without JavaScript: withdraw an invitation on its own confirmation page', () =>
    withNewContextPage({ javaScriptEnabled: false }, async (page) => {
      await login(page, env.server);
      const email = 'peruttava@e2e.polku.example';
      const link = await invite(page, env.server.baseUrl, env.setup.workspacePath, email, 'facilitator');
      await page.goto(`${env.server.baseUrl}${env.setup.workspacePath}`);
      const item = page.locator('#pending-invitations li', { hasText: email });
      await Promise.all([
        page.waitForURL((url) => url.pathname.endsWith('/withdraw')),
        item.locator('a').click(),
      ]);
      await Promise.all([
        page.waitForURL((url) => url.pathname === env.setup.workspacePath),
        page.locator('main form button[type="submit"]').click(),
      ]);
      await page.getByRole('status').waitFor();
      assert.equal(await page.locator('#pending-invitations li', { hasText: email }).count(), 0);
      const response = await page.goto(link);
      assert.equal(response.status(), 410, 'the withdrawn link no longer works');
    }));

  test('change a role, and the last owner keeps theirs', async () => {
    const account = await createAccount(env.server, { email: 'roolit@e2e.polku.example', name: 'Rauni Roolinen' });
    await withNewContextPage({}, async (memberPage) => {
      await login(memberPage, env.server, account);
      await withNewContextPage({}, async (page) => {
        await login(page, env.server);
        await addMember(page, memberPage, env.server.baseUrl, env.setup.workspacePath, account, 'viewer');
        await memberRow(page, account.email).locator('select').selectOption('facilitator');
        await Promise.all([page.waitForNavigation(), memberRow(page, account.email).locator('form button').first().click()]);
        await page.getByRole('status').waitFor();
        assert.equal(await memberRow(page, account.email).locator('select').inputValue(), 'facilitator');

        const own = memberRow(page, env.server.email);
        await own.locator('select').selectOption('viewer');
        await Promise.all([page.waitForNavigation(), own.locator('form button').first().click()]);
        const select = memberRow(page, env.server.email).locator('select');
        assert.equal(await select.getAttribute('aria-invalid'), 'true', 'the error is beside the select');
        assert.equal(await select.inputValue(), 'viewer', 'the chosen role is kept');
        await auditPage(page, { what: 'the workspace home with a refused role change' });
      });
    });
  });

  test('without JavaScript: remove a member on a confirmation page of its own', async () => {
    const account = await createAccount(env.server, { email: 'poistettava@e2e.polku.example', name: 'Pentti Poistettava' });
    await withNewContextPage({}, async (memberPage) => {
      await login(memberPage, env.server, account);
      await withNewContextPage({ javaScriptEnabled: false }, async (page) => {
        await login(page, env.server);
        await addMember(page, memberPage, env.server.baseUrl, env.setup.workspacePath, account, 'viewer');
        await Promise.all([
          page.waitForURL((url) => url.pathname.endsWith('/remove')),
          memberRow(page, account.email).locator('a.button.danger').click(),
        ]);
        assert.match(await page.locator('h1').innerText(), /Pentti Poistettava/);
        // Cancelling changes nothing.
        await Promise.all([
          page.waitForURL((url) => url.pathname === env.setup.workspacePath),
          page.locator('main form a.button.secondary').click(),
        ]);
        assert.equal(await memberRow(page, account.email).count(), 1, 'still a member after cancelling');
        await Promise.all([
          page.waitForURL((url) => url.pathname.endsWith('/remove')),
          memberRow(page, account.email).locator('a.button.danger').click(),
        ]);
        await Promise.all([
          page.waitForURL((url) => url.pathname === env.setup.workspacePath),
          page.locator('main form button[type="submit"]').click(),
        ]);
        await page.getByRole('status').waitFor();
        assert.equal(await memberRow(page, account.email).count(), 0, 'removed');
      });
    });
  });
});

describe('privacy settings', () => {
  /** The owner's settings page, reached from the workspace home by its link. */
  async function openSettings(page, lang) {
    await page.goto(`${env.server.baseUrl}${withLang(env.setup.workspacePath, lang)}`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === `${env.setup.workspacePath}/settings`),
      page.locator(`main a[href="${env.setup.workspacePath}/settings"]`).click(),
    ]);
  }

  /** Types both settings and sends the form with its button. */
  async function submitSettings(page, threshold, months) {
    await page.fill('#settings-small-group-threshold', threshold);
    await page.fill('#settings-retention-months', months);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('#workspace-settings button[type="submit"]').click(),
    ]);
  }

  /** The error beside the threshold field, with what was typed kept. */
  async function assertThresholdError(page) {
    const field = page.locator('#settings-small-group-threshold');
    await page.locator('#settings-small-group-threshold-error').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match(await field.getAttribute('aria-describedby'), /settings-small-group-threshold-error/);
    assert.equal(await field.inputValue(), '2', 'what was typed is kept');
    assert.equal(await page.locator('#settings-retention-months').inputValue(), '12');
    assert.equal(await page.locator('#settings-retention-months-error').count(), 0, 'no error on the good field');
  }

  // axe runs in the page, so the audits use the signed-in owner's page
  // (JavaScript on); the journey below is without JavaScript.
  for (const lang of LANGS) {
    test(`the settings page, and a threshold out of range beside its field (${lang})`, () =>
      withOwnerPage(async (page) => {
        await openSettings(page, lang);
        await auditPage(page, { what: 'the privacy settings page', lang });
        await submitSettings(page, '2', '12');
        await assertThresholdError(page);
        await auditPage(page, { what: 'the privacy settings page with an error', lang });
      }));
  }

  test('without JavaScript: an owner fixes a wrong threshold, saves, and the home page tells every member', () =>
    withNewContextPage({ javaScriptEnabled: false, locale: 'fi-FI' }, async (page) => {
      await login(page, env.server);
      await openSettings(page, 'fi');
      await submitSettings(page, '2', '12');
      await assertThresholdError(page);
      await submitSettings(page, '6', '24');
      assert.equal(new URL(page.url()).searchParams.get('notice'), 'saved');
      await page.locator('#settings-saved').waitFor();
      assert.equal(await page.locator('#settings-small-group-threshold').inputValue(), '6');
      assert.equal(await page.locator('#settings-retention-months').inputValue(), '24');
      await page.goto(`${env.server.baseUrl}${env.setup.workspacePath}`);
      assert.match(await page.locator('#privacy-summary').innerText(), /alle 6.*24 kuukauden/s);
      // Back to the defaults, for the rest of the file.
      await openSettings(page, 'fi');
      await submitSettings(page, '5', '12');
      await page.locator('#settings-saved').waitFor();
    }));
});

describe('creating a workspace', () => {
  // Last in this file: the new workspace joins the owner's list.
  test('without JavaScript: create a workspace', () =>
    withNewContextPage({ javaScriptEnabled: false, locale: 'fi-FI' }, async (page) => {
      await login(page, env.server);

      const name = `Työpaja ilman JavaScriptiä ${Date.now()} – Åbo & Närpes`;
      await page.fill('#new-workspace-name', name);
      await Promise.all([
        page.waitForURL((url) => /^\/workspaces\/[^/]+$/.test(url.pathname)),
        page.locator('#new-workspace-name').locator('xpath=ancestor::form').locator('button[type="submit"]').click(),
      ]);
      assert.equal((await page.locator('h1').innerText()).trim(), name);
      // The new workspace's page says it was created.
      assert.equal(new URL(page.url()).searchParams.get('notice'), 'created');
      assert.equal(await page.locator('main .alert.success[role="status"]').count(), 1, 'a success notice');
      const workspaceUrl = new URL(page.url());
      workspaceUrl.search = '';

      // The new workspace is listed, and its card link leads back to it.
      await page.goto(`${env.server.baseUrl}/workspaces`);
      const card = page.locator('a.card-link', { hasText: name });
      assert.equal(await card.count(), 1, 'the new workspace appears once in the list');
      assert.equal(new URL(await card.getAttribute('href'), env.server.baseUrl).href, workspaceUrl.href);
    }));
});

/**
 * In the page: what is wrong with the table `selector` at this width. Its rows
 * must be stacked cards (cells one below the other, each labelled); no element
 * inside a cell may stick out of it, nothing may scroll sideways, and no word
 * of a cell's text may be split across lines (a word with client rects on two
 * lines); a word ends at white space or a hyphen, where a line may break
 * ("Wahlström-|Järvenpää" is fine, "Wahlst|röm" is not). Only an e-mail cell (td.email) may wrap inside its one long "word".
 */
function narrowTableProblems(selector) {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
  const table = document.querySelector(selector);
  if (!table) return [`no ${selector}`];
  const hidden = (el) => el.closest('.visually-hidden, select, option');
  for (const row of table.querySelectorAll('tbody tr')) {
    let previous = null;
    for (const cell of row.querySelectorAll(':scope > th, :scope > td')) {
      const c = cell.getBoundingClientRect();
      const what = `${cell.tagName.toLowerCase()}[data-label="${cell.dataset.label}"] "${cell.innerText.trim().slice(0, 40)}"`;
      if (!cell.dataset.label || !getComputedStyle(cell, '::before').content.includes(cell.dataset.label)) {
        problems.push(`${what} shows no label`);
      }
      if (previous && c.top < previous.bottom - 1) problems.push(`${what} is beside the cell before it, not below`);
      previous = c;
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${what} overflows (${cell.scrollWidth} > ${cell.clientWidth})`);
      for (const el of cell.querySelectorAll('*')) {
        if (hidden(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < c.left - 0.5 || r.right > c.right + 0.5) {
          problems.push(`<${el.tagName.toLowerCase()}> in ${what} is wider than its cell (${r.left}–${r.right} outside ${c.left}–${c.right})`);
        }
      }
      if (cell.matches('td.email')) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (hidden(node.parentElement)) continue;
        for (const m of node.data.matchAll(/[^\s\u002d\u2010]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`the word "${m[0]}" in ${what} is split across ${lines.size} lines`);
        }
      }
    }
  }
  return problems;
}

describe('tables on narrow screens', () => {
  // After the other member tests: this adds a member with a long name and address.
  test('the members table is stacked rows at 320 and 360 px, no overflow, no word split', async () => {
    const account = await createAccount(env.server, {
      email: 'maria-kristiina.wahlstrom-jarvenpaa@kansalaisopisto-esimerkki.example',
      name: 'Maria-Kristiina Wahlström-Järvenpää',
    });
    await withOwnerPage(async (ownerPage) => {
      await withNewContextPage({}, async (memberPage) => {
        await login(memberPage, env.server, account);
        await addMember(ownerPage, memberPage, env.server.baseUrl, env.setup.workspacePath, account, 'viewer');
      });
      for (const lang of LANGS) {
        for (const width of [320, 360]) {
          await ownerPage.setViewportSize({ width, height: 800 });
          await ownerPage.goto(`${env.server.baseUrl}${withLang(env.setup.workspacePath, lang)}`);
          const problems = await ownerPage.evaluate(narrowTableProblems, '#members-table');
          assert.deepEqual(problems, [], `the members table at ${width} px (${lang})`);
        }
      }
      await auditPage(ownerPage, { what: 'the workspace page at 360 px' });
    });
  });

  test('the tokens table on the account page is stacked rows at 320 px', () =>
    withOwnerPage(async (page) => {
      await page.goto(`${env.server.baseUrl}/account`);
      await page.fill('#token-name', 'Raportointityökalun rajapintayhteys');
      await Promise.all([page.waitForNavigation(), page.locator('#token-name').press('Enter')]);
      for (const width of [320, 360]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${env.server.baseUrl}${withLang('/account', 'fi')}`);
        const problems = await page.evaluate(narrowTableProblems, '#tokens-table');
        assert.deepEqual(problems, [], `the tokens table at ${width} px`);
      }
    }));
});
