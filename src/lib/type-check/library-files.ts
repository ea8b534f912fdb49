import { ROOT_LIBRARIES } from './type-checker.ts';

/**
 * TypeScript's standard library and package typings for the in-browser type checker, each file
 * a lazily loaded chunk so a lab page fetches only what the checker asks for, and only after
 * the editor is ready. Only the language's own files up to ES2023 (what `ROOT_LIBRARIES`
 * references) are built at all: the DOM, web worker and `.full` files would only weigh on the
 * reader who stores the whole guide offline.
 */
const standardLibrary = import.meta.glob<string>(
  [
    '/node_modules/typescript/lib/lib.es5.d.ts',
    '/node_modules/typescript/lib/lib.es201[5-9]*.d.ts',
    '/node_modules/typescript/lib/lib.es202[0-3]*.d.ts',
    '/node_modules/typescript/lib/lib.decorators*.d.ts',
    '!**/*.full.d.ts',
  ],
  { query: '?raw', import: 'default' },
);

/** Typings of the npm packages a lab may import (`lab.packages`), by package name. */
const packageTypings: Record<string, Record<string, () => Promise<string>>> = {
  jose: {
    ...import.meta.glob<string>('/node_modules/jose/dist/types/**/*.d.ts', {
      query: '?raw',
      import: 'default',
    }),
    ...import.meta.glob<string>('/node_modules/jose/package.json', {
      query: '?raw',
      import: 'default',
    }),
  },
};

/** `/lib.<name>.d.ts` files for the roots and everything they reference, keyed by that path. */
export async function loadStandardLibrary(): Promise<Record<string, string>> {
  const loaded: Record<string, string> = {};
  const pending = ROOT_LIBRARIES.map((file) => `/${file}`);
  while (pending.length) {
    const path = pending.pop()!;
    if (path in loaded) continue;
    const load = standardLibrary[`/node_modules/typescript/lib${path}`];
    if (!load) continue;
    const text = await load();
    loaded[path] = text;
    for (const match of text.matchAll(/<reference lib="([^"]+)"/g))
      pending.push(`/lib.${match[1]}.d.ts`);
  }
  return loaded;
}

/** Typings of `packages`, at the paths module resolution looks for them (`/node_modules/jose/…`). */
export async function loadPackageTypings(packages: string[]): Promise<Record<string, string>> {
  const loaded: Record<string, string> = {};
  for (const name of packages) {
    for (const [path, load] of Object.entries(packageTypings[name] ?? {}))
      loaded[path] = await load();
  }
  return loaded;
}
