// Page-level checks shared by the test files.
import assert from 'node:assert/strict';

/** Go to `url`, assert the HTTP status, <html lang>, one main landmark and an h1. */
export async function openAndCheckStructure(page, url, { status = 200, lang } = {}) {
  const response = await page.goto(url);
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), status, `HTTP status of ${url}`);
  await checkStructure(page, { lang });
  return response;
}

export async function checkStructure(page, { lang } = {}) {
  const htmlLang = await page.locator('html').getAttribute('lang');
  if (lang) assert.equal(htmlLang, lang, `<html lang> of ${page.url()}`);
  else assert.ok(htmlLang, `<html lang> missing on ${page.url()}`);
  assert.equal(await page.getByRole('main').count(), 1, `exactly one main landmark on ${page.url()}`);
  assert.ok(await page.locator('h1').count() >= 1, `an h1 on ${page.url()}`);
  assert.ok((await page.locator('h1').first().innerText()).trim().length > 0, `a non-empty h1 on ${page.url()}`);
}

/** The path of the demo workspace, found by following the first card link. */
export async function firstWorkspacePath(page, baseUrl) {
  await page.goto(`${baseUrl}/workspaces`);
  const link = page.locator('a.card-link').first();
  await link.waitFor();
  await Promise.all([
    page.waitForURL((url) => /^\/workspaces\/[^/]+$/.test(url.pathname)),
    link.click(),
  ]);
  return new URL(page.url()).pathname;
}

/** Append `lang=` to a path that may already have a query. */
export function withLang(path, lang) {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}
