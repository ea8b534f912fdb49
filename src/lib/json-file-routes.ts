import type { APIRoute, GetStaticPaths } from 'astro';
import type { HashedJson } from './hashed-json.ts';

/**
 * An endpoint's exports for a set of hashed JSON files (`src/pages/<folder>/[name].json.ts`): one
 * route per file, served as JSON, so `astro dev` serves them as the build writes them.
 */
export function jsonFileRoutes(files: () => HashedJson[]) {
  const getStaticPaths = (() =>
    files().map((file) => ({
      params: { name: file.name },
      props: { body: file.body },
    }))) satisfies GetStaticPaths;
  const GET: APIRoute = ({ props }) =>
    new Response(props.body as string, { headers: { 'Content-Type': 'application/json' } });
  return { getStaticPaths, GET };
}
