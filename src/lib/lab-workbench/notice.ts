/** A button in a notice: what it says and what it does. */
export interface NoticeAction {
  label: string;
  run(): void;
}

/**
 * Shows (or replaces) one notice above the editor, by name: storage full, another tab, a new
 * version. It is an alert, so a screen reader says it at once, and its buttons are the choices.
 */
export function showNotice(
  container: HTMLElement,
  name: string,
  message: string,
  actions: NoticeAction[] = [],
): void {
  const notice = document.createElement('div');
  notice.className = 'wb-notice';
  notice.dataset.notice = name;
  notice.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = message;
  notice.append(text);
  for (const action of actions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', () => action.run());
    notice.append(button);
  }
  const old = container.querySelector(`[data-notice="${name}"]`);
  const opener = old ? openers.get(old) : document.activeElement;
  if (opener instanceof HTMLElement) openers.set(notice, opener);
  if (old) old.replaceWith(notice);
  else container.append(notice);
}

/** What had the keyboard when each notice first showed: where it goes back when one closes. */
const openers = new WeakMap<Element, HTMLElement>();

/**
 * Removes a notice. One closed from its own button would leave the keyboard at the top of the
 * page; it goes back to the control that was in use when the notice came.
 */
export function hideNotice(container: HTMLElement, name: string): void {
  const notice = container.querySelector(`[data-notice="${name}"]`);
  if (!notice) return;
  const hadKeyboard = notice.contains(document.activeElement);
  notice.remove();
  const opener = openers.get(notice);
  if (hadKeyboard && opener?.isConnected) opener.focus();
}
