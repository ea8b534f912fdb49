import { createRenderer } from '@astrojs/starlight/expressive-code';

/** Expressive Code's script that lets the keyboard reach a code block that scrolls sideways, by its own error label. */
export const SCROLL_FOCUS_SCRIPT = '[EC] tabindex-js-module failed';

/**
 * Expressive Code's renderer without its script for code blocks that scroll sideways (it makes
 * them focusable, so keyboard users can scroll them). Every block in this guide wraps
 * (`wrap: true` in astro.config.mjs, never turned off: tests/unit/code-fences.test.ts), so none
 * scrolls sideways, and the script (1 KB on every page with code) would only watch every block's
 * size and every node added to the page, the lab editor's keystrokes included, for a scroll bar
 * that never comes. Throws if Expressive Code no longer ships that script as one module, so an
 * upgrade is looked at rather than silently keeping or losing it.
 */
export async function createRendererWithoutScrollFocus(
  options: Parameters<typeof createRenderer>[0],
): ReturnType<typeof createRenderer> {
  const renderer = await createRenderer(options);
  const kept = renderer.jsModules.filter((module) => !module.includes(SCROLL_FOCUS_SCRIPT));
  if (kept.length !== renderer.jsModules.length - 1)
    throw new Error(
      `Expressive Code's scripts no longer include one "${SCROLL_FOCUS_SCRIPT}" module: see src/lib/renderer-without-scroll-focus.ts.`,
    );
  renderer.jsModules = kept;
  return renderer;
}
