// Attacks a learner (or a progress file passed around a workshop) could run through Run: each
// must fail. The page is served with the build's own `_headers`, as a static host would.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { readHeaderRules } from './headers-file.ts';
import { labFolder, openLab, readLab, runChecks, typeInEditor } from './lab-page.ts';

const slug = 'lambda-tuning';
const otherOrigin = 'http://other-origin.example';

/** Answers every request to the other origin, and lists each one: the list must stay empty. */
async function recordRequestsToOtherOrigin(context: BrowserContext): Promise<string[]> {
  const reached: string[] = [];
  await context.route(`${otherOrigin}/**`, async (route) => {
    reached.push(route.request().url());
    await route.fulfill({ status: 200, body: '{}' });
  });
  return reached;
}
const lab = await readLab(slug);
const firstFile = lab.exercises[0].file;
const starter = labFolder(slug, 'starter')[firstFile];

// Finds a global the way the exploit did: past an own property set to undefined, up the
// prototype chain to the getter on WorkerGlobalScope.prototype.
const reach = `const reach = (name: string): any => {
  for (let scope: any = globalThis; scope; scope = Object.getPrototypeOf(scope)) {
    const found = Object.getOwnPropertyDescriptor(scope, name);
    if (found?.get) return found.get.call(globalThis);
    if (found?.value) return found.value;
  }
};
const attempt = (name: string, attack: (api: any) => void): string => {
  try {
    const api = reach(name);
    if (!api) return name + ' blocked';
    attack(api);
    return name + ' reached';
  } catch (error) {
    return name + ' blocked';
  }
};
`;

/** Runs `attack` as the learner's first file; it throws its outcome at load, so the page shows it. */
async function runAttack(page: Page, attack: string): Promise<string> {
  await typeInEditor(page, `${reach}${attack}\n`);
  await runChecks(page);
  return (await page.locator('.wb-load-error').textContent()) ?? '';
}

test('learner code cannot open the site’s Cache Storage, IndexedDB or localStorage', async ({
  page,
}) => {
  await openLab(page, slug);
  const outcome = await runAttack(
    page,
    `throw new Error([
  attempt('caches', (caches) => caches.open('planted').then((cache: any) => cache.put('/planted.js', new Response('alert(1)')))),
  attempt('indexedDB', (indexedDB) => indexedDB.open('planted')),
  attempt('localStorage', (storage) => storage.setItem('smt2:planted', '1')),
].join(', '));`,
  );
  expect(outcome).toContain('caches blocked, indexedDB blocked, localStorage blocked');
  // The sandbox document is handed to its frame as srcdoc (so that it loads offline too); its
  // origin is opaque, so the page cannot reach into it, nor it into the page.
  expect(
    await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[sandbox]');
      return {
        sandbox: frame?.getAttribute('sandbox'),
        reachable: frame?.contentDocument !== null,
      };
    }),
    'the sandbox frame',
  ).toEqual({ sandbox: 'allow-scripts', reachable: false });
  expect(await page.evaluate(() => caches.keys())).not.toContain('planted');
  expect(
    (await page.evaluate(() => indexedDB.databases())).map((database) => database.name),
  ).not.toContain('planted');
  expect(await page.evaluate(() => localStorage.getItem('smt2:planted'))).toBeNull();
});

test('learner code cannot start a worker, Pagefind’s included, to reach another origin', async ({
  page,
  context,
}) => {
  const reached = await recordRequestsToOtherOrigin(context);
  await openLab(page, slug);
  const outcome = await runAttack(
    page,
    `const pointAtOtherOrigin = (worker: any) => {
  worker.postMessage({ id: 1, method: 'init', args: [{ basePath: '${otherOrigin}/pagefind/' }] });
  worker.postMessage({ id: 2, method: 'search', args: ['secret'] });
};
throw new Error([
  attempt('Worker', (Worker) => pointAtOtherOrigin(new Worker('/pagefind/pagefind-worker.js'))),
  attempt('SharedWorker', (SharedWorker) => pointAtOtherOrigin(new SharedWorker('/pagefind/pagefind-worker.js').port)),
].join(', '));`,
  );
  expect(outcome).toContain('Worker blocked, SharedWorker blocked');
  expect(reached).toEqual([]);
});

