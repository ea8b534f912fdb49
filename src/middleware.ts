import { defineMiddleware } from 'astro:middleware';
import { withLowPriorityScripts } from './lib/low-priority-scripts.ts';

/** Every HTML page, built or served by `astro dev`, fetches its component scripts at low priority. */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = withLowPriorityScripts(await response.text());
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
