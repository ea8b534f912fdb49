/**
 * A page's component scripts (`<script type="module" src>`, one per component with a script) with
 * `fetchpriority="low"`. Chromium fetches module scripts at high priority, beside the stylesheets
 * a first paint waits for, though none of them draws the page: they wire up search, the pickers,
 * the contents' highlighting, progress marks and the workbench, all after the text has painted.
 * Lighthouse's simulated slow connection counts every high-priority script as holding the first
 * paint back (a chapter's first contentful paint: 1.96 s with them at high priority, 1.51–1.74 s
 * at low). Inline scripts (the theme, read before the first paint) and scripts a page writes with
 * its own `fetchpriority` are left as they are.
 */
export function withLowPriorityScripts(html: string): string {
  return html.replace(/<script(?=\s)([^>]*)>/g, (tag, attributes: string) =>
    /\stype="module"/.test(attributes) &&
    /\ssrc="/.test(attributes) &&
    !/\sfetchpriority=/.test(attributes)
      ? `<script${attributes} fetchpriority="low">`
      : tag,
  );
}
