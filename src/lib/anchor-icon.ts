/**
 * Starlight draws the link icon beside every heading as an inline SVG: 556 bytes of HTML a
 * heading (6.7 KB on the Lambda chapter, 164 KB over the guide's 296 headings) that a reader
 * downloads before the page paints. The page keeps the icon's span, empty, and `site.css` draws the
 * same path once, as a mask over the link's colour (tests/unit/anchor-icon.test.ts keeps the two
 * the same).
 */

/** A heading link's icon span with its inline SVG: the span and its end are kept. */
const INLINE_ICON =
  /(<span aria-hidden="true" class="sl-anchor-icon">)<svg\b[^>]*>[\s\S]*?<\/svg>(<\/span>)/g;

/** `html` (a page body) with each heading link's inline SVG left out of its icon span. */
export function withCssAnchorIcons(html: string): string {
  return html.replace(INLINE_ICON, '$1$2');
}
