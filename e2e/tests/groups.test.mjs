// Development groups: creating a group, a series and a workshop with
// JavaScript off (an empty name first, so the errors show beside the field
// and in the focused summary), and the public invitation page as a visitor.
// Each state is audited in fi, sv and en (lib/audit.mjs) from a context with
// JavaScript on, which axe needs; the pages themselves run no scripts. The
// demo's group pages are also found by the crawl in site.test.mjs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, login, LANGS } from '../lib/browser.mjs';
import { auditPage } from '../lib/audit.mjs';
import { firstWorkspacePath, withLang } from '../lib/pages.mjs';

const env = useServerAndBrowser({
  setup: async ({ browser, server }) => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'fi-FI' });
    const auditor = await browser.newContext({ locale: 'fi-FI' });
    let workspacePath;
    for (const context of [noScript, auditor]) {
      const page = await context.newPage();
      await login(page, server);
      workspacePath = await firstWorkspacePath(page, server.baseUrl);
      await page.close();
    }
    return { noScript, auditor, workspacePath };
  },
});

/** Submits the form holding `selector` and waits for the next page. */
async function submit(page, selector) {
  await Promise.all([
    page.waitForNavigation(),
    page.locator(selector).locator('xpath=ancestor::form').locator('button[type="submit"]').click(),
  ]);
}

/** Audits the page at `path` in every language. */
async function auditEveryLanguage(page, path, what) {
  for (const lang of LANGS) {
    const response = await page.goto(`${env.server.baseUrl}${withLang(path, lang)}`);
    assert.equal(response.status(), 200, `${what} (${lang})`);
    await auditPage(page, { what: `${what} (${lang})`, lang });
  }
}

describe('development groups', () => {
  test('without JavaScript: a refused name, then a group, a series and a workshop; every page audited', { timeout: 600_000 }, async () => {
    const page = await env.setup.noScript.newPage();
    const auditor = await env.setup.auditor.newPage();
    try {
      await page.goto(`${env.server.baseUrl}${env.setup.workspacePath}`);
      await Promise.all([
        page.waitForURL((url) => url.pathname.endsWith('/groups/new')),
        page.locator('main a[href$="/groups/new"]').first().click(),
      ]);

      // An empty name: the server answers with the error beside the field.
      await page.locator('#group-name-fi').evaluate((el) => el.removeAttribute('required'));
      await page.fill('#group-name-fi', '  ');
      await page.fill('#group-area', 'Järvilaakso');
      await submit(page, '#group-name-fi');
      await page.locator('#group-name-fi-error').waitFor();
      assert.equal(await page.locator('#group-name-fi').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#group-area').inputValue(), 'Järvilaakso', 'the typed text is kept');
      for (const lang of LANGS) {
        await auditor.goto(`${env.server.baseUrl}${withLang(`${env.setup.workspacePath}/groups/new`, lang)}`);
        await auditor.locator('#group-name-fi').evaluate((el) => el.removeAttribute('required'));
        await submit(auditor, '#group-name-fi');
        await auditor.locator('#group-name-fi-error').waitFor();
        await auditPage(auditor, { what: `the new-group form with an error (${lang})`, lang });
      }

      await page.goto(`${env.server.baseUrl}${env.setup.workspacePath}/groups/new`);
      await page.fill('#group-name-fi', 'Järvilaakson testiryhmä');
      await page.fill('#group-ground-rules', 'Puhutaan vuorotellen.\nKuunnellaan toisia.');
      await page.fill('#group-ground-rules-agreed-on', '2026-02-03');
      await page.fill('#group-contact', 'Soita 040 000 0000.');
      await submit(page, '#group-name-fi');
      const groupPath = new URL(page.url()).pathname;
      assert.match(groupPath, /\/groups\/[0-9a-f-]{36}$/, 'on the group page');
      assert.equal(await page.locator('h1').innerText(), 'Järvilaakson testiryhmä');
      assert.equal(await page.locator('#ground-rules li').count(), 2);
      await auditEveryLanguage(auditor, groupPath, 'a new group');
      await auditEveryLanguage(auditor, `${groupPath}/edit`, 'the edit form of a group');

      await page.goto(`${env.server.baseUrl}${groupPath}/series/new`);
      await page.fill('#series-name', 'Kevään työpajat');
      await page.selectOption('#series-phase', 'ideation');
      await submit(page, '#series-name');
      const seriesPath = new URL(page.url()).pathname;
      await page.fill('#workshop-date', '2099-04-01');
      await page.fill('#workshop-time', '13:00');
      await page.fill('#workshop-duration', '120');
      await page.fill('#workshop-place', 'Kirjasto');
      await page.selectOption('#workshop-agenda', 'dialogue_round');
      await submit(page, '#workshop-date');
      assert.equal(await page.locator('#workshops > li').count(), 1, 'the workshop is listed');
      await auditEveryLanguage(auditor, seriesPath, 'a series with a workshop');

      await page.goto(`${env.server.baseUrl}${groupPath}`);
      const invitePath = await page.locator('main a[href^="/groups/"]').getAttribute('href');
      const visitor = await env.browser.newContext();
      try {
        const anonymous = await visitor.newPage();
        await auditEveryLanguage(anonymous, invitePath, 'the invitation page as a visitor');
        assert.equal(await anonymous.locator('form').count(), 0, 'no form');
        assert.equal(await anonymous.locator('svg.qr').count(), 1, 'a QR code');
        assert.match(await anonymous.locator('#meetings').innerText(), /2099/);
      } finally {
        await visitor.close();
      }
    } finally {
      await page.close();
      await auditor.close();
    }
  });
});
