import { hiddenFields } from './http-client';
import { Session, Step } from './load';

export interface JourneyData {
  /** fiscal year of the list filter and the monthly table (the current one: what staff look at) */
  fy: number;
  wards: number[];
  method: number;
  category: number;
  /** persons new consultations are linked to, then opened */
  persons: number[];
  today: string;
}

/** The journey's person: a different one each round and session. */
const person = (d: JourneyData, s: Session) => d.persons[(s.round * 7 + s.userId) % d.persons.length];
const ward = (d: JourneyData, s: Session) => d.wards[s.round % d.wards.length];
/** Every other round narrows the list by method too. */
const listQuery = (d: JourneyData, s: Session) => `fy=${d.fy}&ward=${ward(d, s)}${s.round % 2 ? `&method=${d.method}` : ''}`;

const firstId = (pattern: RegExp) => (s: Session, body: string) => {
  const m = pattern.exec(body);
  if (m) s.found.consultation = m[1];
};

/**
 * A center staff member's round, as the app serves it: the list with filters, one consultation,
 * the entry form for a person (read with its CSRF and any other hidden fields), the post
 * (303 to the new record), the person's page and the monthly table.
 */
export function appJourney(d: JourneyData): Step[] {
  return [
    { name: '相談一覧（絞り込み）', path: (s) => `/consultations?${listQuery(d, s)}`, expect: 200, read: firstId(/href="\/consultations\/(\d+)"/) },
    { name: '相談記録を開く', path: (s) => `/consultations/${s.found.consultation ?? '1'}`, expect: 200 },
    {
      name: '登録フォーム', path: (s) => `/consultations/new?person_id=${person(d, s)}`, expect: 200,
      read: (s, body) => { s.found = { ...s.found, ...hiddenFields(body, '/consultations') }; },
    },
    {
      name: '相談記録を登録（POST）', method: 'POST', path: () => '/consultations', expect: 303,
      body: (s) => {
        const { consultation: _c, ...hidden } = s.found;
        return new URLSearchParams({
          ...hidden, intent: 'save', consulted_on: d.today, start_time: '10:00', duration_minutes: '30',
          method_id: String(d.method), consultee_id: '', category_id: String(d.category), ward_id: '', person_id: String(person(d, s)),
          age_band_id: '', sex_id: '', condition_id: '', referral_center_id: '', content: 'ベンチマークによる登録', response: '',
          referral: '', follow_up_on: '', staff_id: String(s.userId),
        }).toString();
      },
    },
    { name: '本人ページ', path: (s) => `/persons/${person(d, s)}`, expect: 200 },
    { name: '月別集計表', path: () => `/reports/consultations-monthly?fy=${d.fy}`, expect: 200 },
  ];
}

/** The same round against the bare routes (servers.ts, bare-journey.ts): the same queries, JSON answers. */
export function bareJourney(d: JourneyData): Step[] {
  return [
    { name: '相談一覧（絞り込み）', path: (s) => `/list?${listQuery(d, s)}`, expect: 200, read: firstId(/"id":(\d+)/) },
    { name: '相談記録を開く', path: (s) => `/consultations/${s.found.consultation ?? '1'}`, expect: 200 },
    { name: '登録フォーム', path: (s) => `/new?person_id=${person(d, s)}`, expect: 200 },
    { name: '相談記録を登録（POST）', method: 'POST', path: (s) => `/consultations?person_id=${person(d, s)}&category=${d.category}`, body: () => '', expect: 200 },
    { name: '本人ページ', path: (s) => `/persons/${person(d, s)}`, expect: 200 },
    { name: '月別集計表', path: () => `/monthly?fy=${d.fy}`, expect: 200 },
  ];
}
