/** A small, known set of consultations whose FY2023 monthly table is written out by hand in the tests. */
import { Knex } from 'knex';

export async function insertKnownConsultations(db: Knex): Promise<void> {
  const cat = async (name: string) => (await db('consultation_categories').where({ name }).first('id')).id as number;
  const ward = async (name: string) => (await db('wards').where({ name }).first('id')).id as number;
  const rows = [
    { consulted_on: '2023-04-03', category_id: await cat('問い合わせ'), ward_id: await ward('東区') },
    { consulted_on: '2023-04-10', category_id: await cat('身上保護'), ward_id: await ward('中央区') },
    { consulted_on: '2023-04-10', category_id: await cat('問い合わせ'), ward_id: null },
    { consulted_on: '2023-05-15', category_id: await cat('財産管理'), ward_id: await ward('東区') },
    { consulted_on: '2024-03-31', category_id: await cat('専門相談'), ward_id: await ward('東区') },
    { consulted_on: '2024-03-31', category_id: await cat('専門相談'), ward_id: null, deleted_at: new Date(), deleted_reason: '重複' },
    { consulted_on: '2024-04-01', category_id: await cat('制度説明'), ward_id: await ward('西区') },
    { consulted_on: '2023-03-31', category_id: await cat('制度説明'), ward_id: await ward('西区') },
  ];
  await db('consultations').insert(rows);
}

export const LEAF_HEADER = '問い合わせ,権利擁護,制度説明,申立支援,後見人支援/身上保護,後見人支援/財産管理,後見人候補者,状況調査,今後の生活設計,任意後見,その他,連絡調整,専門相談,合計';
const zeros = (label: string) => `${label},${new Array(14).fill('0').join(',')}`;

/** The exact FY2023 monthly CSV for the known data: BOM, CRLF, 月 + leaves + 合計, 4月 … 3月, 計. */
export const KNOWN_MONTHLY_CSV_2023 = `\uFEFF${[
  `月,${LEAF_HEADER}`,
  '4月,2,0,0,0,1,0,0,0,0,0,0,0,0,3',
  '5月,0,0,0,0,0,1,0,0,0,0,0,0,0,1',
  ...['6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月'].map(zeros),
  '3月,0,0,0,0,0,0,0,0,0,0,0,0,1,1',
  '計,2,0,0,0,1,1,0,0,0,0,0,0,1,5',
].map((l) => `${l}\r\n`).join('')}`;

/** The FY2023 by-ward CSV: every live ward, 未設定 for the row without one, then 計. */
export const KNOWN_BY_WARD_CSV_2023 = `\uFEFF${[
  `区,${LEAF_HEADER}`,
  '中央区,0,0,0,0,1,0,0,0,0,0,0,0,0,1',
  '東区,1,0,0,0,0,1,0,0,0,0,0,0,1,3',
  zeros('西区'),
  zeros('南区'),
  zeros('北区'),
  '未設定,1,0,0,0,0,0,0,0,0,0,0,0,0,1',
  '計,2,0,0,0,1,1,0,0,0,0,0,0,1,5',
].map((l) => `${l}\r\n`).join('')}`;
