/**
 * Tap-to-enlarge for diagrams. A phone draws a 660-unit-wide SVG at about half size, so its
 * 12–17 px labels shrink to 7–8 px. The enlarged view is a modal `<dialog>` (Esc closes it, focus
 * stays inside and returns to the button) holding a copy of the diagram drawn at a scale where no
 * label is under MIN_TEXT_PX; the reader pans it if it is wider than the screen.
 */

/** The smallest label size the enlarged view allows, in CSS pixels. */
const MIN_TEXT_PX = 12;
/** On a wide screen the view fills the width, but draws a diagram at most this many times its own size. */
const MAX_FILL_SCALE = 2;

function smallestTextPx(svg: SVGSVGElement): number {
  const sizes = [...svg.querySelectorAll('text')].map((text) =>
    parseFloat(getComputedStyle(text).fontSize),
  );
  return Math.min(...sizes.filter((size) => size > 0));
}

/** The SVG the reader sees in `figure` (a chart may hide all but one panel). */
function visibleSvg(figure: Element): SVGSVGElement | undefined {
  return [...figure.querySelectorAll<SVGSVGElement>('svg[viewBox]')].find(
    (svg) => !svg.closest('dialog') && svg.getClientRects().length > 0,
  );
}

function open(button: HTMLButtonElement, dialog: HTMLDialogElement, body: HTMLElement): void {
  const figure = button.closest('figure');
  const original = figure && visibleSvg(figure);
  if (!original) return;
  const copy = original.cloneNode(true) as SVGSVGElement;
  // The copy must not answer for the original's ids while the dialog is open.
  copy.removeAttribute('aria-labelledby');
  copy.setAttribute('aria-hidden', 'true');
  body.replaceChildren(copy);
  dialog.showModal();
  // Fill the screen's width where that keeps every label readable; otherwise draw at the smallest
  // readable scale and let the reader pan.
  const width = copy.viewBox.baseVal.width;
  const room = body.clientWidth - 2 * parseFloat(getComputedStyle(body).paddingLeft);
  const fill = Math.min(room / width, MAX_FILL_SCALE);
  const scale = Math.max(fill, MIN_TEXT_PX / smallestTextPx(copy));
  copy.style.width = `${Math.ceil(width * scale)}px`;
  copy.style.maxWidth = 'none';
  copy.style.height = 'auto';
}

/** Wires every enlarge button on the page to its dialog. */
export function enlargeDiagrams(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>(
    'button[data-diagram-enlarge]',
  )) {
    const dialog = button.nextElementSibling;
    const body = dialog?.querySelector<HTMLElement>('[data-diagram-enlarged]');
    if (!(dialog instanceof HTMLDialogElement) || !body) continue;
    button.addEventListener('click', () => open(button, dialog, body));
    dialog.addEventListener('close', () => {
      body.replaceChildren();
      button.focus();
    });
    // A tap on the backdrop (outside the panel) closes the view, as on most phone image viewers.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
  }
}
