/** The persons feature's door: the persons (本人) every record is about, and the picker other forms use. */
import type { Feature } from '../../contracts';
import { personsRoutes } from './persons-routes';

export { staffPersonSummary, wardPersonSummary, type StaffPersonView, type WardPersonView } from './persons-queries';

export const persons: Feature = { name: 'persons', routes: [personsRoutes] };
