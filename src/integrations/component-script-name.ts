/** What a component's script module id adds to the component's name: `.astro_astro_type_script_index_0_lang`. */
const SCRIPT_MODULE_SUFFIX = /\.astro_astro_type_script_index_\d+_lang$/;

/** Characters Astro keeps out of a built file's name (its `cleanChunkName`): `_` instead. */
const UNSAFE_CHARACTERS = /[^\w./-]/g;

/**
 * The built name of a client entry: `_astro/<name>.<hash>.js`, as Astro names it (`_astro` is its
 * default `build.assets`, which this site keeps), with a
 * component script called after its component (`Search.C7CYo4Oh.js`). Two scripts of one
 * component, or two components of one name, still differ by their hash.
 */
export const componentScriptName = ({ name }: { name: string }) =>
  `_astro/${name.replace(UNSAFE_CHARACTERS, '_').replace(SCRIPT_MODULE_SUFFIX, '')}.[hash].js`;
