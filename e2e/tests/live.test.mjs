// Live workshops in real browsers: a participant joins by code and writes,
// the facilitator sees it arrive without reloading and groups it under a
// theme by keyboard, the participant votes and sees nothing of the votes
// until the reveal; the whole participant flow without JavaScript; axe on
// the join page, the board and the facilitator's view in three languages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, login, LANGS } from '../lib/browser.mjs';
import { auditPage } from '../lib/audit.mjs';
import { firstWorkspacePath, withLang } from '../lib/pages.mjs';

const env = useServerAndBrowser({
  // The demo's open workshop: its facilitator page and code.
  setup: async ({ browser, server }) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await login(page, server);
      const workspace = await firstWorkspacePath(page, server.baseUrl);
      await page.goto(`${server.baseUrl}${workspace}/live`);
      const open = page.locator('#sessions li', { hasText: 'Työpaja 3' }).locator('a');
      const facilitatePath = await open.getAttribute('href');
      await page.goto(`${server.baseUrl}${facilitatePath}`);
      const code = (await page.locator('#join-code').innerText()).trim();
      return { workspace, facilitatePath, code };
    } finally {
      await context.close();
    }
  },
});

async function withContext(options, use) {
  const context = await env.browser.newContext(options);
  try {
    return await use(context);
  } finally {
    await context.close();
  }
}

