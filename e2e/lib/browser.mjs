// Shared browser helpers: Debian's Chromium through playwright-core (no
// browser download), signing in, and axe-core with a readable report.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

export const CHROMIUM = process.env.POLKU_CHROMIUM || '/usr/bin/chromium';
export const LANGS = ['fi', 'sv', 'en'];
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Sign in through the login form (mouse-free but not keyboard-only), as
 * `account` ({ email, password }; by default the demo facilitator).
 */
export async function login(page, server, account = server) {
  await page.goto(`${server.baseUrl}/login`);
  await page.fill('#email', account.email);
  await page.fill('#password', account.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/workspaces'),
    page.locator('main button[type="submit"]').click(),
  ]);
}

/** Format axe violations so a failing run says exactly what to fix. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary || '').replace(/\n\s*/g, ' ');
          return `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${summary}`;
        })
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations;
}

/** Run axe on the page as it is now; any WCAG A/AA violation fails. */
export async function assertNoAxeViolations(page, what) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  // Guard against a vacuous pass: axe that checked nothing found nothing.
  assert.ok(results.passes.length > 0, `axe checked no rules on ${what} (${page.url()})`);
  const { violations } = results;
  assert.equal(
    violations.length,
    0,
    `axe found ${violations.length} WCAG A/AA violation(s) on ${what} (${page.url()}):\n${formatViolations(violations)}`,
  );
}

/**
 * Starts a fresh server and a browser before a test file's tests and stops
 * both after them. Returns an object whose `server` and `browser` are set
 * once the `before` hook has run. `setup(env)`, if given, runs in the same
 * hook right after (a second root-level `before` in the file would not wait
 * for this one on Node 20); whatever it returns is `env.setup`.
 */
export function useServerAndBrowser({ setup } = {}) {
  const env = { server: undefined, browser: undefined, setup: undefined };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
    if (setup) env.setup = await setup(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
