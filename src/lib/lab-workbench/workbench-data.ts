import type { LabDataPart } from '../lab-data.ts';
import type { LoadFailureStrings } from './lab-data-loader.ts';

/** What the page inlines: where the lab's data and strings are (src/lib/lab-data.ts), and the words for a failed load. */
export interface WorkbenchData {
  loadFailure: LoadFailureStrings;
  urls: Record<LabDataPart, string>;
}

export const workbenchData = (root: HTMLElement): WorkbenchData =>
  JSON.parse(root.querySelector('[data-workbench-data]')!.textContent!) as WorkbenchData;
