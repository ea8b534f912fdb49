import type { Page } from '@playwright/test';

/**
 * Why `page` scrolls sideways: nothing when it is no wider than its viewport; otherwise by how
 * much, and the innermost elements that reach past the right edge, so a failure names the culprit.
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const edge = root.clientWidth;
    if (root.scrollWidth <= edge) return [];
    const past = (element: Element) => element.getBoundingClientRect().right > edge + 0.5;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((element) => past(element) && ![...element.children].some(past))
      .slice(0, 5)
      .map((element) => {
        const classes = [...element.classList].filter((name) => !name.startsWith('astro-'));
        const text = (element.textContent ?? '').trim().slice(0, 60);
        return `<${element.localName}${classes.map((name) => `.${name}`).join('')}> "${text}"`;
      });
    return [`${root.scrollWidth - edge} px wider than the ${edge} px viewport`, ...culprits];
  });
}
