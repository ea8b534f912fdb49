import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/** The self-check heading's id: one per page (a page has at most one self-check). */
export const SELF_CHECK_ID = 'self-check';

const SELF_CHECK_TAG = /^<SelfCheck[\s>]/m;
const LEVEL_2_HEADING = /^## /;
const CODE_FENCE = /^(```|~~~)/;

/**
 * How many level-2 Markdown headings come before the `<SelfCheck>` in an MDX body, or undefined
 * when the page has none. Component headings are invisible to Astro's heading list, so this is
 * where the self-check goes among the page's own sections.
 */
export function sectionsBeforeSelfCheck(body: string): number | undefined {
  const match = SELF_CHECK_TAG.exec(body);
  if (!match) return undefined;
  let count = 0;
  let inFence = false;
  for (const line of body.slice(0, match.index).split('\n')) {
    if (CODE_FENCE.test(line)) inFence = !inFence;
    else if (!inFence && LEVEL_2_HEADING.test(line)) count += 1;
  }
  return count;
}

/** Lists "Check yourself" in "On this page" at its place among the page's sections. */
export const onRequest = defineRouteMiddleware((context) => {
  const { entry, toc } = context.locals.starlightRoute;
  const before = sectionsBeforeSelfCheck(entry.body ?? '');
  if (before === undefined || !toc) return;
  // items[0] is Starlight's "Overview" entry for the page title; level-2 sections follow it.
  toc.items.splice(1 + before, 0, {
    depth: 2,
    slug: SELF_CHECK_ID,
    text: context.locals.t('selfCheck.heading'),
    children: [],
  });
});
