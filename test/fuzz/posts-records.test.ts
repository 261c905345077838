import { useFuzzGroup } from './group-suite';

/** Every POST route of persons, consultations, petitions, subsidies and meetings (the case records) under hostile bodies. */
const group = useFuzzGroup('records');

test('no hostile body gets a 5xx, stores half a record, or is taken for a field the form does not have', async () => {
  expect((await group.fuzz()).length).toBeGreaterThan(15);
}, 240_000);

test('every payload the fuzz stored is shown escaped', async () => {
  await group.assertEscaped(['persons', 'consultations', 'petitions', 'petition_relatives', 'meetings', 'meeting_cases', 'subsidies']);
}, 120_000);
