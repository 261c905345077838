import { useTestApp } from '../helpers/suite';
import { discoverForms, fuzzGroup } from './harness';
import { FormCatalog } from './forms';
import { assertStoredPayloadsEscaped } from './escaping';
import { makeWorld, World } from './world';

/** Every POST route of the citizen-guardian area (roster, steps, courses, follow-ups, appointments, imports) under hostile bodies. */
const t = useTestApp();
let world: World;
let catalog: FormCatalog;

beforeAll(async () => {
  world = await makeWorld(t.app, t.db);
  catalog = await discoverForms(t, world, await world.fixtures());
}, 120_000); // every page of the registry, as every role

test('no hostile body gets a 5xx, stores half a record, or is taken for a field the form does not have', async () => {
  const routes = await fuzzGroup(t, world, catalog, 'guardians');
  expect(routes.length).toBeGreaterThan(15);
}, 240_000);

test('every payload the fuzz stored is shown escaped', async () => {
  await assertStoredPayloadsEscaped(t, world, ['citizen_guardians', 'guardian_followup_sessions', 'guardian_courses']);
}, 120_000);
