/**
 * The petitions feature's door: mayoral petitions (市長申立て) and their stages. Petitions own their
 * tables: the meetings record stage 6 and read petitions through stages/petitions-matching.ts only.
 */
import type { Feature } from '../../contracts';
import { petitionsImport } from './outputs/petitions-import';
import { petitionOutputRoutes } from './outputs/petitions-pdf-routes';
import { stalledPetitionReminders } from './list/petitions-reminders';
import { petitionsByBasis, petitionsByType, petitionsFiledMeasure, petitionsYearly } from './reports/petitions-reports';
import { petitionsRoutes } from './petitions-routes';
import { petitionTimeline } from './petitions-timeline';

export { STAGES, stageDef } from './stages/petition-stages';
export { DEFAULT_FILTERS, listPetitions, stallDays } from './list/petitions-list';
export { isWardHome, renderWardHome } from './list/petitions-list-routes';
export {
  matchingStateOf, personPetitions, petitionCaseNumber, petitionMatchedBy, petitionPersonId, petitionsMatchedBy, recordMatchingFromMeeting,
  type MatchingOutcome, type MatchingState, type MeetingRecommendation, type PersonPetition,
} from './stages/petitions-matching';
export { MATCHING_STAGE } from './stages/petitions-stage-service';

export const petitions: Feature = {
  name: 'petitions',
  routes: [petitionOutputRoutes, petitionsRoutes],
  reports: [petitionsYearly, petitionsByType, petitionsByBasis],
  importKinds: [petitionsImport],
  timeline: [petitionTimeline],
  reminders: [stalledPetitionReminders],
  measures: [petitionsFiledMeasure],
};
