// Type-checks the learner's files off the page's thread. The TypeScript compiler is large, so
// this worker starts only after the editor is ready, and Run never waits for it.
import { errorMessage } from '../../../labs/kit/describe-thrown.ts';
import { loadPackageTypings, loadStandardLibrary } from './library-files.ts';
import { createTypeChecker, type TypeDiagnostic } from './type-checker.ts';

export type TypeCheckRequest =
  | { type: 'init'; packages: string[]; files: Record<string, string> }
  | { type: 'check'; files: Record<string, string>; paths: string[] };

export type TypeCheckResponse =
  | { type: 'ready' }
  | { type: 'diagnostics'; diagnostics: Record<string, TypeDiagnostic[]> }
  | { type: 'error'; message: string };

let checker: ReturnType<typeof createTypeChecker> | undefined;
const post = (message: TypeCheckResponse) => postMessage(message);

addEventListener('message', async (event: MessageEvent<TypeCheckRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'init') {
      const [library, typings] = await Promise.all([
        loadStandardLibrary(),
        loadPackageTypings(request.packages),
      ]);
      checker = createTypeChecker({ ...library, ...typings });
      for (const [path, text] of Object.entries(request.files)) checker.setFile(path, text);
      post({ type: 'ready' });
    } else if (checker) {
      for (const [path, text] of Object.entries(request.files)) checker.setFile(path, text);
      const diagnostics: Record<string, TypeDiagnostic[]> = {};
      for (const path of request.paths) diagnostics[path] = checker.check(path);
      post({ type: 'diagnostics', diagnostics });
    }
  } catch (error) {
    post({ type: 'error', message: errorMessage(error) });
  }
});
