/** What the seed puts in the database and the journeys expect to find there. */
export { TEST_PASSWORD, TEST_TOTP_SECRET } from '../helpers/factories';

export const E2E_USERS = {
  /** Must use a second factor (the default for managers); enrolled with TEST_TOTP_SECRET. */
  manager: 'e2e-manager',
  /** A second manager (same TOTP secret) for the past-figures journey, so the two logins are no replay of each other. */
  figuresManager: 'e2e-manager-figures',
  staff: 'e2e-staff',
  /** 区役所職員 of 東区. */
  east: 'e2e-east',
  /** A second manager (same TOTP secret) for the subsidy journey: a code is accepted once per user. */
  subsidyManager: 'e2e-manager-subsidies',
  /** 区役所職員 of 南区 (the ward-day journey advances its petition; no other journey touches 南区). */
  south: 'e2e-south',
  /** A manager (same TOTP secret) for the manager-day journey. */
  dayManager: 'e2e-manager-day',
} as const;

/** One petition in each of 東区, 北区 and 南区, as a ledger CSV for `import petitions`. */
export const PETITION_NAMES = { east: '熊本 花子', north: '肥後 太郎', south: '城南 良子' } as const;
export const PETITIONS_CSV = [
  '氏名,氏名カナ,生年月日,区,根拠法,類型,相談受付日,決裁日,申立日,審判日,事件番号',
  `${PETITION_NAMES.east},クマモト ハナコ,昭和15年5月1日,東区,老人福祉法,後見,R6.4.5,,,,`,
  `${PETITION_NAMES.north},ヒゴ タロウ,1960-02-11,北区,知的障害者福祉法,保佐,2024/6/1,,,,`,
  `${PETITION_NAMES.south},ジョウナン ヨシコ,S12.8.20,南区,老人福祉法,後見,R8.10.1,,,,`,
].join('\r\n');

/** The person whose file is full (test/e2e/seed-records.ts): 西区, every kind of record. */
export const FULL_RECORD = { name: '阿蘇 一郎', kana: 'アソ イチロウ' } as const;

export interface RecordIds {
  personId: number;
  consultationId: number;
  petitionId: number;
  subsidyId: number;
  meetingId: number;
  caseId: number;
  guardianId: number;
}

/** What the day journeys (staff-day, manager-day) find waiting: test/e2e/seed-days.ts. */
export const DAY_RECORDS = {
  /** An application in 審査 for the manager to decide. */
  subsidyPerson: { name: '宇城 次郎', kana: 'ウキ ジロウ' },
  /** The monthly table's year only the manager-day journey reads: 令和4年度, consultations in June (2 × 制度説明) and November. */
  monthlyYear: 2022,
  /** The cohort new trainees join. */
  course: '令和8年度 市民後見人養成講座',
} as const;

export interface SeedResult {
  managerId: number;
  eastPetitionId: number;
  northPetitionId: number;
  /** A consultation (fiscal year 2024) the conflict journey edits in two tabs. */
  conflictConsultationId: number;
  /** Every record of FULL_RECORD's file. */
  full: RecordIds;
}
