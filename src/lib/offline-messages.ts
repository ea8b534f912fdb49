/**
 * Written into pages by `OfflineDownload.astro` and replaced by `offline-guide.ts` with the size
 * of the whole guide, which is known only once every file of the build exists.
 */
export const OFFLINE_SIZE_MARK = '{{offline-guide-size}}';

/**
 * Like `OFFLINE_SIZE_MARK`, for the workshop page: megabytes of the reading group alone or of the
 * whole guide, times a number of learners (one room on one network).
 */
export const offlineSizeMark = (group: 'reading' | 'all', learners = 1) =>
  `{{offline-size:${group}:${learners}}}`;

/** What a page asks the service worker. */
export type OfflineRequest =
  | { type: 'status' }
  /** Store every file the labs need: the reader pressed "Make the whole guide available offline". */
  | { type: 'store-labs' }
  /** Store the files the lab page at `page` (a URL path) needs: the reader opened that lab. */
  | { type: 'store-lab'; page: string };

/** What the service worker answers: what is stored for offline use, in bytes. */
export interface OfflineReport {
  type: 'offline-status';
  /** Every page, style and the search index are stored. */
  reading: boolean;
  labs: { stored: number; total: number };
  /** The whole guide is being stored right now, asked from this page or another. */
  storing: boolean;
}
