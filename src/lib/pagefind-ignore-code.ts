import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';

/**
 * Keeps every Expressive Code block out of the search index. Lab starter code and English code
 * comments otherwise turn up as excerpts (`throw new Error('TODO: preflight')`), even on Japanese
 * results; the prose around a block says what it shows.
 */
export function pagefindIgnoreCode(): ExpressiveCodePlugin {
  return {
    name: 'pagefind-ignore-code',
    hooks: {
      postprocessRenderedBlockGroup: ({ renderData }) => {
        renderData.groupAst.properties = {
          ...renderData.groupAst.properties,
          dataPagefindIgnore: '',
        };
      },
    },
  };
}
