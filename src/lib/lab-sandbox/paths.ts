/** Where the build puts the sandbox document and each lab's runtime script, under the site's base. */
// A file, not a folder with index.html: it is no page of the guide (no sitemap, search or page checks).
export const SANDBOX_PATH = 'lab-sandbox.html';
export const RUNTIME_DIR = 'lab-runtime/';
export const runtimePath = (slug: string) => `${RUNTIME_DIR}${slug}.js`;
/** The meta tag that tells the sandbox document, framed as srcdoc, the origin of the page that framed it. */
export const SITE_META = 'lab-sandbox-site';
