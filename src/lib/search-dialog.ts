/** The search dialog's words in the page's language. */
export interface SearchDialogWords {
  /** The dialog's name and the field's placeholder ("Search"). */
  label: string;
  /** The field's label, for screen readers ("Search the guide"). */
  input: string;
  cancel: string;
  /** The results list's name. */
  results: string;
  more: string;
}

const escaped = (text: string) =>
  text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The search dialog, built by the search button's script rather than written into every page: it
 * only works with that script anyway. The same elements as the markup it replaced, the magnifier
 * drawn by CSS as the page frame's icons are (`ChromeIcon.astro`).
 */
export function searchDialog(words: SearchDialogWords): HTMLDialogElement {
  const template = document.createElement('template');
  template.innerHTML =
    `<dialog aria-label="${escaped(words.label)}"><div class="search-frame">` +
    '<form role="search" class="search-form">' +
    `<label class="sr-only" for="site-search-input">${escaped(words.input)}</label>` +
    '<svg aria-hidden="true" class="chrome-icon" data-icon="magnifier" width="16" height="16"></svg>' +
    '<input id="site-search-input" type="search" autocomplete="off" spellcheck="false" ' +
    `placeholder="${escaped(words.label)}">` +
    `<button type="button" data-close-search>${escaped(words.cancel)}</button></form>` +
    '<p class="search-status" role="status" aria-live="polite"></p>' +
    `<ol class="search-results" aria-label="${escaped(words.results)}"></ol>` +
    `<button type="button" class="search-more" hidden>${escaped(words.more)}</button>` +
    '</div></dialog>';
  return template.content.firstElementChild as HTMLDialogElement;
}
