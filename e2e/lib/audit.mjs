// The rules every page must keep, in every state: run on each page the crawler
// finds (tests/site.test.mjs) and on the special states an area's tests reach
// by submitting forms (a login error, a failed create, the 404 page).
import assert from 'node:assert/strict';
import { assertNoAxeViolations } from './browser.mjs';
import { checkStructure } from './pages.mjs';
import { focusMatches, describeFocus, assertFocusVisible } from './keyboard.mjs';

/** Reflow (WCAG 1.4.10): the width at which no page may scroll sideways. */
export const REFLOW_WIDTH = 320;
/** Target size (WCAG 2.2 SC 2.5.8, minimum), in CSS px. */
export const MIN_TARGET = 24;

/** Reflow: at the current viewport no more than `width` px of content width. */
export async function assertNoHorizontalScroll(page, what, width = REFLOW_WIDTH) {
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth + 0.5;
    // Name what sticks out (elements and bare text, e.g. one long word in a
    // heading), so that a failure says what to fix.
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.right > limit) {
        culprits.push(`<${el.tagName.toLowerCase()} class="${el.className}"> right edge ${Math.round(rect.right)} px`);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.right > limit) {
        const parent = node.parentElement;
        culprits.push(`text "${node.textContent.trim().slice(0, 60)}" in <${parent.tagName.toLowerCase()} class="${parent.className}"> right edge ${Math.round(rect.right)} px`);
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
  assert.ok(
    scrollWidth <= width,
    `${what} scrolls sideways at ${width} px: scrollWidth ${scrollWidth} (clientWidth ${clientWidth}).\n` +
      `  Sticking out: ${culprits.length ? culprits.slice(0, 10).join('; ') : '(nothing found)'}`,
  );
}

/**
 * Visible links, buttons and form controls smaller than `min` x `min` px.
 * Links inside running text (`p a`) and the footer's text link are exempt, as
 * the criterion allows for inline targets.
 */
export function smallTargets(page, min = MIN_TARGET) {
  return page.evaluate((min) => {
    const small = [];
    let checked = 0;
    for (const el of document.querySelectorAll('a, button, input, select, textarea')) {
      if (el.matches('p a, footer a')) continue;
      if (el.matches('input[type="hidden"]')) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      // Not rendered, or the skip link parked off screen until focused.
      if (style.display === 'none' || style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
      if (rect.bottom <= 0 || rect.right <= 0) continue;
      checked += 1;
      if (rect.width < min || rect.height < min) {
        const label = (el.innerText || el.value || el.getAttribute('aria-label') || el.id || '').trim().slice(0, 40);
        small.push(`<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''}> "${label}" is ${rect.width.toFixed(1)} x ${rect.height.toFixed(1)} px`);
      }
    }
    return { small, checked };
  }, min);
}

export async function assertTargetSizes(page, what, min = MIN_TARGET) {
  const { small, checked } = await smallTargets(page, min);
  assert.ok(checked > 0, `no targets found on ${what}`);
  assert.deepEqual(small, [], `targets smaller than ${min} x ${min} px on ${what}:\n  ${small.join('\n  ')}`);
}

/**
 * A page with an error summary has moved focus to it on load (the summary's
 * `autofocus`, no JavaScript needed), so a screen reader reads the errors first.
 */
export async function assertErrorSummaryFocused(page, what) {
  if ((await page.locator('#error-summary').count()) === 0) return;
  assert.ok(await focusMatches(page, '#error-summary'), `the error summary on ${what} has no focus; ${await describeFocus(page)} has`);
}

/**
 * The first Tab from the top of the page lands on a visible skip link, and
 * Enter on it moves focus to the main content. (A page that focused its error
 * summary is checked from the top: focus is put back on the body first.)
 */
export async function assertSkipLink(page, what) {
  await page.evaluate(() => {
    const body = document.body;
    body.setAttribute('tabindex', '-1');
    body.focus();
    body.removeAttribute('tabindex');
  });
  await page.keyboard.press('Tab');
  assert.ok(await focusMatches(page, 'a.skip-link'), `first Tab on ${what} focused ${await describeFocus(page)}, not the skip link`);
  await assertFocusVisible(page, `the skip link on ${what}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'main', null, { timeout: 5_000 });
  assert.equal(new URL(page.url()).hash, '#main', `the skip link on ${what} leads to #main`);
}

/**
 * Every site-wide check on the page as it is loaded now: <html lang> (equal to
 * `lang` if given), one main, an h1; axe WCAG 2.0/2.1 A and AA; target sizes;
 * at 320 px wide, no sideways scrolling and target sizes again (the viewport
 * is restored afterwards); last, the skip link, which moves focus and scroll.
 */
export async function auditPage(page, { what, lang }) {
  await assertErrorSummaryFocused(page, what);
  await checkStructure(page, { lang });
  await assertNoAxeViolations(page, what);
  await assertTargetSizes(page, what);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: REFLOW_WIDTH, height: 640 });
  try {
    await assertNoHorizontalScroll(page, what);
    await assertTargetSizes(page, `${what} at ${REFLOW_WIDTH} px`);
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
  await assertSkipLink(page, what);
}
