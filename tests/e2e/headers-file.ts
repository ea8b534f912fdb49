import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { distDir } from './built-site.ts';
import { fetchForRoute } from './route-fetch.ts';

interface HeaderRule {
  pattern: RegExp;
  headers: Record<string, string>;
}

/** Rules of the build's `_headers` file, as Netlify and Cloudflare Pages read them. */
export function readHeaderRules(): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(join(distDir, '_headers'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
    } else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)!.headers[name.toLowerCase()] = value.join(':').trim();
    }
  }
  return rules;
}

/** What Playwright says when a route is answered after its page or context has closed. */
const CLOSED_UNDER_REQUEST = /has been disposed|has been closed|Test ended/;

/** Serves every response of `context` with the headers `_headers` gives its path, as a static host would. */
export async function applyHeaderRules(context: BrowserContext, baseURL: string): Promise<void> {
  const rules = readHeaderRules();
  await context.route(`${baseURL}/**`, async (route) => {
    try {
      const response = await fetchForRoute(route);
      const path = new URL(route.request().url()).pathname;
      const headers = { ...response.headers() };
      for (const rule of rules) if (rule.pattern.test(path)) Object.assign(headers, rule.headers);
      await route.fulfill({ response, headers });
    } catch (error) {
      // A lab page is still loading its type checker when a test ends: the context closes under
      // the requests in flight, and there is nobody left to answer. Anything else is a failure.
      if (!CLOSED_UNDER_REQUEST.test(String(error))) throw error;
    }
  });
}
