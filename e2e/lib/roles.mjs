// Workspace roles for tests: the owner invites through the invite form on the
// workspace page, the invited account accepts the link, and one browser
// context per role is signed in.
import assert from 'node:assert/strict';
import { login } from './browser.mjs';
import { createAccount } from './accounts.mjs';
import { firstWorkspacePath } from './pages.mjs';

/**
 * As the signed-in owner (or facilitator) on `page`, invite `email` to the
 * workspace at `workspacePath` with `role` through the invite form on the
 * workspace page. Returns the invitation link the page then shows to pass on.
 */
export async function invite(page, baseUrl, workspacePath, email, role) {
  await page.goto(`${baseUrl}${workspacePath}`);
  await page.fill('#invite-email', email);
  await page.selectOption('#invite-role', role);
  await Promise.all([
    page.waitForNavigation(),
    page.locator('#invite-email').locator('xpath=ancestor::form').locator('button[type="submit"]').click(),
  ]);
  const link = await page.locator('#invitation-link').inputValue();
  assert.match(new URL(link).pathname, /^\/invitations\/[0-9a-f]{64}$/, `the invitation link for ${email}: ${link}`);
  return link;
}

/** On `page`, signed in as the invited account, open `link` and accept; lands on the workspace. */
export async function acceptInvitation(page, link, workspacePath) {
  await page.goto(link);
  await Promise.all([
    page.waitForURL((url) => url.pathname === workspacePath),
    page.locator('main form[action$="/accept"] button[type="submit"]').click(),
  ]);
}

/**
 * The owner on `ownerPage` invites `account` with `role`; the account, signed
 * in on `memberPage`, accepts; the owner's members table then lists it with
 * that role.
 */
export async function addMember(ownerPage, memberPage, baseUrl, workspacePath, account, role) {
  const link = await invite(ownerPage, baseUrl, workspacePath, account.email, role);
  await acceptInvitation(memberPage, link, workspacePath);
  await ownerPage.goto(`${baseUrl}${workspacePath}`);
  const row = ownerPage.locator('tr', { has: ownerPage.locator('td', { hasText: account.email }) });
  assert.equal(await row.count(), 1, `${account.email} is listed once among the members`);
  assert.equal(await row.locator('select[name="role"]').inputValue(), role, `${account.email} has the role ${role}`);
}

/**
 * One browser context per role, for the demo workspace: an anonymous visitor,
 * its owner (the demo facilitator), and a facilitator and a viewer whose
 * accounts are created with `polku user add`, invited by the owner and
 * joined through the invitation link.
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
      contexts[role] = await browser.newContext();
      const page = await contexts[role].newPage();
      await login(page, server, account);
      await addMember(ownerPage, page, server.baseUrl, workspacePath, account, role);
      await page.close();
      accounts[role] = account;
    }
  } finally {
    await ownerPage.close();
  }
  return { workspacePath, contexts, accounts };
}
