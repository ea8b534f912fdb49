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

/** The dialog's elements; its words are set as text and attributes, so none is read as markup. */
const DIALOG =
  '<dialog><div class="search-frame"><form role="search" class="search-form">' +
  '<label class="sr-only" for="site-search-input"></label>' +
  '<svg aria-hidden="true" class="chrome-icon" data-icon="magnifier" width="16" height="16"></svg>' +
  '<input id="site-search-input" type="search" autocomplete="off" spellcheck="false">' +
  '<button type="button" data-close-search></button></form>' +
  '<p class="search-status" role="status" aria-live="polite"></p>' +
  '<ol class="search-results"></ol>' +
  '<button type="button" class="search-more" hidden></button>' +
  '</div></dialog>';

/**
 * The search dialog, built by the search button's script rather than written into every page: it
 * only works with that script anyway. The same elements as the markup it replaced, the magnifier
 * drawn by CSS as the page frame's icons are (`ChromeIcon.astro`).
 */
export function searchDialog(words: SearchDialogWords): HTMLDialogElement {
  const template = document.createElement('template');
  template.innerHTML = DIALOG;
  const dialog = template.content.firstElementChild as HTMLDialogElement;
  dialog.setAttribute('aria-label', words.label);
  dialog.querySelector('label')!.textContent = words.input;
  dialog.querySelector('input')!.placeholder = words.label;
  dialog.querySelector('[data-close-search]')!.textContent = words.cancel;
  dialog.querySelector('ol')!.setAttribute('aria-label', words.results);
  dialog.querySelector('.search-more')!.textContent = words.more;
  return dialog;
}
