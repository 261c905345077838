/** The reminders feature's door: what is waiting for the user, on the home page (the sources are their features'). */
import type { Feature } from '../../contracts';

export { loadReminders, reminderLocals } from './reminders';

export const reminders: Feature = { name: 'reminders' };
