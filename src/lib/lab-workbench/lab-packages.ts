/**
 * npm packages a lab may import in the browser (`lab.packages`). Bundlers can only split a
 * dynamic import with a literal name, so each package is listed here once; the worker loads only
 * the ones its lab declares, and the build fails for a lab that declares one missing here.
 */
export const labPackages: Record<string, () => Promise<unknown>> = {
  jose: () => import('jose'),
};
