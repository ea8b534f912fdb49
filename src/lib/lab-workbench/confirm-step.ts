// The bundler leaves out a stylesheet that only a lazily loaded chunk imports, and in the page's
// own CSS these rules would load with every lab page; so the chunk brings them as text.
import styles from './confirm-step.css?inline';

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
 * a browser that may not show it (a frame sandboxed without allow-modals, a reader who told it to
 * ignore the page's dialogs) answers "no" without a word, so the button seemed to do nothing.
 * Escape, or the answer that keeps the code, changes nothing; that answer has the focus, so a stray
 * Enter does not replace the code either. One question at a time: a second press while one is
 * asked (or while this chunk loads) is not asked again.
 */
let asking = false;
export async function askFirst(host: HTMLElement, question: Question): Promise<boolean> {
  if (asking) return false;
  asking = true;
  try {
    return await ask(host, question);
  } finally {
    asking = false;
  }
}

function ask(host: HTMLElement, { message, proceed, keep }: Question): Promise<boolean> {
  if (!document.getElementById('wb-confirm-style')) {
    const style = document.createElement('style');
    style.id = 'wb-confirm-style';
    style.textContent = styles;
    document.head.append(style);
  }
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
    button.className = 'outline-button';
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
