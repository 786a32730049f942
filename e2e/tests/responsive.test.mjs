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
    scrollWidth <= WIDTH,
    `${what} scrolls sideways at ${WIDTH} px: scrollWidth ${scrollWidth} (clientWidth ${clientWidth}).\n` +
      `  Sticking out: ${culprits.length ? culprits.slice(0, 10).join('; ') : '(nothing found)'}`,
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
