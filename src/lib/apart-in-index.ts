/**
 * `text` with a space before it, for an element that follows another whose words must stay apart
 * in the search index. Pagefind parts the text of some elements (p, td, li, div) but not of others
 * (th, dt, dd), and the built HTML keeps no whitespace between tags, so the header cells "Starts",
 * "Step" and "Time" reached the index as the one word "StartsStepTime". The space does not show
 * at the start of a table cell or a flex item. (A space between the tags would not last: Prettier
 * takes whitespace between table cells or flex items as insignificant and removes it.)
 */
export const apartInIndex = (text: string) => ` ${text}`;
