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

/**
 * `/lib.<name>.d.ts` files for the roots and everything they reference, keyed by that path. A
 * file's references are known only once it is here, so the files come level by level, each level
 * at once: one at a time, ES2023's 60-odd files were as many round trips before the first verdict
 * (5.1–5.6 s with 50 ms of latency, against 2.0 s without).
 */
export async function loadStandardLibrary(): Promise<Record<string, string>> {
  const loaded: Record<string, string> = {};
  let level = ROOT_LIBRARIES.map((file) => `/${file}`);
  while (level.length) {
    const texts = await Promise.all(
      level.map(async (path) => {
        const load = standardLibrary[`/node_modules/typescript/lib${path}`];
        return [path, load && (await load())] as const;
      }),
    );
    const referenced = new Set<string>();
    for (const [path, text] of texts) {
      if (text === undefined) continue;
      loaded[path] = text;
      for (const match of text.matchAll(/<reference lib="([^"]+)"/g))
        referenced.add(`/lib.${match[1]}.d.ts`);
    }
    level = [...referenced].filter((path) => !(path in loaded) && !level.includes(path));
  }
  return loaded;
}

/** Typings of `packages`, at the paths module resolution looks for them (`/node_modules/jose/…`), all at once. */
export async function loadPackageTypings(packages: string[]): Promise<Record<string, string>> {
  const files = packages.flatMap((name) => Object.entries(packageTypings[name] ?? {}));
  return Object.fromEntries(
    await Promise.all(files.map(async ([path, load]) => [path, await load()] as const)),
  );
}
