/**
 * The persons feature's door: the persons (本人) every record is about; the picker other forms use;
 * the person summaries other pages show; and what the imports match persons with.
 */
import type { Feature } from '../../contracts';
import { personsRoutes } from './persons-routes';

export { describeReasons, matchReasons } from './persons-duplicates';
export { petitionChoicesRoute } from './person-pick';
export { findPickablePerson, isPersonSearch, pickedPerson, searchForPick, type PickedPerson } from './person-pick';
export { candidatesAmong, personsBornOn } from './persons-duplicates';
export { allowedIds, loadLookups } from './persons-lookups';
export { kanaKeys, staffPersonSummary, wardPersonSummary, type StaffPersonView, type WardPersonView } from './persons-queries';
export { personSchema } from './persons-form';
export type { PersonHit } from './persons-search';

export const persons: Feature = {
  name: 'persons',
  routes: [personsRoutes],
};
