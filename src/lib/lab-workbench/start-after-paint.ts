import { afterFirstPaint } from '../after-first-paint.ts';
import { showLoadFailure } from './lab-data-loader.ts';
import { workbenchData } from './workbench-data.ts';

/**
 * Starts every workbench on the page once its text has painted: the instructions are what a reader
 * on a slow connection reads while the editor and the lab kit (a few hundred KB) arrive. If they do
 * not arrive (offline before the lab was ever opened), the workbench says so as a failed data load
 * does, and nothing in storage is touched.
 */
export async function startWorkbenchesAfterPaint(): Promise<void> {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-workbench]')];
  if (!roots.length) return;
  await afterFirstPaint();
  try {
    const { startWorkbench } = await import('./workbench.ts');
    for (const root of roots) void startWorkbench(root);
  } catch {
    for (const root of roots)
      showLoadFailure(
        root.querySelector<HTMLElement>('[data-notices]')!,
        workbenchData(root).loadFailure,
      );
  }
}
