import { useFuzzGroup } from './group-suite';

/** Every POST route of login, account, two-factor and admin under hostile bodies. */
const group = useFuzzGroup('accounts');

test('no hostile body gets a 5xx, stores half a record, or is taken for a field the form does not have', async () => {
  expect((await group.fuzz()).length).toBeGreaterThan(12);
}, 240_000);

test('every payload the fuzz stored is shown escaped', async () => {
  await group.assertEscaped(['users', 'referral_centers']);
}, 120_000);
