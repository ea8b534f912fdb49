import type { APIRoute, GetStaticPaths } from 'astro';
import { allLabDataFiles } from '../../lib/lab-data.ts';
import { labSlugs } from '../../lib/lab-sources.ts';

/** Every lab's data files and the workbench's strings (see src/lib/lab-data.ts): one endpoint, so `astro dev` serves them too. */
export const getStaticPaths = (() =>
  allLabDataFiles(labSlugs()).map((file) => ({
    params: { name: file.name },
    props: { body: file.body },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as string, { headers: { 'Content-Type': 'application/json' } });
