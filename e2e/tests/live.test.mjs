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

// A note's card by its own text (a card's selects list other notes' texts).
function noteCard(page, text) {
  return page.locator('li.note').filter({ has: page.locator('p.note-text', { hasText: text }) });
}

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
        const note = noteCard(facilitator, text);
        const select = note.locator('select[name="theme_id"]');
        await select.focus();
        await facilitator.keyboard.press('ArrowDown');
        await facilitator.keyboard.press('Tab');
        await Promise.all([facilitator.waitForNavigation(), facilitator.keyboard.press('Enter')]);
        const theme = facilitator.locator('section.theme', { has: facilitator.locator('h3', { hasText: 'Tiedottaminen jonossa' }) });
        await theme.locator('.note-text', { hasText: text }).waitFor();

        // The participant votes and learns nothing of the votes.
        await participant.reload();
        const mine = noteCard(participant, text);
        await Promise.all([participant.waitForNavigation(), mine.locator('form[action$="/votes"] button').click()]);
        assert.equal(await participant.locator('li.note strong').count(), 0, 'no counts before the reveal');
        const html = await participant.content();
        assert.ok(!/\d+ ääni(ä)?</.test(html), 'no vote count anywhere in the page');

        await Promise.all([facilitator.waitForNavigation(), facilitator.locator('form[action$="/reveal"] button').click()]);
        await noteCard(participant, text).locator('strong', { hasText: '1 ääni' }).waitFor({ timeout: 15_000 });
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
      await Promise.all([page.waitForNavigation(), noteCard(page, 'En tidtabell').locator('form[action$="/votes"] button').click()]);
      assert.notEqual(await page.locator('#votes-left').innerText(), before, 'one vote fewer');
    }));
  test('without JavaScript: a session for a workshop, notes grouped by participants until the lock, a duplicate merged', () =>
    withContext({ javaScriptEnabled: false, locale: 'fi-FI' }, (facilitatorContext) =>
      withContext({ javaScriptEnabled: false, locale: 'fi-FI', viewport: { width: 320, height: 700 } }, async (participantContext) => {
        const facilitator = await facilitatorContext.newPage();
        await login(facilitator, env.server);
        await facilitator.goto(`${env.server.baseUrl}${env.setup.workspace}/live`);
        // Held for the demo series' next workshop, with the title left empty.
        await facilitator.selectOption('#session-workshop', { index: 2 });
        await Promise.all([facilitator.waitForNavigation(), facilitator.locator('#session-workshop').locator('xpath=ancestor::form').locator('button[type="submit"]').click()]);
        assert.match(await facilitator.locator('h1').innerText(), /Syksyn ideointityöpajat/);
        assert.ok(await facilitator.locator('ol.columns-list li').count() >= 2, 'the phase asks its questions');
        assert.ok(await facilitator.locator('#ground-rules li').count() >= 1, 'the group\'s ground rules');
        const code = (await facilitator.locator('#join-code').innerText()).trim();
        const facilitatePath = new URL(facilitator.url()).pathname;

        const writer = await participantContext.newPage();
        await writer.goto(`${env.server.baseUrl}/join?code=${code}`);
        await writer.fill('#nickname', 'Kanerva');
        await writer.check('#perspective-client');
        await Promise.all([writer.waitForNavigation(), writer.locator('#join-form button[type="submit"]').click()]);
        await Promise.all([writer.waitForNavigation(), writer.locator('main a.button.primary').click()]);
        const question = await writer.locator('#note-column option').nth(1).innerText();
        await writer.selectOption('#note-column', { index: 1 });
        await writer.fill('#note-text', 'Jonotusnumero tekstiviestinä');
        await Promise.all([writer.waitForNavigation(), writer.locator('#note-text').locator('xpath=ancestor::form').locator('button[type="submit"]').click()]);
        const column = writer.locator('section.theme', { has: writer.locator('h3', { hasText: question }) });
        await column.locator('.note-text', { hasText: 'Jonotusnumero tekstiviestinä' }).waitFor();
        await writer.fill('#note-text', 'Tekstiviesti jonotuksesta');
        await Promise.all([writer.waitForNavigation(), writer.locator('#note-text').locator('xpath=ancestor::form').locator('button[type="submit"]').click()]);

        const other = await (await env.browser.newContext({ javaScriptEnabled: false })).newPage();
        await other.goto(`${env.server.baseUrl}/join?code=${code}`);
        await other.fill('#nickname', 'Vaahtera');
        await other.check('#perspective-professional');
        await Promise.all([other.waitForNavigation(), other.locator('#join-form button[type="submit"]').click()]);
        await Promise.all([other.waitForNavigation(), other.locator('main a.button.primary').click()]);
        await other.fill('#note-text', 'Soitto jonossa odottavalle');
        await Promise.all([other.waitForNavigation(), other.locator('#note-text').locator('xpath=ancestor::form').locator('button[type="submit"]').click()]);

        await facilitator.goto(`${env.server.baseUrl}${facilitatePath}`);
        await facilitator.fill('#theme-name', 'Tieto jonossa');
        await Promise.all([facilitator.waitForNavigation(), facilitator.locator('#theme-name').locator('xpath=ancestor::form').locator('button').click()]);

        // The board is open for grouping: the writer moves someone else's note, by keyboard.
        await writer.reload();
        const othersNote = noteCard(writer, 'Soitto jonossa odottavalle');
        await othersNote.locator('select[name="theme_id"]').focus();
        await writer.keyboard.press('ArrowDown');
        await writer.keyboard.press('Tab');
        await Promise.all([writer.waitForNavigation(), writer.keyboard.press('Enter')]);
        const theme = writer.locator('section.theme', { has: writer.locator('h3', { hasText: 'Tieto jonossa' }) });
        await theme.locator('.note-text', { hasText: 'Soitto jonossa odottavalle' }).waitFor();

        // Locked, only their own notes move.
        await Promise.all([facilitator.waitForNavigation(), facilitator.locator('#lock-form button').click()]);
        await writer.reload();
        await writer.locator('#board-locked').waitFor();
        assert.equal(await noteCard(writer, 'Soitto jonossa odottavalle').locator('select[name="theme_id"]').count(), 0);
        assert.equal(await noteCard(writer, 'Jonotusnumero tekstiviestinä').locator('select[name="theme_id"]').count(), 1);

        // The facilitator merges the writer's second note into the first.
        const duplicate = noteCard(facilitator, 'Tekstiviesti jonotuksesta');
        await duplicate.locator('select[name="into"]').selectOption({ label: 'Jonotusnumero tekstiviestinä' });
        await Promise.all([facilitator.waitForNavigation(), duplicate.locator('form[action$="/merge"] button').click()]);
        await facilitator.locator('.merged li', { hasText: 'Tekstiviesti jonotuksesta' }).waitFor();
        await writer.reload();
        await writer.locator('.merged li', { hasText: 'Tekstiviesti jonotuksesta' }).waitFor();
        // Its writer takes the other note back.
        await Promise.all([writer.waitForNavigation(), noteCard(writer, 'Jonotusnumero tekstiviestinä').locator('form[action$="/delete"] button').click()]);
        assert.equal(await writer.locator('.note-text', { hasText: 'Jonotusnumero tekstiviestinä' }).count(), 0);
        await other.context().close();
      })));
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
