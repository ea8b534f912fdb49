/**
 * The merge view folds unchanged stretches into "N unchanged lines" bars that open with a click
 * only: a plain div, out of the keyboard's reach and announced as nothing but its arrows. This
 * makes each bar a button in the tab order that Enter or Space opens, and keeps the keyboard in
 * the comparison once the bar is gone. Gives a function that stops it.
 */
export function foldedLinesByKeyboard(host: HTMLElement): () => void {
  const asButtons = () => {
    for (const bar of host.querySelectorAll<HTMLElement>('.cm-collapsedLines:not([role])')) {
      bar.setAttribute('role', 'button');
      bar.tabIndex = 0;
    }
  };
  const bars = new MutationObserver(asButtons);
  bars.observe(host, { childList: true, subtree: true });
  asButtons();
  // Capture: the editor's own key handling sits between the bar and the host.
  const open = (event: KeyboardEvent) => {
    const bar = (event.target as HTMLElement).closest<HTMLElement>('.cm-collapsedLines');
    if (!bar || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    event.stopPropagation();
    const pane = bar.closest<HTMLElement>('.cm-editor')?.querySelector<HTMLElement>('.cm-content');
    bar.click();
    pane?.focus({ preventScroll: true });
  };
  host.addEventListener('keydown', open, true);
  return () => {
    bars.disconnect();
    host.removeEventListener('keydown', open, true);
  };
}
