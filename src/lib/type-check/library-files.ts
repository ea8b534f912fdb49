/**
 * TypeScript's standard library and package typings for the in-browser type checker, each file
 * a lazily loaded chunk so a lab page fetches only what the checker asks for, and only after
 * the editor is ready.
 */
const standardLibrary = import.meta.glob<string>('/node_modules/typescript/lib/lib.*.d.ts', {
  query: '?raw',
  import: 'default',
});

/** Typings of the npm packages a lab may import (`lab.packages`), by package name. */
const packageTypings: Record<string, Record<string, () => Promise<string>>> = {
  jose: {
    ...import.meta.glob<string>('/node_modules/jose/dist/types/**/*.d.ts', { query: '?raw', import: 'default' }),
    ...import.meta.glob<string>('/node_modules/jose/package.json', { query: '?raw', import: 'default' }),
  },
};

const ROOT_LIBRARIES = ['es2023', 'dom'];

/** `/lib.<name>.d.ts` files for the roots and everything they reference, keyed by that path. */
export async function loadStandardLibrary(): Promise<Record<string, string>> {
  const loaded: Record<string, string> = {};
  const pending = [...ROOT_LIBRARIES];
  while (pending.length) {
    const name = pending.pop()!;
    const path = `/lib.${name}.d.ts`;
    if (path in loaded) continue;
    const load = standardLibrary[`/node_modules/typescript/lib${path}`];
    if (!load) continue;
    const text = await load();
    loaded[path] = text;
    for (const match of text.matchAll(/<reference lib="([^"]+)"/g)) pending.push(match[1]);
  }
  return loaded;
}

/** Typings of `packages`, at the paths module resolution looks for them (`/node_modules/jose/…`). */
export async function loadPackageTypings(packages: string[]): Promise<Record<string, string>> {
  const loaded: Record<string, string> = {};
  for (const name of packages) {
    for (const [path, load] of Object.entries(packageTypings[name] ?? {})) loaded[path] = await load();
  }
  return loaded;
}
