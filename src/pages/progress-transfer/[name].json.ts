import { PAGE_LANGS } from '../../lib/dictionaries.ts';
import { jsonFileRoutes } from '../../lib/json-file-routes.ts';
import { progressTransferFile } from '../../lib/progress-transfer-data.ts';

/** Export and Import's messages and lab catalog in each language (see src/lib/progress-transfer-data.ts). */
export const { getStaticPaths, GET } = jsonFileRoutes(() => PAGE_LANGS.map(progressTransferFile));
