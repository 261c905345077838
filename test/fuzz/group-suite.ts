import { useTestApp } from '../helpers/suite';
import { discoverForms, FUZZ_GROUPS, fuzzGroup } from './harness';
import { FormCatalog } from './forms';
import { assertStoredPayloadsEscaped } from './escaping';
import { makeWorld, World } from './world';

/**
 * The whole test file of one fuzz group: the app, the forms found on its pages, every POST route
 * of the group under hostile bodies, then every payload stored shown escaped on the given tables.
 */
export function fuzzGroupSuite(group: keyof typeof FUZZ_GROUPS, { minRoutes, tables }: { minRoutes: number; tables: string[] }): void {
  const t = useTestApp();
  let world: World;
  let catalog: FormCatalog;

  beforeAll(async () => {
    world = await makeWorld(t.app, t.db);
    catalog = await discoverForms(t, world, await world.fixtures());
  }, 120_000); // the discovery opens the pages as every role that may see them

  test('no hostile body gets a 5xx, stores half a record, or is taken for a field the form does not have', async () => {
    const routes = await fuzzGroup(t, world, catalog, group);
    expect(routes.length).toBeGreaterThan(minRoutes);
  }, 240_000);

  test('every payload the fuzz stored is shown escaped', async () => {
    await assertStoredPayloadsEscaped(t, world, tables);
  }, 120_000);
}
