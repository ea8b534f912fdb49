import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runtimePath } from '../lib/lab-sandbox/paths.ts';
import { listBuiltFiles, urlPathOf } from './built-files.ts';

/** One stored file: where it is served, its content revision and the digest checked before use. */
export interface OfflineEntry {
  url: string;
  /** Null for files whose name already carries a content hash (`_astro/*`): the URL is the revision. */
  revision: string | null;
  /** `sha256-<base64>`: the service worker serves a stored copy only if its bytes match. */
  integrity: string;
  /**
   * For a Pagefind file (gzip, which Pagefind's script inflates itself unless the bytes arrive
   * inflated): the worker stores it gunzipped, and this is the SHA-256 of the bytes it keeps.
   */
  gunzippedIntegrity?: string;
  size: number;
}

/** What the service worker stores, and when. */
export interface OfflineManifest {
  /**
   * Stored on the first visit: every page in both languages except the labs' and the whole-guide
   * pages, styles, images, the search index.
   */
  reading: OfflineEntry[];
  /**
   * Stored when a lab is opened or the reader asks for the whole guide: lab pages, editor, lab
   * code, checker, and the whole-guide pages (the printable copy, the class board, the shared-attempt page).
   */
  labs: OfflineEntry[];
  /** For each lab page (URL path), the labs entries (URLs) it needs: itself and what its scripts reach. */
  labPages: Record<string, string[]>;
}

/** The first line of the built `sw.js`: the manifest the worker reads as `GUIDE_MANIFEST`. */
export const manifestLine = (manifest: OfflineManifest) =>
  `const GUIDE_MANIFEST = ${JSON.stringify(manifest)};`;

/** The manifest a built `sw.js` carries (see `manifestLine`). */
export function manifestOf(serviceWorker: string): OfflineManifest {
  const line = /^const GUIDE_MANIFEST = (.*);$/m.exec(serviceWorker);
  if (!line)
    throw new Error('sw.js does not start with the GUIDE_MANIFEST line offline-guide.ts writes.');
  return JSON.parse(line[1]) as OfflineManifest;
}

/**
 * Files a reader never needs offline: host configuration, crawler files, the worker itself, the
 * app icons (a browser fetches them when the guide is installed as an app, which is online), and
 * the words of the not-a-secure-context notice (only a page with no service worker shows it).
 */
const NOT_STORED = [
  /^icons\//,
  /^insecure-notice\//,
  /^_headers$/,
  /^_redirects$/,
  /^sitemap.*\.xml$/,
  /^robots\.txt$/,
  /^sw\.js$/,
  /^([a-z]{2}(-[a-z]{2})?\/)?404\.html$/,
];

/**
 * Pagefind's own UI bundles and its search worker: the site's search dialog uses `pagefind.js`
 * only, on the page (`src/lib/pagefind-options.ts`).
 */
const UNUSED_SEARCH_UI = /^pagefind\/pagefind-(ui|component-ui|modular-ui|highlight|worker)\./;

/**
 * Pages whose only purpose is running lab code (the sandbox that hosts learner code): they
 * belong with the labs, not with reading, whatever they are named beyond "sandbox".
 */
const LAB_ONLY_PAGE = /(^|\/)[^/]*sandbox[^/]*(\/index)?\.html$/;

/**
 * Pages a reader does not need to read offline, stored with the whole guide (the control on the
 * home and workshop pages) along with their own scripts: the printable guide (`print/`, every
 * chapter again on one page), the facilitator's class board, and the page that shows an attempt
 * someone shared (a link that came over the network).
 */
const WHOLE_GUIDE_PAGE = /^([a-z]{2}\/)?(print|workshop\/class-board|shared)\/index\.html$/;

/**
 * A lab page (`labs/<slug>/index.html`, `ja/labs/<slug>/index.html`): it and its scripts are the
 * labs'. Its HTML carries the lab's code, which a visit that came to read does not need.
 */
const LAB_PAGE = /^([a-z]{2}\/)?labs\/[^/]+\/index\.html$/;

/**
 * A lab's data files (src/lib/lab-data.ts: starter, solution, the files the type checker reads),
 * named by their content's hash. Its lab page names them, so they are stored with that lab.
 */
const LAB_DATA = /^lab-data\/[^/]+\.json$/;

const HASHED_ASSET = /^_astro\//;
/** Pagefind's index, fragments, metadata and search code (`.pagefind`, WebAssembly), all gzip. */
const PAGEFIND_GZIP = /^pagefind\/.*\.(pf_\w+|pagefind)$/;
const isGzip = (bytes: Buffer) => bytes[0] === 0x1f && bytes[1] === 0x8b;
/** The `integrity` form of a SHA-256 digest. */
const integrityOf = (digest: Buffer) => `sha256-${digest.toString('base64')}`;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();
const SCRIPT = /\.m?js$/;

