import type { APIRoute, GetStaticPaths } from 'astro';
import { allProgressTransferFiles } from '../../lib/progress-transfer-data.ts';

/** Export and Import's messages and lab catalog in each language (see src/lib/progress-transfer-data.ts). */
export const getStaticPaths = (() =>
  allProgressTransferFiles().map((file) => ({
    params: { name: file.name },
    props: { body: file.body },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as string, { headers: { 'Content-Type': 'application/json' } });