async function joinAs(page, nickname, { lang = 'fi', code = env.setup.code, audit = false } = {}) {
  await page.goto(`${env.server.baseUrl}${withLang(`/join?code=${code}`, lang)}`);
  await page.fill('#nickname', nickname);
  await page.check('#perspective-expert_by_experience');
  await Promise.all([page.waitForNavigation(), page.locator('#join-form button[type="submit"]').click()]);
  // A first visit shows the return code once, then goes on to the board.
  await page.locator('#return-code').waitFor();
  if (audit) await auditPage(page, { what: 'the welcome page with the return code', lang });
  await Promise.all([page.waitForURL(/\/live\//), page.locator('main a.button.primary').click()]);
}

describe('a live workshop', () => {
  test('a note arrives live, is themed by keyboard, and votes stay hidden until the reveal', () =>
    withContext({ locale: 'fi-FI' }, (facilitatorContext) =>
      withContext({ locale: 'fi-FI', viewport: { width: 360, height: 740 } }, async (participantContext) => {
        const facilitator = await facilitatorContext.newPage();
        await login(facilitator, env.server);
        await facilitator.goto(`${env.server.baseUrl}${env.setup.facilitatePath}`);

        const participant = await participantContext.newPage();
        await joinAs(participant, 'Selkeä');
        const text = `Odotusaika tekstiviestinä ${Date.now()}`;
        await participant.fill('#note-text', text);
        await Promise.all([participant.waitForNavigation(), participant.locator('#note-text').locator('xpath=ancestor::form').locator('button').click()]);

        // The facilitator's page shows it without a reload, and says so once, politely.
        await facilitator.locator('.note-text', { hasText: text }).waitFor({ timeout: 15_000 });
        await facilitator.waitForFunction(() => /uusi lappu|uutta lappua/.test(document.getElementById('live-announcer').textContent), null, { timeout: 10_000 });
        assert.equal(await facilitator.locator('#live-announcer').getAttribute('aria-live'), 'polite');

        // A theme, then the note under it, by keyboard only.
        await facilitator.focus('#theme-name');
        await facilitator.keyboard.type('Tiedottaminen jonossa');
        await Promise.all([facilitator.waitForNavigation(), facilitator.keyboard.press('Enter')]);
        const note = facilitator.locator('li.note', { hasText: text });
        const select = note.locator('select[name="theme_id"]');
        await select.focus();
        await facilitator.keyboard.press('ArrowDown');
        await facilitator.keyboard.press('Tab');
        await Promise.all([facilitator.waitForNavigation(), facilitator.keyboard.press('Enter')]);
        const theme = facilitator.locator('section.theme', { has: facilitator.locator('h3', { hasText: 'Tiedottaminen jonossa' }) });
        await theme.locator('.note-text', { hasText: text }).waitFor();

        // The participant votes and learns nothing of the votes.
        await participant.reload();
        const mine = participant.locator('li.note', { hasText: text });
        await Promise.all([participant.waitForNavigation(), mine.locator('button').click()]);
        assert.equal(await participant.locator('li.note strong').count(), 0, 'no counts before the reveal');
        const html = await participant.content();
        assert.ok(!/\d+ ääni(ä)?</.test(html), 'no vote count anywhere in the page');

        await Promise.all([facilitator.waitForNavigation(), facilitator.locator('form[action$="/reveal"] button').click()]);
        await participant.locator('li.note', { hasText: text }).locator('strong', { hasText: '1 ääni' }).waitFor({ timeout: 15_000 });
        await auditPage(participant, { what: 'the participant board after the reveal', lang: 'fi' });
        await auditPage(facilitator, { what: 'the facilitator view after the reveal', lang: 'fi' });
      })));

  test('without JavaScript: join, write and vote with plain forms', () =>
    withContext({ javaScriptEnabled: false, locale: 'sv-FI' }, async (context) => {
      const page = await context.newPage();
      await page.goto(`${env.server.baseUrl}/join?lang=sv`);
      // A wrong code first: the error is beside the field and in a focused summary.
      await page.fill('#code', 'AAAAAA');
      await page.fill('#nickname', 'Havet');
      await page.check('#perspective-relative');
      await Promise.all([page.waitForNavigation(), page.locator('#join-form button[type="submit"]').click()]);
      await page.locator('#code-error').waitFor();
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'error-summary');
      assert.equal(await page.inputValue('#nickname'), 'Havet', 'nothing typed is lost');
      await page.fill('#code', env.setup.code);
      await Promise.all([page.waitForNavigation(), page.locator('#join-form button[type="submit"]').click()]);
      await Promise.all([page.waitForURL(/\/live\//), page.locator('main a.button.primary').click()]);
      await page.fill('#note-text', 'En tidtabell på svenska');
      await Promise.all([page.waitForNavigation(), page.locator('#note-text').locator('xpath=ancestor::form').locator('button').click()]);
      await page.locator('.note-text', { hasText: 'En tidtabell på svenska' }).waitFor();
      const before = await page.locator('#votes-left').innerText();
      await Promise.all([page.waitForNavigation(), page.locator('li.note', { hasText: 'En tidtabell' }).locator('button').click()]);
      assert.notEqual(await page.locator('#votes-left').innerText(), before, 'one vote fewer');
    }));
});

describe('live views (accessibility)', () => {
  for (const lang of LANGS) {
    test(`join page with errors, board and facilitator view (${lang})`, () =>
      withContext({}, async (context) => {
        const page = await context.newPage();
        await page.goto(`${env.server.baseUrl}${withLang('/join', lang)}`);
        await auditPage(page, { what: 'the join page', lang });
        await Promise.all([page.waitForNavigation(), page.locator('#join-form button[type="submit"]').evaluate((b) => { b.form.noValidate = true; b.click(); })]);
        await page.locator('#error-summary').waitFor();
        await auditPage(page, { what: 'the join page with errors', lang });
        await joinAs(page, `Testi-${lang}`, { lang, audit: true });
        await page.goto(`${page.url().split('?')[0]}?lang=${lang}`);
        await auditPage(page, { what: 'the participant board', lang });

        const facilitator = await (await env.browser.newContext()).newPage();
        await login(facilitator, env.server);
        await facilitator.goto(`${env.server.baseUrl}${withLang(env.setup.facilitatePath, lang)}`);
        await auditPage(facilitator, { what: 'the facilitator view', lang });
        await facilitator.context().close();
      }));
  }
});
