import { useFuzzGroup } from './group-suite';

/** Every POST route of the citizen-guardian area (roster, steps, courses, follow-ups, appointments, imports) under hostile bodies. */
const group = useFuzzGroup('guardians');

test('no hostile body gets a 5xx, stores half a record, or is taken for a field the form does not have', async () => {
  expect((await group.fuzz()).length).toBeGreaterThan(15);
}, 240_000);

test('every payload the fuzz stored is shown escaped', async () => {
  await group.assertEscaped(['citizen_guardians', 'guardian_followup_sessions', 'guardian_courses']);
}, 120_000);
