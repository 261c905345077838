/**
 * Every kind of reminder, in the order the home page shows them. To add one, write a
 * ReminderSource (in its feature folder if you like) and add it here — for example:
 *
 * - subsidies: applications waiting for a decision more than 30 days (access 'subsidies:read',
 *   listHref the applications list filtered to 受付/審査)
 * - guardians: trainees who now meet the bank conditions (修了 + 1 year as 支援員 + a follow-up session)
 * - guardians: bank registrants with no follow-up session attended in the last 12 months
 */
import { followUpReminders } from './follow-up-reminders';
import type { ReminderSource } from './reminder-types';
import { stalledPetitionReminders } from './stalled-petition-reminders';

export const REMINDER_SOURCES: readonly ReminderSource[] = [
  followUpReminders,
  stalledPetitionReminders,
];
