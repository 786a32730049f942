// Finds the pages to check by following links, so a new page is checked as
// soon as some page links to it. Breadth-first from a start path over
// same-origin <a href> links, GET only (forms are never submitted), each page
// visited in every language through ?lang=.
import { withLang } from './pages.mjs';

/** Segments that are ids: UUIDs, numbers, long hex tokens. */
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[0-9a-f]{16,})$/i;
/** Files, not pages. */
const ASSET = /\.(?:css|js|mjs|map|svg|png|jpe?g|gif|webp|ico|ics|json|csv|pdf|xml|xes|txt|zip|gz|woff2?)$/i;
/** The JSON API, embedded assets, and anything that signs out. */
const NOT_A_PAGE = /^\/(?:api|assets)(?:\/|$)|\/(?:logout|log-out|signout|sign-out)(?:\/|$)/i;

/** A page's identity: path and sorted query without `lang`, no fragment. */
export function pageKey(url) {
  const u = new URL(url, 'http://crawl.invalid');
  u.searchParams.delete('lang');
  u.searchParams.sort();
  return u.pathname + u.search;
}

/** A page's pattern: id segments as `{id}`, query values dropped, e.g. `/workspaces/{id}`. */
export function pagePattern(key) {
  const u = new URL(key, 'http://crawl.invalid');
  const path = u.pathname
    .split('/')
    .map((segment) => (ID_SEGMENT.test(decodeURIComponent(segment)) ? '{id}' : segment))
    .join('/');
  const names = [...new Set(u.searchParams.keys())].sort();
  return names.length ? `${path}?${names.join('&')}` : path;
}

/** The page key of `href` if the crawler should follow it, else null. */
export function followable(href, origin) {
  let u;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.origin !== origin) return null;
  if (ASSET.test(u.pathname) || NOT_A_PAGE.test(u.pathname)) return null;
  return pageKey(u.href);
}

/**
 * Crawl from `start` with `page` (whose browser context carries the role's
 * session). Each page key is opened once per language in `langs`; after
 * redirects, `visit({ key, lang, response, error, page })` is called once per
 * distinct final page and language, with the page loaded (its links are
 * already read). At most `maxPages` keys are opened and at most `perPattern`
 * keys of one pattern (see `pagePattern`) are queued.
 *
 * Returns { pages: Map<key, Set<lang>> of the visited pages, notHtml: keys
 * that answered with something other than HTML, skipped: keys left out by the
 * per-pattern limit, unvisited: keys still queued when `maxPages` was reached }.
 */
export async function crawl({ page, baseUrl, langs, visit, start = '/', maxPages = 60, perPattern = 3 }) {
  const origin = new URL(baseUrl).origin;
  const queue = [pageKey(start)];
  const known = new Set(queue);
  const patternCounts = new Map([[pagePattern(queue[0]), 1]]);
  const pages = new Map();
  const notHtml = new Set();
  const skipped = new Set();
  let opened = 0;

  const enqueue = (key) => {
    if (known.has(key)) return;
    const pattern = pagePattern(key);
    const count = patternCounts.get(pattern) || 0;
    if (count >= perPattern) {
      skipped.add(key);
      return;
    }
    patternCounts.set(pattern, count + 1);
    known.add(key);
    queue.push(key);
  };

  while (queue.length > 0 && opened < maxPages) {
    const requested = queue.shift();
    opened += 1;
    for (const lang of langs) {
      let response = null;
      let error = null;
      try {
        response = await page.goto(`${baseUrl}${withLang(requested, lang)}`);
      } catch (err) {
        // A file download is not a page; any other failure is the page's.
        if (/Download is starting/.test(err.message)) {
          notHtml.add(requested);
          continue;
        }
        error = err;
      }
      const key = error ? requested : pageKey(page.url());
      known.add(key);
      if (!error) {
        const contentType = (response && response.headers()['content-type']) || '';
        if (!contentType.startsWith('text/html')) {
          notHtml.add(key);
          continue;
        }
        const hrefs = await page.$$eval('a[href]:not([download])', (links) => links.map((a) => a.href));
        for (const href of hrefs) {
          const next = followable(href, origin);
          if (next !== null) enqueue(next);
        }
      }
      if (!pages.has(key)) pages.set(key, new Set());
      if (pages.get(key).has(lang)) continue;
      pages.get(key).add(lang);
      await visit({ key, lang, response, error, page });
    }
  }
  return { pages, notHtml: [...notHtml], skipped: [...skipped], unvisited: queue };
}
