import { fetchJson } from '../fetch-json.ts';
import type { LabDataPart, LabDataParts } from '../lab-data.ts';
import { hideNotice, showNotice } from './notice.ts';
import type { WorkbenchStrings } from './strings.ts';

export type LoadFailureStrings = Pick<WorkbenchStrings, 'labDataFailed' | 'reload'>;

/**
 * Fetches the lab's data files (src/lib/lab-data.ts) when first needed, each once. A file that
 * cannot be fetched says so in a notice and gives undefined: the caller changes nothing, so the
 * learner's saved code stays as it was, and the next attempt fetches again.
 */
export function labDataLoader(options: {
  urls: Record<LabDataPart, string>;
  notices: HTMLElement;
  /** Inlined in the page: the strings file may be the one that fails to load. */
  strings: LoadFailureStrings;
}) {
  const { urls, notices, strings } = options;
  const pending = new Map<LabDataPart, Promise<unknown>>();
  /** Parts whose last fetch failed: the notice stays until each has loaded (parts load side by side). */
  const failed = new Set<LabDataPart>();
  return {
    async load<P extends LabDataPart>(part: P): Promise<LabDataParts[P] | undefined> {
      if (!pending.has(part)) pending.set(part, fetchJson(urls[part]));
      try {
        const data = (await pending.get(part)) as LabDataParts[P];
        failed.delete(part);
        if (!failed.size) hideNotice(notices, 'lab-data');
        return data;
      } catch {
        // Offline with the lab never opened, or the connection dropped: the browser's own reason
        // ("Failed to fetch") would be English on a Japanese page and no help to the learner.
        pending.delete(part);
        failed.add(part);
        showLoadFailure(notices, strings);
        return undefined;
      }
    },
  };
}

/** Says that part of the lab could not be loaded, nothing was changed, and offers a reload. */
export function showLoadFailure(notices: HTMLElement, strings: LoadFailureStrings): void {
  showNotice(notices, 'lab-data', strings.labDataFailed, [
    { label: strings.reload, run: () => location.reload() },
  ]);
}
