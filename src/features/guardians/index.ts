/** The guardians feature's door: citizen guardians, their courses, follow-up training and the bank. */
import type { Feature } from '../../contracts';
import { guardiansRoutes } from './guardians-routes';
import { guardianAppointmentTimeline } from './guardians-timeline';
import { trainingYearly } from './training-report';
import { followupImport } from './followup-import';
import { traineesImport } from './trainees-import';
import { bankFollowupReminders } from './bank-followup-reminders';
import { bankReadyReminders } from './bank-ready-reminders';

export const guardians: Feature = { name: 'guardians', routes: [guardiansRoutes], timeline: [guardianAppointmentTimeline], reports: [trainingYearly], importKinds: [traineesImport, followupImport], reminders: [bankReadyReminders, bankFollowupReminders] };
