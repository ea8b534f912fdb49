/**
 * The URL a stored file has in the worker's manifest: Workbox keys a revisioned entry as
 * `url?__WB_REVISION__=<revision>`, and the plugins look entries up without it.
 */
export function manifestUrlOf(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete('__WB_REVISION__');
  return url.href;
}
