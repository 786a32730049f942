// Keyboard only: from the login page to the demo workspace with Tab, typing
// and Enter, and a visible focus indicator along the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from '../lib/browser.mjs';
import { tabUntil, focusMatches, describeFocus, assertFocusVisible } from '../lib/keyboard.mjs';

const env = useServerAndBrowser();

test('keyboard only: skip link, sign in, open the demo workspace', async () => {
  const context = await env.browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  try {
    await page.goto(`${env.server.baseUrl}/login`);

    // 1. The first Tab lands on the skip link, which then shows on screen.
    await page.keyboard.press('Tab');
    assert.ok(await focusMatches(page, 'a.skip-link'), `first Tab focused ${await describeFocus(page)}, not the skip link`);
    await assertFocusVisible(page, 'the skip link');

    // 2. The skip link moves focus to the main content.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'main');
    assert.equal(new URL(page.url()).hash, '#main');

    // 3. The next stop is the e-mail field: type, Tab to password, type, Enter.
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

    // 4. Tab to the first workspace card and open it with Enter.
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

    // 5. Keyboard can also reach the add-member form and the role select there.
    await tabUntil(page, '#member-email', { max: 60 });
    await assertFocusVisible(page, 'the add-member e-mail field');
    await page.keyboard.press('Tab');
    assert.ok(await focusMatches(page, '#member-role'), `Tab from member e-mail focused ${await describeFocus(page)}`);
    await assertFocusVisible(page, 'the role select');
  } finally {
    await context.close();
  }
});

test('keyboard only: every focus stop on the workspace list shows a focus indicator', async (t) => {
  const context = await env.browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  try {
    await page.goto(`${env.server.baseUrl}/login`);
    await tabUntil(page, '#email', { max: 20 });
    await page.keyboard.type(env.server.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(env.server.password);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/workspaces'),
      page.keyboard.press('Enter'),
    ]);
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
  } finally {
    await context.close();
  }
});
