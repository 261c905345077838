/** The petitions feature's door: mayoral petitions (市長申立て) and their stages. */
import type { Feature } from '../../contracts';
export {
  matchingStateOf, personPetitions, petitionCaseNumber, petitionMatchedBy, petitionPersonId, petitionsMatchedBy, recordMatchingFromMeeting,
  type MatchingOutcome, type MatchingState, type MeetingRecommendation, type PersonPetition,
} from './petitions-matching';
export { MATCHING_STAGE } from './petitions-stage-service';
export { STAGES, stageDef } from './petition-stages';
import { petitionOutputRoutes } from './petitions-pdf-routes';
import { petitionsRoutes } from './petitions-routes';
import { petitionTimeline } from './petitions-timeline';
import { petitionsByBasis, petitionsByType, petitionsYearly, petitionsFiledMeasure } from './petitions-reports';
import { petitionsImport } from './petitions-import';
import { stalledPetitionReminders } from './petitions-reminders';

export const petitions: Feature = { name: 'petitions', routes: [petitionOutputRoutes, petitionsRoutes], timeline: [petitionTimeline], reports: [petitionsYearly, petitionsByType, petitionsByBasis], importKinds: [petitionsImport], reminders: [stalledPetitionReminders], measures: [petitionsFiledMeasure] };
