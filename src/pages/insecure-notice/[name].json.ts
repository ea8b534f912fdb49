import { PAGE_LANGS } from '../../lib/dictionaries.ts';
import { insecureNoticeFile } from '../../lib/insecure-notice-words.ts';
import { jsonFileRoutes } from '../../lib/json-file-routes.ts';

/** The not-a-secure-context notice's words in each language (see src/lib/insecure-notice-words.ts). */
export const { getStaticPaths, GET } = jsonFileRoutes(() => PAGE_LANGS.map(insecureNoticeFile));
