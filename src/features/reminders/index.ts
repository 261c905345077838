/** The reminders feature's door: what is waiting for the user, on the home page. */
import type { Feature } from '../../contracts';

export const reminders: Feature = { name: 'reminders' };
