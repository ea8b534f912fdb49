/** A question the workbench asks before a button replaces the learner's code. */
export interface Question {
  message: string;
  /** The button that goes ahead: the name of the button the learner pressed. */
  proceed: string;
  /** The button that changes nothing. */
  keep: string;
}

/**
 * Asks in the page rather than with the browser's confirm(): the answers say what they do, in the
 * page's language (confirm() offers OK and Cancel in the browser's, under the site's address), and
 * a browser told to stop the page's dialogs makes confirm() answer "no" without showing anything,
 * so the button seemed to do nothing. Escape, or the answer that keeps the code, changes nothing;
 * the answer that keeps it has the focus, so a stray Enter does not replace the code either.
 */
export function askFirst(
  host: HTMLElement,
  { message, proceed, keep }: Question,
): Promise<boolean> {
  const dialog = document.createElement('dialog');
  dialog.className = 'wb-confirm';
  const text = document.createElement('p');
  text.id = `${host.id}-question`;
  text.textContent = message;
  dialog.setAttribute('aria-labelledby', text.id);
  const answers = document.createElement('form');
  answers.method = 'dialog';
  const answer = (label: string, value: string) => {
    const button = document.createElement('button');
    button.value = value;
    button.textContent = label;
    return button;
  };
  const keepButton = answer(keep, 'keep');
  answers.append(keepButton, answer(proceed, 'proceed'));
  dialog.append(text, answers);
  host.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        dialog.remove();
        resolve(dialog.returnValue === 'proceed');
      },
      { once: true },
    );
    dialog.showModal();
    keepButton.focus();
  });
}
