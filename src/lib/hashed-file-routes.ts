import type { APIRoute, GetStaticPaths } from 'astro';
import type { HashedFile } from './hashed-file.ts';

/**
 * An endpoint's exports for a set of hashed files (`src/pages/<folder>/[name].json.ts`, or another
 * extension with its `contentType`): one route per file, so `astro dev` serves them as the build
 * writes them.
 */
export function hashedFileRoutes(files: () => HashedFile[], contentType = 'application/json') {
  const getStaticPaths = (() =>
    files().map((file) => ({
      params: { name: file.name },
      props: { body: file.body },
    }))) satisfies GetStaticPaths;
  const GET: APIRoute = ({ props }) =>
    new Response(props.body as string, { headers: { 'Content-Type': contentType } });
  return { getStaticPaths, GET };
}
