// Site-wide: every page, found by crawling from / as each role, in fi, sv and
// en, passes the checks of lib/audit.mjs (html lang, one main, an h1; axe
// WCAG 2.0/2.1 A and AA; target size; the skip link; reflow at 320 px). Also
// the 404 page, which no link leads to, the language switcher, and a check of
// the crawler itself on a made-up site.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { useServerAndBrowser, login, LANGS } from '../lib/browser.mjs';
import { signedInRoles } from '../lib/roles.mjs';
import { crawl, pageKey, pagePattern } from '../lib/crawl.mjs';
import { auditPage } from '../lib/audit.mjs';
import { withLang } from '../lib/pages.mjs';

// One browser context per role (anonymous, owner, facilitator, viewer).
const env = useServerAndBrowser({ setup: ({ browser, server }) => signedInRoles(browser, server) });

/** Limits of the crawl; raise them when the app really has more pages. */
const MAX_PAGES = 60;
const PER_PATTERN = 3;

/**
 * The roles the crawler signs in as, and pages each must find (so that a
 * crawler that finds nothing cannot pass). `workspace` stands for the demo
 * workspace's path.
 */
const CRAWL_ROLES = [
  { role: 'anonymous', title: 'an anonymous visitor', mustFind: ['/login', '/accessibility'] },
  { role: 'owner', title: 'the workspace owner (demo facilitator)', mustFind: ['/workspaces', 'workspace', '/account', '/accessibility'] },
  { role: 'facilitator', title: 'a facilitator of the workspace', mustFind: ['/workspaces', 'workspace', '/account', '/accessibility'] },
  { role: 'viewer', title: 'a viewer of the workspace', mustFind: ['/workspaces', 'workspace', '/account', '/accessibility'] },
];

describe('every page, found by crawling from /', () => {
  for (const { role, title, mustFind } of CRAWL_ROLES) {
    // Up to MAX_PAGES x 3 languages: more time than run.sh's default per test.
    test(`as ${title}`, { timeout: 600_000 }, async (t) => {
      const page = await env.setup.contexts[role].newPage();
      try {
        const result = await crawl({
          page,
          baseUrl: env.server.baseUrl,
          langs: LANGS,
          maxPages: MAX_PAGES,
          perPattern: PER_PATTERN,
          visit: ({ key, lang, response, error }) =>
            t.test(`${key} (${lang})`, async () => {
              if (error) throw error;
              assert.equal(response.status(), 200, `HTTP status of ${key} (${lang}) as ${title}`);
              await auditPage(page, { what: `${key} as ${title} (${lang})`, lang });
            }),
        });

        const found = [...result.pages.keys()];
        t.diagnostic(`${found.length} page(s) as ${title}: ${found.join(', ')}`);
        if (result.skipped.length) t.diagnostic(`left out, more than ${PER_PATTERN} of their pattern: ${result.skipped.join(', ')}`);
        if (result.notHtml.length) t.diagnostic(`not HTML, not checked: ${result.notHtml.join(', ')}`);

        assert.deepEqual(
          result.unvisited,
          [],
          `the crawl stopped at ${MAX_PAGES} pages as ${title}; raise MAX_PAGES if the app has that many, else the crawler is looping`,
        );
        for (const expected of mustFind) {
          const key = expected === 'workspace' ? env.setup.workspacePath : expected;
          assert.ok(
            result.pages.has(key),
            `the crawl as ${title} did not find ${key} (${pagePattern(key)}); it found: ${found.join(', ') || 'nothing'}`,
          );
          assert.deepEqual([...result.pages.get(key)].sort(), [...LANGS].sort(), `${key} was checked in every language`);
        }
      } finally {
        await page.close();
      }
    });
  }
});

describe('the 404 page', () => {
  for (const role of ['anonymous', 'owner']) {
    for (const lang of LANGS) {
      test(`404 page, ${role === 'owner' ? 'signed in' : 'visitor'} (${lang})`, async () => {
        const page = await env.setup.contexts[role].newPage();
        try {
          const response = await page.goto(`${env.server.baseUrl}${withLang('/no-such-page', lang)}`);
          assert.equal(response.status(), 404, 'HTTP status of /no-such-page');
          await auditPage(page, { what: `the 404 page (${role}, ${lang})`, lang });
        } finally {
          await page.close();
        }
      });
    }
  }
});

