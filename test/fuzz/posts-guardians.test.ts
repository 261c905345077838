import { fuzzGroupSuite } from './group-suite';

/** Every POST route of the citizen-guardian area (roster, steps, courses, follow-ups, appointments, imports) under hostile bodies. */
fuzzGroupSuite('guardians', { minRoutes: 15, tables: ['citizen_guardians', 'guardian_followup_sessions', 'guardian_courses'] });
