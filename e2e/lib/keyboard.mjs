// Keyboard helpers: only page.keyboard moves focus; these just read where it is.
import assert from 'node:assert/strict';

/** A short description of the focused element, for messages. */
export function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    const id = el.id ? `#${el.id}` : '';
    const cls = el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.innerText || el.value || '').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}> ${text}`.trim();
  });
}

export function focusMatches(page, selector) {
  return page.evaluate((sel) => !!document.activeElement && document.activeElement.matches(sel), selector);
}

/** Press Tab until the focused element matches `selector` (at most `max` presses). */
export async function tabUntil(page, selector, { max = 40, shift = false } = {}) {
  const seen = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    if (await focusMatches(page, selector)) return i + 1;
    seen.push(await describeFocus(page));
  }
  assert.fail(`Tab did not reach ${selector} within ${max} presses; focus went through:\n  ${seen.join('\n  ')}`);
}

/** Computed focus indicator of the focused element, and whether it is inside the viewport. */
export function focusIndicator(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const outlineVisible =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadowVisible = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      visible: outlineVisible || shadowVisible,
      inViewport:
        rect.width > 0 &&
        rect.height > 0 &&
        rect.top >= 0 &&
        rect.left >= 0 &&
        rect.bottom <= window.innerHeight &&
        rect.right <= window.innerWidth,
    };
  });
}

export async function assertFocusVisible(page, what) {
  const indicator = await focusIndicator(page);
  assert.ok(
    indicator.visible,
    `${what} has no visible focus indicator (outline: ${indicator.outline}; box-shadow: ${indicator.boxShadow})`,
  );
  assert.ok(indicator.inViewport, `${what} is focused but not inside the viewport`);
}

/**
 * Sign in with the keyboard only: Tab to the e-mail field, type, Tab, type the
 * password, Enter; waits for the workspace list. `account` defaults to the
 * demo facilitator ({ email, password } of the server).
 */
export async function keyboardLogin(page, server, account = server) {
  await page.goto(`${server.baseUrl}/login`);
  await tabUntil(page, '#email', { max: 20 });
  await page.keyboard.type(account.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(account.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/workspaces'),
    page.keyboard.press('Enter'),
  ]);
}
