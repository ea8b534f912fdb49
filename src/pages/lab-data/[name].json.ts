import { jsonFileRoutes } from '../../lib/json-file-routes.ts';
import { allLabDataFiles } from '../../lib/lab-data.ts';
import { labSlugs } from '../../lib/lab-sources.ts';

/** Every lab's data files and the workbench's strings (see src/lib/lab-data.ts). */
export const { getStaticPaths, GET } = jsonFileRoutes(() => allLabDataFiles(labSlugs()));
