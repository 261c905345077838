import { fuzzGroupSuite } from './group-suite';

/** Every POST route of persons, consultations, petitions, subsidies and meetings (the case records) under hostile bodies. */
fuzzGroupSuite('records', {
  minRoutes: 15,
  tables: ['persons', 'consultations', 'petitions', 'petition_relatives', 'meetings', 'meeting_cases', 'subsidies'],
});
