/**
 * Every report, by stable id. Routes (/reports/<id>[.csv|.xlsx|.pdf]), the index page and
 * `npm run cli -- export <id>` all read this list: to add a report, write its ReportDef
 * (in its own feature folder if you like) and add it here.
 */
import {
  consultationsByCondition, consultationsByConsultee, consultationsByMethod, consultationsByWard, consultationsMonthly,
} from './consultations-reports';
import { consultationsYearly } from './consultations-yearly';
import { petitionsByBasis, petitionsByType, petitionsYearly } from '../petitions/petitions-reports';
import { meetingsMonthly, meetingsRecommendations } from '../meetings/meetings-reports';
import { subsidiesYearly } from '../subsidies/subsidies-reports';
import { trainingYearly } from '../guardians/training-report';
import { indicatorsReport } from '../indicators/indicators-report';
import type { ReportDef } from '../../contracts/report';

export const REPORTS: readonly ReportDef[] = [
  consultationsMonthly,
  consultationsByWard,
  consultationsByMethod,
  consultationsByConsultee,
  consultationsByCondition,
  consultationsYearly,
  petitionsYearly,
  petitionsByType,
  petitionsByBasis,
  meetingsMonthly,
  meetingsRecommendations,
  subsidiesYearly,
  trainingYearly,
  indicatorsReport,
];

export function findReport(id: string): ReportDef | undefined {
  return REPORTS.find((r) => r.id === id);
}
