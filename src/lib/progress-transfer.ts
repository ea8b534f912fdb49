import { exportProgress, importProgress, ProgressFileError } from './progress-file.ts';

/** Connects one progress section's buttons to localStorage; messages come localized from the page. */
export function wireProgressTransfer(section: HTMLElement): void {
  const messages = JSON.parse(section.dataset.messages ?? '{}') as Record<string, string>;
  const status = section.querySelector<HTMLElement>('[data-status]')!;
  const say = (text: string, kind: 'ok' | 'error') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  section.querySelector('[data-export]')?.addEventListener('click', () => {
    const file = exportProgress(localStorage, new Date());
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    link.download = `serverless-meetup-tokyo-2-progress-${file.exportedAt.slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
    say((messages.exported ?? '').replace('{{count}}', String(Object.keys(file.entries).length)), 'ok');
  });

  section.querySelector<HTMLInputElement>('[data-import]')?.addEventListener('change', async (event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const count = importProgress(localStorage, await file.text());
      say((messages.imported ?? '').replace('{{count}}', String(count)), 'ok');
      document.dispatchEvent(new CustomEvent('smt2:progress-imported'));
    } catch (error) {
      say(error instanceof ProgressFileError ? (messages[error.code] ?? error.message) : String(error), 'error');
    } finally {
      input.value = '';
    }
  });
}
