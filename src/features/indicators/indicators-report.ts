/** Report `indicators`: the plan indicators against the straight-line path, in the four formats. */
import { fyAndFilters } from '../reports';
import type { FyParams, ReportDef } from '../../contracts/report';
import { INDICATORS_ID, INDICATORS_TITLE, indicatorsTable } from './indicators-table';

export const indicatorsReport: ReportDef<FyParams> = {
  id: INDICATORS_ID,
  title: INDICATORS_TITLE,
  description: '成年後見制度利用者数と市民後見人の対応ケース数の実績を、基準値から目標値への直線の計画値と並べて示します（選んだ年度の時点）。',
  fileTitle: '成果指標',
  access: 'indicators:read',
  period: 'fy',
  filters: [],
  parse: fyAndFilters([]),
  build: (db, params) => indicatorsTable(db, params.fy),
};
