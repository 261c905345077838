/**
 * The mayoral-petition trend tables (issue 4): filed petitions per fiscal year of filing, by ward,
 * by 類型 sought and by legal basis. Readable by every role with 'petitions:read'; a ward user's
 * tables count their ward only.
 */
import { yearsAndFilters } from '../../reports';
import { ALL_WARDS, type ReportDef, type YearsParams, type PastFiguresSpec } from '../../../contracts/report';
import { countRows, type DashboardMeasure } from '../../../contracts/dashboard';
import { filedYears, PETITION_DIMENSIONS, PetitionDimension, petitionYearTable, PETITIONS_TITLE } from './petitions-reports-table';

const parse = yearsAndFilters([]);

/**
 * Past-year figures: one per row value in use (the five wards; 後見・保佐・補助; the three bases).
 * A fiscal year in which any petition was filed (any ward) counts records. Only the by-ward
 * figures are a ward's own; the by-類型 and by-根拠法 ones are the city's (記録なし for a ward user).
 */
const pastFigures = (d: PetitionDimension): PastFiguresSpec => ({
  rows: async (db) => (await d.values(db, ALL_WARDS)).filter((v) => v.always).map((v) => ({ key: d.rowKey(v.id), label: v.label })),
  recordYears: filedYears,
  ...(d.column === 'ward_id' ? { wardRow: d.rowKey } : {}),
});

function trend(id: string, d: PetitionDimension, description: string): ReportDef<YearsParams> {
  const figures = pastFigures(d);
  return {
    id,
    title: `${PETITIONS_TITLE}の推移（${d.titleSuffix}）`,
    description,
    fileTitle: `${PETITIONS_TITLE}_${d.titleSuffix}`,
    access: 'petitions:read',
    period: 'years',
    filters: [],
    parse,
    build: (db, params, scope) => petitionYearTable(db, id, params, scope, d, figures),
    pastFigures: figures,
  };
}

export const petitionsYearly = trend('petitions-yearly', PETITION_DIMENSIONS.ward,
  '家庭裁判所に申し立てた年度ごとの市長申立て件数を区別に集計します（既定は直近5年度）。');
export const petitionsByType = trend('petitions-by-type', PETITION_DIMENSIONS.type,
  '年度ごとの市長申立て件数を、申し立てた類型（後見・保佐・補助）別に集計します。');
export const petitionsByBasis = trend('petitions-by-basis', PETITION_DIMENSIONS.basis,
  '年度ごとの市長申立て件数を、根拠法（老人福祉法・知的障害者福祉法・精神保健福祉法）別に集計します。');

/** The dashboard's measure: mayoral petitions filed with the family court (stage 8) by filing date, every ward. */
export const petitionsFiledMeasure: DashboardMeasure = {
  key: 'petitions_filed', label: '市長申立て（家裁への申立て）', unit: '件', href: '/reports/petitions-yearly',
  count: (db, from, to) => countRows(db('petitions').whereBetween('filed_on', [from, to])),
};
