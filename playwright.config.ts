import { defineConfig, devices } from '@playwright/test';
import { findChromium, missingChromiumMessage } from './tests/e2e/chromium-path.ts';
import { disabledFeaturesSwitch } from './tests/e2e/chromium-features.ts';

const executablePath = findChromium();
if (!executablePath) {
  console.error(missingChromiumMessage);
  process.exit(1);
}

// Both the shared `use` and the project's (which starts from a device) name the browser: one
// object, so Playwright's installed code is read for its feature list once.
const launchOptions = { executablePath, args: [disabledFeaturesSwitch()] };

const port = Number(process.env.E2E_PORT ?? 4321);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // CI runs one test at a time: a lab page runs the sandbox's worker and the type checker, and
  // two such pages side by side on a 2-core machine take four times as long as one alone.
  workers: process.env.CI ? 1 : 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  use: {
    baseURL,
    // Recording a trace of every test costs a fifth of the browser tests' time (the Lambda lab's
    // tests: 65 s with it, 52 s without). Locally a failure keeps its trace; CI keeps only what
    // it prints, so there the recording would buy nothing (rerun a failure with --trace on).
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    // The offline spec opts in; elsewhere a service worker precaching the whole guide for every
    // test would only add load.
    serviceWorkers: 'block',
    launchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    // The workshop pack's server on the build: it sends `_headers` with every response, as a static
    // host does, so every test runs under the site's policies. It is also lighter than
    // `astro preview` (Vite's server took 8 of a spec's 112 CPU-s, this one under 2), and the
    // tests that checked headers no longer need to route every request through Playwright.
    command: `node scripts/pack/serve.mjs --root dist --port ${port}`,
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