test('Pagefind’s worker, started by the page itself, cannot be pointed at another origin', async ({
  page,
  context,
}) => {
  const reached = await recordRequestsToOtherOrigin(context);
  await page.goto('/');
  const answer = await page.evaluate(
    (origin) =>
      new Promise<unknown>((resolve) => {
        const worker = new Worker('/pagefind/pagefind-worker.js');
        worker.addEventListener(
          'message',
          (event: MessageEvent<{ id: number }>) => event.data.id === 2 && resolve(event.data),
        );
        worker.postMessage({ id: 1, method: 'init', args: [{ basePath: `${origin}/pagefind/` }] });
        worker.postMessage({ id: 2, method: 'search', args: ['secret'] });
      }),
    otherOrigin,
  );
  expect(answer).toHaveProperty('error');
  expect(reached).toEqual([]);
});

test('every path has a Content-Security-Policy, and only a lab page’s sandbox may start workers from blob:', () => {
  const rules = readHeaderRules();
  // As Netlify applies them: of two matching rules setting one header, the later wins.
  const policyOf = (path: string): string =>
    Object.assign(
      {},
      ...rules.filter((rule) => rule.pattern.test(path)).map((rule) => rule.headers),
    )['content-security-policy'] ?? '';
  for (const path of [
    '/',
    '/labs/lambda-tuning/',
    '/no-such-page/',
    '/favicon.svg',
    '/pagefind/pagefind-worker.js',
    '/lab-sandbox.html',
    '/lab-runtime/lambda-tuning.js',
    '/sw.js',
  ]) {
    expect(policyOf(path), path).toMatch(/default-src '(self|none)'/);
  }
  for (const path of ['/', '/chapters/lambda-tuning/', '/ja/glossary/', '/no-such-page/']) {
    expect(policyOf(path), path).toContain("worker-src 'self';");
    expect(policyOf(path), path).not.toContain("'unsafe-eval'");
  }
  // A lab page's policy is inherited by its srcdoc sandbox: blob: workers and eval, for it alone.
  expect(policyOf('/labs/lambda-tuning/')).toContain("worker-src 'self' blob:;");
  expect(policyOf('/ja/labs/lambda-tuning/')).toContain("worker-src 'self' blob:;");
  expect(policyOf('/pagefind/pagefind-worker.js')).toContain("connect-src 'self'");
  expect(policyOf('/lab-sandbox.html')).toContain("worker-src blob:; connect-src 'none'");
  expect(policyOf('/lab-sandbox.html')).not.toContain("'self' 'unsafe-eval'");
});

test('a timer or a microtask flood from one run does not act in the next', async ({ page }) => {
  // The flood keeps the first run from finishing, so the test waits out the watchdog's 5 s by
  // design, then a fresh worker for the second run: 10.3 s of 30 on a quiet 2-core machine, the
  // loop tests' slow budget (lab-workbench.spec.ts) for the same reason.
  test.slow();
  await openLab(page, slug);
  await typeInEditor(
    page,
    `setInterval(() => { (globalThis as any).leftFromRun1 = true; }, 0);
setTimeout(() => { const flood = (): unknown => Promise.resolve().then(flood); flood(); }, 50);
${starter}`,
  );
  await runChecks(page);
  await typeInEditor(
    page,
    `if ((globalThis as any).leftFromRun1) throw new Error('a timer from run 1 acted in run 2');\n${starter}`,
  );
  await runChecks(page);
  await expect(page.locator('.wb-load-error')).toHaveCount(0);
  await expect(page.locator('.wb-summary')).toHaveText(/^0 of \d+ checks pass\.$/);
});

test('a report forged by learner code does not mark the lab done', async ({ page }) => {
  await openLab(page, slug);
  const results = lab.checks.map(({ id, exercise, title }) => ({
    id,
    exercise,
    title,
    hints: [],
    status: 'pass',
  }));
  const forged = JSON.stringify({ type: 'report', report: { lab: slug, results } });
  await typeInEditor(
    page,
    `postMessage(${forged});\n(globalThis as any).self?.postMessage?.(${forged});\n${starter}`,
  );
  await runChecks(page);
  await expect(page.locator('.wb-summary')).not.toHaveText(/All checks pass/);
  await expect(
    page.locator(`#starlight__sidebar a[href$="/labs/${slug}/"][data-done="true"]`),
  ).toHaveCount(0);
  expect((await page.evaluate(() => localStorage.getItem('smt2:progress'))) ?? '').not.toContain(
    '"done":true',
  );
});

test('the workbench says that completion is reported by code running beside the learner’s', async ({
  page,
}) => {
  await openLab(page, slug);
  await expect(page.locator('[data-workbench]')).toContainText(
    'Completion is reported by the checks, which run beside your code',
  );
  await openLab(page, slug, '/ja');
  await expect(page.locator('[data-workbench]')).toContainText(
    '完了かどうかは、ブラウザの中であなたのコードと一緒に動くチェックが判定しています',
  );
});
