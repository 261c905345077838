/**
 * Every kind of reminder, in the order the home page shows them. To add one, write a
 * ReminderSource (in its feature folder if you like) and add it here.
 */
import { bankFollowupReminders } from './bank-followup-reminders';
import { bankReadyReminders } from './bank-ready-reminders';
import { followUpReminders } from './follow-up-reminders';
import type { ReminderSource } from '../../contracts/reminder';
import { stalledPetitionReminders } from './stalled-petition-reminders';
import { waitingSubsidyReminders } from './waiting-subsidy-reminders';

export const REMINDER_SOURCES: readonly ReminderSource[] = [
  followUpReminders,
  stalledPetitionReminders,
  waitingSubsidyReminders,
  bankReadyReminders,
  bankFollowupReminders,
];
