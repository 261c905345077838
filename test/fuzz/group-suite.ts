import { useTestApp } from '../helpers/suite';
import { RouteSpec } from '../../src/http/routes';
import { discoverForms, FUZZ_GROUPS, fuzzGroup } from './harness';
import { FormCatalog } from './forms';
import { assertStoredPayloadsEscaped } from './escaping';
import { makeWorld, World } from './world';

export interface FuzzGroupRun {
  /** Fuzzes every POST route of the group; resolves to the routes fuzzed, throws naming each that failed. */
  fuzz(): Promise<RouteSpec[]>;
  /** Every payload the fuzz stored in these tables is shown escaped. */
  assertEscaped(tables: string[]): Promise<void>;
}

/**
 * The setup of one fuzz group's test file: the app, a user per role, and the forms found on the
 * pages as every role that may see them (made in beforeAll).
 */
export function useFuzzGroup(group: keyof typeof FUZZ_GROUPS): FuzzGroupRun {
  const t = useTestApp();
  let world: World;
  let catalog: FormCatalog;
  beforeAll(async () => {
    world = await makeWorld(t.app, t.db);
    catalog = await discoverForms(t, world, await world.fixtures());
  }, 120_000); // the discovery opens the pages as every role that may see them
  return {
    fuzz: () => fuzzGroup(t, world, catalog, group),
    assertEscaped: (tables) => assertStoredPayloadsEscaped(t, world, tables),
  };
}
