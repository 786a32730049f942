// Development groups: creating a group, a series and a workshop with
// JavaScript off (an empty name first, so the errors show beside the field
// and in the focused summary), and the public invitation page as a visitor;
// then, also without JavaScript, editing the workshop (a refused date first),
// removing a data-collection period, and closing and reopening the series.
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
      env.setup.seriesPath = seriesPath;
      env.setup.groupPath = groupPath;

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

  test('without JavaScript: a workshop edited, a period removed, the series closed and reopened; every page audited', { timeout: 600_000 }, async () => {
    const { seriesPath, groupPath } = env.setup;
    assert.ok(seriesPath, 'the first test made a series');
    const page = await env.setup.noScript.newPage();
    const auditor = await env.setup.auditor.newPage();
    try {
      // Editing: the form shows what is stored, in Finnish time.
      await page.goto(`${env.server.baseUrl}${seriesPath}`);
      await Promise.all([
        page.waitForURL((url) => url.pathname.endsWith('/edit')),
        page.locator('#workshops a[href$="/edit"]').first().click(),
      ]);
      const editPath = new URL(page.url()).pathname;
      assert.equal(await page.locator('#workshop-date').inputValue(), '2099-04-01');
      assert.equal(await page.locator('#workshop-time').inputValue(), '13:00');
      assert.equal(await page.locator('#workshop-agenda').inputValue(), 'dialogue_round');
      await auditEveryLanguage(auditor, editPath, 'the edit form of a workshop');

      // An empty day: the error beside the field, what was typed kept.
      await page.locator('#workshop-date').evaluate((el) => el.removeAttribute('required'));
      await page.fill('#workshop-date', '');
      await page.fill('#workshop-place', 'Nuorisotalo');
      await submit(page, '#workshop-date');
      await page.locator('#workshop-date-error').waitFor();
      assert.equal(await page.locator('#workshop-date').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#workshop-place').inputValue(), 'Nuorisotalo', 'the typed text is kept');
      for (const lang of LANGS) {
        await auditor.goto(`${env.server.baseUrl}${withLang(editPath, lang)}`);
        await auditor.locator('#workshop-date').evaluate((el) => el.removeAttribute('required'));
        await auditor.fill('#workshop-date', '');
        await submit(auditor, '#workshop-date');
        await auditor.locator('#workshop-date-error').waitFor();
        await auditPage(auditor, { what: `the workshop edit form with an error (${lang})`, lang });
      }
      await page.fill('#workshop-date', '2099-04-02');
      await page.fill('#workshop-time', '14:30');
      await page.fill('#workshop-agenda-text-2', 'Kahvitauko');
      await submit(page, '#workshop-date');
      assert.equal(new URL(page.url()).pathname, seriesPath, 'back on the series page');
      const listed = await page.locator('#workshops > li').innerText();
      assert.match(listed, /2\.4\.2099 klo 14\.30/);
      assert.match(listed, /Nuorisotalo/);
      assert.match(listed, /Kahvitauko/);

      // A data-collection period, removed after asking on its own page.
      await page.fill('#period-starts-on', '2099-04-03');
      await page.fill('#period-ends-on', '2099-04-20');
      await page.fill('#period-what', 'Haastatellaan tuttuja asiakkaita.');
      await submit(page, '#period-starts-on');
      assert.equal(await page.locator('#periods > li').count(), 1, 'the period is listed');
      await Promise.all([
        page.waitForURL((url) => url.pathname.endsWith('/remove')),
        page.locator('#periods a[href$="/remove"]').click(),
      ]);
      await auditEveryLanguage(auditor, new URL(page.url()).pathname, 'the remove page of a period');
      await Promise.all([page.waitForNavigation(), page.locator('main button.danger').click()]);
      assert.equal(await page.locator('#periods-empty').count(), 1, 'the period is gone');

      // Closing asks first and says what is erased; the closed series shows it.
      await Promise.all([
        page.waitForURL((url) => url.pathname.endsWith('/close')),
        page.locator(`main a[href="${seriesPath}/close"]`).click(),
      ]);
      assert.match(await page.locator('main').innerText(), /nimimerkit ja paluukoodit[^.]*12 kuukauden kuluttua/);
      await auditEveryLanguage(auditor, `${seriesPath}/close`, 'the close page of a series');
      await Promise.all([page.waitForNavigation(), page.locator('main button.danger').click()]);
      assert.equal(await page.locator('#series-closed').count(), 1, 'the series shows as closed');
      assert.equal(await page.locator('#workshop-date').count(), 0, 'no workshop form while closed');
      await auditEveryLanguage(auditor, seriesPath, 'a closed series');
      await page.goto(`${env.server.baseUrl}${groupPath}`);
      assert.match(await page.locator('main .card').innerText(), /Suljettu/);
      await auditEveryLanguage(auditor, groupPath, 'a group with a closed series');

      await page.goto(`${env.server.baseUrl}${seriesPath}`);
      await Promise.all([page.waitForNavigation(), page.locator('#series-closed button[type="submit"]').click()]);
      assert.equal(await page.locator('#series-closed').count(), 0, 'reopened');
      assert.equal(await page.locator('#workshop-date').count(), 1, 'the forms are back');
    } finally {
      await page.close();
      await auditor.close();
    }
  });
});