describe('language', () => {
  const htmlLang = (page) => page.locator('html').getAttribute('lang');

  test('without a choice the language follows Accept-Language, else Finnish', async () => {
    for (const [locale, expected] of [['sv-FI', 'sv'], ['en-GB', 'en'], ['de-DE', 'fi']]) {
      const context = await env.browser.newContext({ locale });
      const page = await context.newPage();
      try {
        await page.goto(`${env.server.baseUrl}/login`);
        assert.equal(await htmlLang(page), expected, `Accept-Language from locale ${locale}`);
      } finally {
        await context.close();
      }
    }
  });

  test('clicking "På svenska" switches to Swedish and the choice is remembered', async () => {
    const context = await env.browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    try {
      await page.goto(`${env.server.baseUrl}/login`);
      assert.equal(await htmlLang(page), 'fi');

      const switcher = page.locator('nav.lang-nav');
      const swedish = switcher.getByRole('link', { name: 'På svenska' });
      assert.equal(await swedish.getAttribute('lang'), 'sv', 'the link text is marked as Swedish');
      await Promise.all([page.waitForURL(/[?&]lang=sv/), swedish.click()]);
      assert.equal(await htmlLang(page), 'sv');
      assert.equal(new URL(page.url()).pathname, '/login', 'switching keeps the page');
      assert.equal(await switcher.locator('a[aria-current="true"]').getAttribute('lang'), 'sv', 'the current language is marked');

      // The next page, without ?lang, is still in Swedish...
      await page.goto(`${env.server.baseUrl}/accessibility`);
      assert.equal(await htmlLang(page), 'sv');

      // ...and so is the app after signing in.
      await login(page, env.server);
      assert.equal(new URL(page.url()).search, '');
      assert.equal(await htmlLang(page), 'sv');

      // Switching back to Finnish is remembered the same way.
      await Promise.all([
        page.waitForURL(/[?&]lang=fi/),
        page.locator('nav.lang-nav a[lang="fi"]').click(),
      ]);
      assert.equal(await htmlLang(page), 'fi');
      await page.goto(`${env.server.baseUrl}/workspaces`);
      assert.equal(await htmlLang(page), 'fi');
    } finally {
      await context.close();
    }
  });
});

describe('the crawler itself', () => {
  test('page keys and patterns', () => {
    assert.equal(pageKey('http://x/workspaces/1?lang=sv&b=2&a=1#main'), '/workspaces/1?a=1&b=2');
    assert.equal(pagePattern('/workspaces/0b6c2a9e-6f0e-4c6e-9a53-2f1d3c4b5a69'), '/workspaces/{id}');
    assert.equal(pagePattern('/workspaces/12/paths/34?step=2'), '/workspaces/{id}/paths/{id}?step');
    assert.equal(pagePattern('/accessibility'), '/accessibility');
  });

  test('follows GET links breadth-first, skips what is not a page, keeps its limits', async () => {
    // A made-up site on a throwaway HTTP server.
    const uuid = (n) => `00000000-0000-4000-8000-00000000000${n}`;
    const html = (links) =>
      `<!doctype html><html lang="fi"><body>${links.map((l) => `<a href="${l}">x</a>`).join('')}</body></html>`;
    const site = {
      '/': ['/a?lang=sv', '/a#main', '/old', '/logout', '/api/v1/things', '/report.csv', '/assets/polku.css',
        '/data', '/download', 'http://elsewhere.invalid/', 'mailto:someone@polku.example',
        ...[1, 2, 3, 4, 5].map((n) => `/items/${uuid(n)}`)],
      '/a': ['/', '/b'],
      '/b': [],
    };
    const requested = [];
    const fake = createServer((req, res) => {
      const url = new URL(req.url, 'http://fake');
      if (url.pathname !== '/favicon.ico') requested.push(url.pathname + url.search); // the browser's own
      if (url.pathname === '/old') {
        res.writeHead(303, { location: `/b${url.search}` }).end();
      } else if (url.pathname === '/data') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else if (url.pathname === '/download') {
        res.writeHead(200, { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="x.csv"' }).end('a,b\n');
      } else {
        const links = site[url.pathname] ?? (url.pathname.startsWith('/items/') ? ['/'] : null);
        res.writeHead(links ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html(links ?? []));
      }
    });
    await new Promise((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${fake.address().port}`;
    const context = await env.browser.newContext({ acceptDownloads: false });
    try {
      const page = await context.newPage();
      const visits = [];
      const result = await crawl({
        page,
        baseUrl: base,
        langs: ['fi', 'sv'],
        perPattern: 3,
        visit: ({ key, lang, error }) => { visits.push(`${key} ${lang}${error ? ` ${error.message}` : ''}`); },
      });
      const items = [1, 2, 3].map((n) => `/items/${uuid(n)}`);
      assert.deepEqual([...result.pages.keys()].sort(), ['/', '/a', '/b', ...items].sort());
      for (const langs of result.pages.values()) assert.deepEqual([...langs].sort(), ['fi', 'sv']);
      assert.equal(visits.length, 2 * result.pages.size, `one visit per page and language (the redirect to /b adds none): ${visits.join(', ')}`);
      assert.deepEqual(result.skipped.sort(), [4, 5].map((n) => `/items/${uuid(n)}`), 'at most 3 per pattern');
      assert.deepEqual(result.notHtml.sort(), ['/data', '/download']);
      assert.deepEqual(result.unvisited, []);
      assert.ok(requested.includes('/old?lang=fi'), 'the redirecting link was followed');
      for (const path of requested) {
        assert.match(path, /[?&]lang=(fi|sv)$/, `every request names its language: ${path}`);
        assert.doesNotMatch(path, /^\/(logout|api\/|report\.csv|assets\/)/, `the crawler must not request ${path}`);
      }

      const bounded = await crawl({ page, baseUrl: base, langs: ['fi'], maxPages: 2, visit: () => {} });
      assert.equal(bounded.pages.size, 2);
      assert.ok(bounded.unvisited.length > 0, 'a crawl that hits maxPages reports what it left unvisited');
    } finally {
      await context.close();
      await new Promise((resolve) => fake.close(resolve));
    }
  });
});
