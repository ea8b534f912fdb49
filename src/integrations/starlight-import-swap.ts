import type { AstroIntegration } from 'astro';

/**
 * An integration that gives some of Starlight's components another file where they import
 * `source` (a path as written in their import): `replacement`, when the importer is one of
 * `components` (names of `.astro` files in `@astrojs/starlight/dist/components/`). Resolved as
 * Vite loads them, so dev and build agree. Each user keeps a unit test that the components still
 * import `source` that way, so a Starlight upgrade that moves the import fails a test rather than
 * quietly drawing Starlight's own.
 */
export function starlightImportSwap(options: {
  name: string;
  components: readonly string[];
  source: string;
  replacement: string;
}): AstroIntegration {
  const importer = new RegExp(
    `[\\\\/]@astrojs[\\\\/]starlight[\\\\/]dist[\\\\/]components[\\\\/](${options.components.join('|')})\\.astro$`,
  );
  return {
    name: options.name,
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: options.name,
                enforce: 'pre',
                resolveId: (source: string, from: string | undefined) =>
                  source === options.source && from && importer.test(from.split('?')[0])
                    ? options.replacement
                    : undefined,
              },
            ],
          },
        });
      },
    },
  };
}
