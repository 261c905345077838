/** The guardians feature's door: citizen guardians, their courses, follow-up training and the bank. */
import type { Feature } from '../../contracts';
import { bankFollowupReminders, bankReadyReminders } from './bank/bank-reminders';
import { followupImport } from './import/followup-import';
import { guardiansRoutes } from './guardians-routes';
import { guardianAppointmentTimeline } from './appointments/appointments-timeline';
import { traineesImport } from './import/trainees-import';
import { trainingYearly } from './training-report';

export { citizenGuardianCases } from './training-report';

export const guardians: Feature = {
  name: 'guardians',
  routes: [guardiansRoutes],
  reports: [trainingYearly],
  importKinds: [traineesImport, followupImport],
  timeline: [guardianAppointmentTimeline],
  reminders: [bankReadyReminders, bankFollowupReminders],
};
