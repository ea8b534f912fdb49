import { homeOf } from '../home-of.ts';
import { encodeAttempt, MAX_SHARE_CHARS, ShareLinkError } from '../share-link.ts';
import { hideNotice, showNotice } from './notice.ts';
import { format, type WorkbenchStrings } from './strings.ts';

/**
 * "Share this attempt": puts the learner's files for this lab (not the rest of their progress)
 * into a link to the shared-attempt page, copies it when the browser allows, and always shows it
 * so it can be copied by hand. Too much code for a link gets a message, not a cut link.
 */
export async function shareAttempt(options: {
  slug: string;
  files: Record<string, string>;
  lang: 'en' | 'ja';
  notices: HTMLElement;
  strings: WorkbenchStrings;
}): Promise<void> {
  const { slug, files, lang, notices, strings } = options;
  const close = { label: strings.close, run: () => hideNotice(notices, 'share') };
  let fragment: string;
  try {
    fragment = await encodeAttempt({ lab: slug, files });
  } catch (error) {
    if (!(error instanceof ShareLinkError)) throw error;
    showNotice(
      notices,
      'share',
      format(strings.shareTooLarge, { size: error.size, limit: MAX_SHARE_CHARS }),
      [close],
    );
    return;
  }
  const url = new URL(`${homeOf(lang)}shared/#${fragment}`, location.origin).href;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard here (an insecure context, or permission refused): the field below serves.
  }
  showNotice(notices, 'share', copied ? strings.shareCopied : strings.shareReady, [close]);
  const field = document.createElement('input');
  field.type = 'text';
  field.readOnly = true;
  field.value = url;
  field.className = 'wb-share-link text-field';
  field.setAttribute('aria-label', strings.shareLinkLabel);
  field.addEventListener('focus', () => field.select());
  notices.querySelector('[data-notice="share"]')!.append(field);
}
