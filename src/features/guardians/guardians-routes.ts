import { SecureRouter } from '../../http/routes';
import { importKindRoutes } from '../imports';
import { appointmentsRoutes } from './appointments/appointments-routes';
import { attendanceRoutes } from './courses/courses-attendance-routes';
import { coursesRoutes } from './courses/courses-routes';
import { followupImport } from './import/followup-import';
import { followupsRoutes } from './followups/followups-routes';
import { formRoutes, listRoutes, showRoutes } from './roster/roster-routes';
import { stepsRoutes } from './bank/guardians-steps-routes';
import { traineesImport } from './import/trainees-import';

/**
 * 市民後見人 (domain.md §6): the roster and each person's steps, courses with attendance and
 * completion, follow-up sessions, bank and 協力員 periods, appointments, and the two imports.
 * Ids only match digits (others fall through with next('route')), so '/guardians/courses' and
 * '/guardians/followups/import' are never taken for an id. Ward users have no permission here.
 */
export function guardiansRoutes(r: SecureRouter): void {
  for (const name of ['guardianId', 'courseId', 'enrolmentId', 'sessionId', 'appointmentId']) {
    r.router.param(name, (_req, _res, next, value: string) => {
      next(/^\d{1,9}$/.test(value) ? undefined : 'route');
    });
  }
  importKindRoutes(r, traineesImport);
  importKindRoutes(r, followupImport);
  listRoutes(r);
  coursesRoutes(r);
  attendanceRoutes(r);
  followupsRoutes(r);
  formRoutes(r);
  showRoutes(r);
  stepsRoutes(r);
  appointmentsRoutes(r);
}
