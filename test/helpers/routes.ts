import { RouteSpec } from '../../src/http/routes';

/** A concrete URL for a declared route: ids that do not exist, a real master kind. */
export function sampleUrl(route: RouteSpec, id = '999999'): string {
  return route.path.replace(/:kind/g, 'wards').replace(/:[a-zA-Z]+/g, id);
}

export const routeName = (r: RouteSpec) => `${r.method.toUpperCase()} ${r.path}`;
