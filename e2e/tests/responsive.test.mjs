// Reflow (WCAG 1.4.10): at 320 CSS px wide no page scrolls sideways.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launchBrowser, login, LANGS } from '../lib/browser.mjs';
import { firstWorkspacePath, withLang } from '../lib/pages.mjs';

const WIDTH = 320;
let server;
let browser;
let context;
let workspacePath;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // One context: the visitor pages run first, then it signs in.
  context = await browser.newContext({ viewport: { width: WIDTH, height: 640 } });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function assertNoHorizontalScroll(page, what) {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const root = document.documentElement;
    // Name the element that sticks out furthest, to make a failure actionable.
    let widest = null;
    for (const el of document.body.querySelectorAll('*')) {
      const right = el.getBoundingClientRect().right;
      if (!widest || right > widest.right) {
        widest = { right: Math.round(right), tag: el.tagName.toLowerCase(), cls: el.className || '', text: (el.textContent || '').trim().slice(0, 40) };
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
  assert.ok(
    scrollWidth <= WIDTH,
    `${what} scrolls sideways at ${WIDTH} px: scrollWidth ${scrollWidth} (clientWidth ${clientWidth}); widest element <${widest?.tag} class="${widest?.cls}"> reaches ${widest?.right} px ("${widest?.text}")`,
  );
}

async function check(path, lang, what, status = 200) {
  const page = await context.newPage();
  try {
    const response = await page.goto(`${server.baseUrl}${withLang(path, lang)}`);
    assert.equal(response.status(), status, `HTTP status of ${path}`);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    await assertNoHorizontalScroll(page, `${what} (${lang})`);
  } finally {
    await page.close();
  }
}

describe(`visitor pages at ${WIDTH} px`, () => {
  for (const lang of LANGS) {
    test(`login (${lang})`, () => check('/login', lang, 'the login page'));
    test(`accessibility statement (${lang})`, () => check('/accessibility', lang, 'the accessibility statement'));
    test(`404 page (${lang})`, () => check('/no-such-page', lang, 'the 404 page', 404));
  }
});

describe(`facilitator pages at ${WIDTH} px`, () => {
  before(async () => {
    const page = await context.newPage();
    await login(page, server);
    workspacePath = await firstWorkspacePath(page, server.baseUrl);
    await page.close();
  });
  for (const lang of LANGS) {
    test(`workspace list (${lang})`, () => check('/workspaces', lang, 'the workspace list'));
    test(`demo workspace home (${lang})`, () => check(workspacePath, lang, 'the demo workspace home page'));
    test(`accessibility statement, signed in (${lang})`, () =>
      check('/accessibility', lang, 'the accessibility statement (signed in)'));
  }
});