/**
 * Sorts the build into the reading and labs groups. Reading holds every page except the lab
 * pages, the sandbox and the whole-guide pages, every non-script file, and the scripts reading pages
 * load (followed through their imports). Labs holds those pages and every other script (the
 * workbench, CodeMirror, the lab worker and each lab's code, the type checker and its library
 * files): a pattern, not a list, so a new lab runtime or sandbox script lands with the labs unnamed.
 */
export async function readOfflineManifest(root: string, base: string): Promise<OfflineManifest> {
  const files = (await listBuiltFiles(root)).filter(
    (file) => !NOT_STORED.some((pattern) => pattern.test(file)) && !UNUSED_SEARCH_UI.test(file),
  );
  const texts = new Map<string, string>();
  const entries = new Map<string, OfflineEntry>();
  for (const file of files) {
    const bytes = await readFile(join(root, file));
    const digest = sha256(bytes);
    if (/\.(html|m?js|css|json)$/.test(file)) texts.set(file, bytes.toString('utf8'));
    entries.set(file, {
      url: urlPathOf(base, file),
      revision: HASHED_ASSET.test(file) ? null : digest.toString('hex').slice(0, 16),
      integrity: integrityOf(digest),
      ...(PAGEFIND_GZIP.test(file) && isGzip(bytes)
        ? { gunzippedIntegrity: integrityOf(sha256(gunzipSync(bytes))) }
        : {}),
      size: bytes.length,
    });
  }

  const references = referenceFinder(files, texts);
  const pages = files.filter((file) => file.endsWith('.html'));
  /** Stored with the labs by what it is; scripts follow the pages that load them. */
  const labsByName = (file: string) =>
    LAB_PAGE.test(file) ||
    LAB_ONLY_PAGE.test(file) ||
    LAB_DATA.test(file) ||
    WHOLE_GUIDE_PAGE.test(file);
  const readingScripts = reachable(
    pages.filter((page) => !labsByName(page)),
    references,
  );
  const isLabs = (file: string) =>
    labsByName(file) ||
    (SCRIPT.test(file) && !file.startsWith('pagefind/') && !readingScripts.has(file));

  const labPages: Record<string, string[]> = {};
  for (const page of pages.filter((file) => LAB_PAGE.test(file))) {
    // The workbench builds its runtime's URL from the lab's slug, so no text names the file.
    const runtime = runtimePath(page.split('/').at(-2)!);
    labPages[urlPathOf(base, page)] = [
      ...new Set([
        page,
        ...reachable([page], references),
        ...(entries.has(runtime) ? [runtime] : []),
      ]),
    ]
      .filter(isLabs)
      .map((file) => entries.get(file)!.url);
  }
  return {
    reading: files.filter((file) => !isLabs(file)).map((file) => entries.get(file)!),
    labs: files.filter(isLabs).map((file) => entries.get(file)!),
    labPages,
  };
}

/**
 * For each text file, the built files it names: by file name, as bundlers write references
 * (`/_astro/x.js`, `./x.js`, `new URL("x.js", import.meta.url)`), a lab data file by its path, or
 * a sandbox page by its path.
 */
function referenceFinder(files: string[], texts: Map<string, string>): (file: string) => string[] {
  const byName = new Map<string, string>();
  for (const file of files)
    if (HASHED_ASSET.test(file) || LAB_ONLY_PAGE.test(file) || LAB_DATA.test(file))
      byName.set(referenceName(file), file);
  const pattern = new RegExp(
    [...byName.keys()].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'g',
  );
  return (file) => {
    const text = texts.get(file);
    if (!text || byName.size === 0) return [];
    return [...new Set([...text.matchAll(pattern)].map((match) => byName.get(match[0])!))];
  };
}

/** `_astro/x.Ab12.js` → `x.Ab12.js`; `lab-sandbox/index.html` → `lab-sandbox/`; `lab-data/x.json` as it is. */
const referenceName = (file: string) =>
  HASHED_ASSET.test(file) ? file.slice('_astro/'.length) : file.replace(/index\.html$/, '');

function reachable(starts: string[], references: (file: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...starts];
  while (pending.length) {
    const file = pending.pop()!;
    for (const next of references(file)) {
      if (!seen.has(next)) {
        seen.add(next);
        pending.push(next);
      }
    }
  }
  return seen;
}
