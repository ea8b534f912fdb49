import type { AstroIntegration } from 'astro';

/**
 * Starlight spaces list items by a rule whose `:has()` sits before the items it styles, and whose
 * `:has(~ :not(script))` can match any element. Chromium cannot tell which elements such a rule
 * might now match after a change, so every insertion anywhere on a page restyles the whole
 * document: on a lab page, each line the editor adds cost ≈ 400 elements' styles, and pasting a
 * 30-line file 0.5 s of style work instead of 0.06 s (measured with Chromium's trace).
 */
export const STARLIGHT_LIST_SPACING =
  '.sl-markdown-content :is(ol, ul):has(> li > :not(a, strong, em, del, span, input, code, br, script, ol, ul)) ' +
  '> li > :is( :last-child:not(a, strong, em, del, span, input, code, br, script, :where(.not-content *)), ' +
  ':not(script):has(~ script:last-child):not(:has(~ :not(script))) )';

/**
 * The same spacing without `:has()`: the last block child of every list item. Starlight gives it
 * only in lists where some item has a block child; the two differ only for an item that ends in a
 * nested list or a script. Nested lists are left out, so a tight list with one keeps its look.
 * Today no page has a list this spacing changes (every list element of every page measured the
 * same with Starlight's rule, this one, or none): it keeps Starlight's look for the lists to come.
 */
export const LIST_SPACING =
  '.sl-markdown-content :is(ol, ul) > li > :last-child:not(a, strong, em, del, span, input, code, br, script, ol, ul, :where(.not-content *))';

/** `css` with comments dropped and runs of white space made one space, as selectors compare. */
function withoutCommentsOrRuns(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ');
}

/**
 * Starlight's markdown CSS with its list-spacing selector replaced. Throws, naming the file, when
 * the selector is not the one this was written against: a Starlight upgrade is checked by hand.
 */
export function withCheapListSpacing(css: string, file: string): string {
  const start = css.search(/\.sl-markdown-content\s+:is\(ol, ul\):has\(/);
  const end = css.indexOf('{', start);
  if (start < 0 || withoutCommentsOrRuns(css.slice(start, end)).trim() !== STARLIGHT_LIST_SPACING)
    throw new Error(
      `${file}: Starlight's list-spacing rule is not the one src/integrations/list-spacing.ts was ` +
        'written for. Check the new rule in Chromium (does typing in a lab editor restyle the whole ' +
        'page?), then update or remove this integration.',
    );
  return `${css.slice(0, start)}${LIST_SPACING} ${css.slice(end)}`;
}

/** Rewrites Starlight's `style/markdown.css` as Vite loads it, so dev and build agree. */
export function cheapListSpacing(): AstroIntegration {
  return {
    name: 'cheap-list-spacing',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'cheap-list-spacing',
                enforce: 'pre',
                transform(code: string, id: string) {
                  if (
                    !/[\\/]@astrojs[\\/]starlight[\\/].*[\\/]style[\\/]markdown\.css$/.test(
                      id.split('?')[0],
                    )
                  )
                    return null;
                  return { code: withCheapListSpacing(code, id), map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
