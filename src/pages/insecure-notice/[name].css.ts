import { insecureNoticeStyles } from '../../lib/insecure-notice-words.ts';
import { hashedFileRoutes } from '../../lib/hashed-file-routes.ts';

/** The not-a-secure-context notice's styles (see src/lib/insecure-notice-words.ts). */
export const { getStaticPaths, GET } = hashedFileRoutes(() => [insecureNoticeStyles()], 'text/css');
