/** Master data as domain.md lays it out. Seeded once; an admin maintains it from then on. */

export const WARDS = ['中央区', '東区', '西区', '南区', '北区'];

export const CATEGORY_TREE: { name: string; children?: string[] }[] = [
  { name: '問い合わせ' },
  { name: '権利擁護' },
  { name: '制度説明' },
  { name: '申立支援' },
  { name: '後見人支援', children: ['身上保護', '財産管理'] },
  { name: '後見人候補者' },
  { name: '状況調査' },
  { name: '今後の生活設計' },
  { name: '任意後見' },
  { name: 'その他' },
  { name: '連絡調整' },
  { name: '専門相談' },
];

export const REFERRAL_CENTERS: { kind: string; name: string }[] = [
  { kind: 'ささえりあ', name: 'ささえりあ天神' },
  { kind: 'ささえりあ', name: 'ささえりあ城南' },
];

export const CODE_LISTS: Record<string, string[]> = {
  consultation_method: ['来所', '電話', '訪問', '文書・メール', '専門相談会', 'その他'],
  consultee: ['本人', '親族', 'ささえりあ', '障がい者相談支援センター', 'ケアマネジャー', '医療機関', '施設', '区役所', '民生委員', '後見人等', '専門職', 'その他'],
  condition: ['認知症', '知的障害', '精神障害', '高次脳機能障害', 'その他', '不明'],
  sex: ['男性', '女性', '不明'],
  age_band: ['40歳未満', '40歳代', '50歳代', '60〜64歳', '65〜74歳', '75〜84歳', '85歳以上', '不明'],
  guardianship_type: ['後見', '保佐', '補助', '任意後見'],
  legal_basis: ['老人福祉法第32条', '知的障害者福祉法第28条', '精神保健福祉法第51条の11の2'],
  petitioner_relation: ['本人', '配偶者', '親', '子', '兄弟姉妹', 'その他親族', '成年後見人等', '任意後見人等', '検察官', '市区町村長'],
  petition_motive: ['預貯金等の管理・解約', '保険金受取', '不動産の処分', '相続手続', '訴訟手続等', '介護保険契約', '身上保護', 'その他'],
  start_cause: ['認知症', '知的障害', '統合失調症', '高次脳機能障害', '遷延性意識障害', 'その他'],
  guardian_relation: ['配偶者', '親', '子', '兄弟姉妹', 'その他親族', '弁護士', '司法書士', '社会福祉士', '社会福祉協議会', '税理士', '行政書士', '精神保健福祉士', '市民後見人', 'その他法人', 'その他個人'],
  handbook_type: ['身体障害者手帳', '療育手帳', '精神障害者保健福祉手帳'],
  care_level: ['非該当', '要支援1', '要支援2', '要介護1', '要介護2', '要介護3', '要介護4', '要介護5', '未申請'],
  attendee_org: ['弁護士会', '司法書士会', '社会福祉士会', '家庭裁判所', '市', 'センター'],
};

export const CODE_LIST_NAMES: Record<string, string> = {
  consultation_method: '相談方法',
  consultee: '相談者',
  condition: '疾病・障害',
  sex: '性別',
  age_band: '年齢区分',
  guardianship_type: '類型',
  legal_basis: '根拠法',
  petitioner_relation: '申立人と本人との関係',
  petition_motive: '申立ての動機',
  start_cause: '開始原因',
  guardian_relation: '成年後見人等と本人との関係',
  handbook_type: '手帳種別',
  care_level: '要介護度',
  attendee_org: '会議出席機関',
  // lists added after the first release come from data migrations, named here for the admin screens
  petition_document: '申立書類チェックリスト',
  guardian_kind: '後見人等の種別（受任調整会議の推薦・選任）',
};

export const SUBSIDY_CAPS = [
  { setting: '在宅', monthly_yen: 28000, valid_from: '2000-04-01', valid_to: null },
  { setting: '施設', monthly_yen: 18000, valid_from: '2000-04-01', valid_to: null },
];

export const SETTINGS: Record<string, number> = { petition_stall_days: 30 };
