import type { Page } from '@playwright/test';

/**
 * Collects what the page (or a frame or worker of it) logs as an error, and its uncaught exceptions.
 * `notFoundAddress`: a missing address the test opens on purpose. Chromium logs the 404 status of
 * that page itself as an error, which is what the page is for; any other failed load still counts.
 */
export function collectConsoleErrors(page: Page, notFoundAddress?: string): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const expected =
      notFoundAddress !== undefined &&
      new URL(message.location().url || 'about:blank').pathname === notFoundAddress &&
      message.text().includes('status of 404');
    if (!expected) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
