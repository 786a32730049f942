// Workspace roles for tests: the owner adds members through the members form
// on the workspace page, and one browser context per role is signed in.
import assert from 'node:assert/strict';
import { login } from './browser.mjs';
import { createAccount } from './accounts.mjs';
import { firstWorkspacePath } from './pages.mjs';

/**
 * As the signed-in owner on `page`, add the existing account `email` to the
 * workspace at `workspacePath` with `role` through the add-member form, and
 * check that the members table then lists it with that role.
 */
export async function addMember(page, baseUrl, workspacePath, email, role) {
  await page.goto(`${baseUrl}${workspacePath}`);
  const roleLabel = (await page.locator(`#member-role option[value="${role}"]`).innerText()).trim();
  await page.fill('#member-email', email);
  await page.selectOption('#member-role', role);
  await Promise.all([
    page.waitForNavigation(),
    page.locator('#member-email').locator('xpath=ancestor::form').locator('button[type="submit"]').click(),
  ]);
  assert.equal(new URL(page.url()).pathname, workspacePath, `adding ${email} leads back to the workspace page`);
  const row = page.locator('tr', { has: page.locator('td', { hasText: email }) });
  assert.equal(await row.count(), 1, `${email} is listed once among the members`);
  const cells = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
  assert.ok(cells.includes(roleLabel), `${email} is listed with the role "${roleLabel}"; its cells: ${cells.join(' | ')}`);
}

/**
 * One browser context per role, for the demo workspace: an anonymous visitor,
 * its owner (the demo facilitator), and a facilitator and a viewer whose
 * accounts are created with `polku user add` and added by the owner.
 * Returns { workspacePath, contexts: { anonymous, owner, facilitator, viewer }, accounts }.
 */
export async function signedInRoles(browser, server) {
  const contexts = { anonymous: await browser.newContext() };
  contexts.owner = await browser.newContext();
  const ownerPage = await contexts.owner.newPage();
  const accounts = { owner: { email: server.email, password: server.password } };
  let workspacePath;
  try {
    await login(ownerPage, server);
    workspacePath = await firstWorkspacePath(ownerPage, server.baseUrl);
    for (const [role, name] of [['facilitator', 'Fanni Fasilitaattori'], ['viewer', 'Ville Lukija']]) {
      const account = await createAccount(server, { email: `${role}@e2e.polku.example`, name });
      await addMember(ownerPage, server.baseUrl, workspacePath, account.email, role);
      contexts[role] = await browser.newContext();
      const page = await contexts[role].newPage();
      await login(page, server, account);
      await page.close();
      accounts[role] = account;
    }
  } finally {
    await ownerPage.close();
  }
  return { workspacePath, contexts, accounts };
}
