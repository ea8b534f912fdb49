/** The guide's home page in a language (`/`, `/ja/`; `root` is English), under the site's base. */
export function homeOf(locale: string | undefined): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${locale === 'ja' ? 'ja/' : ''}`;
}
