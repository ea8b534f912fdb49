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
  if (old) old.replaceWith(notice);
  else container.append(notice);
}

export function hideNotice(container: HTMLElement, name: string): void {
  container.querySelector(`[data-notice="${name}"]`)?.remove();
}
