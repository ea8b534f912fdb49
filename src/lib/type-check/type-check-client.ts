import type { TypeDiagnostic } from './type-checker.ts';
import type { TypeCheckRequest, TypeCheckResponse } from './type-check.worker.ts';

export type { TypeDiagnostic };

export interface TypeCheckClient {
  /** Sends the current text of learner files; diagnostics arrive through `onDiagnostics`. */
  update(files: Record<string, string>): void;
  stop(): void;
}

/**
 * Starts the type-check worker with the lab's read-only files (support code, kit) and reports
 * diagnostics for the learner's files as they change. Paths are repository paths
 * (`/labs/<slug>/starter/x.ts`), so relative imports resolve as they do on disk.
 */
export function startTypeChecker(options: {
  packages: string[];
  readOnlyFiles: Record<string, string>;
  learnerFiles: Record<string, string>;
  onDiagnostics(diagnostics: Record<string, TypeDiagnostic[]>): void;
  onError?(message: string): void;
}): TypeCheckClient {
  const worker = new Worker(new URL('./type-check.worker.ts', import.meta.url), { type: 'module' });
  const send = (request: TypeCheckRequest) => worker.postMessage(request);
  let ready = false;
  let latest = options.learnerFiles;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => send({ type: 'check', files: latest, paths: Object.keys(latest) });
  worker.addEventListener('message', (event: MessageEvent<TypeCheckResponse>) => {
    const message = event.data;
    if (message.type === 'ready') {
      ready = true;
      check();
    } else if (message.type === 'diagnostics') {
      options.onDiagnostics(message.diagnostics);
    } else {
      options.onError?.(message.message);
    }
  });
  send({
    type: 'init',
    packages: options.packages,
    files: { ...options.readOnlyFiles, ...options.learnerFiles },
  });

  return {
    update(files) {
      latest = files;
      clearTimeout(timer);
      // Typing fast should not queue a check per keystroke.
      if (ready) timer = setTimeout(check, 300);
    },
    stop() {
      clearTimeout(timer);
      worker.terminate();
    },
  };
}
