import { useTestApp } from '../helpers/suite';
import { discoverForms, fuzzGroup } from './harness';
import { FormCatalog } from './forms';
import { assertStoredPayloadsEscaped } from './escaping';
import { makeWorld, World } from './world';

/** Every POST route of persons, consultations and petitions (the case records) under hostile bodies. */
const t = useTestApp();
let world: World;
let catalog: FormCatalog;

beforeAll(async () => {
  world = await makeWorld(t.app, t.db);
  catalog = await discoverForms(t, world, await world.fixtures());
}, 120_000); // every page of the registry, as every role

test('no hostile body gets a 5xx, stores half a record, or is taken for a field the form does not have', async () => {
  const routes = await fuzzGroup(t, world, catalog, 'records');
  expect(routes.length).toBeGreaterThan(15);
}, 240_000);

test('every payload the fuzz stored is shown escaped', async () => {
  await assertStoredPayloadsEscaped(t, world, ['persons', 'consultations', 'petitions', 'petition_relatives']);
}, 120_000);
