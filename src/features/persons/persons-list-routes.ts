import { Request } from 'express';
import { audit } from '../../audit/audit-writer';
import { FieldErrors, renderFormPage } from '../../http/forms';
import { queryString } from '../../http/params';
import { SecureRouter } from '../../http/routes';
import { parseDateInput } from '../../lib/dates';
import { isKatakana, normalizeKana, phoneDigits } from '../../lib/kana';
import { can } from '../../policy';
import { describeBirth, loadLookups } from './persons-lookups';
import { KeysetCursor, PersonSearch, searchPersons } from './persons-search';
import { today } from '../../http/today';

export const PAGE_SIZE = 50;

export const SEARCH_MESSAGES = {
  kana: '氏名カナはカタカナ・ひらがなで入力してください',
  birth: '生年月日を正しい日付で入力してください（例：1945-04-01、昭和20年4月1日、S20.4.1）',
  ward: '区を一覧から選択してください',
  phone: '電話番号は数字で入力してください',
} as const;

const FILTERS = ['kana', 'birth', 'ward_id', 'phone'] as const;

/** The search form's values, what they mean, and any field that could not be understood. */
export function parseSearch(req: Request, wardIds: Set<number>) {
  const values = Object.fromEntries(FILTERS.map((f) => [f, queryString(req, f)])) as Record<(typeof FILTERS)[number], string>;
  const errors: FieldErrors = {};
  const s: PersonSearch = {};
  if (values.kana) {
    if (isKatakana(normalizeKana(values.kana))) s.kana = values.kana;
    else errors.kana = SEARCH_MESSAGES.kana;
  }
  if (values.birth) {
    const d = parseDateInput(values.birth);
    if (d.ok) s.birthDate = d.iso;
    else errors.birth = SEARCH_MESSAGES.birth;
  }
  if (values.ward_id) {
    if (wardIds.has(Number(values.ward_id))) s.wardId = Number(values.ward_id);
    else errors.ward_id = SEARCH_MESSAGES.ward;
  }
  if (values.phone) {
    if (phoneDigits(values.phone)) s.phone = values.phone;
    else errors.phone = SEARCH_MESSAGES.phone;
  }
  return { values, errors, search: s };
}

/** The cursor of the 「次の50件」 link: both parts or none. */
function cursorOf(req: Request): KeysetCursor | null {
  const kana = queryString(req, 'after');
  const id = queryString(req, 'after_id');
  return kana && /^\d{1,9}$/.test(id) ? { kana, id: Number(id) } : null;
}

export function personsListRoutes(r: SecureRouter): void {
  r.get('/persons', 'persons:read', async (req, res) => {
    const { db } = req.deps;
    const lookups = await loadLookups(db);
    const { values, errors, search } = parseSearch(req, new Set(lookups.wards.map((w) => w.id)));
    const errorList = Object.entries(errors).map(([field, message]) => ({ field, message }));
    const cursor = cursorOf(req);
    const rows = errorList.length ? [] : await searchPersons(db, search, cursor, PAGE_SIZE + 1);
    const page = rows.slice(0, PAGE_SIZE);
    let nextHref: string | null = null;
    if (rows.length > PAGE_SIZE) {
      const q = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
      q.set('after', page[page.length - 1].kana_key);
      q.set('after_id', String(page[page.length - 1].id));
      nextHref = `/persons?${q}`;
    }
    const firstHref = cursor ? `/persons?${new URLSearchParams(Object.entries(values).filter(([, v]) => v))}` : null;
    if (!errorList.length) await audit(req, 'person.search', 'person', null);
    renderFormPage(res, 'persons/index', {
      values, rows: page, nextHref, firstHref, wards: lookups.wards, today: today(req),
      searched: FILTERS.some((f) => values[f]), describeBirth, canWrite: can(req.user, 'persons:write'),
    }, { errors, errorList }, errorList.length ? 400 : 200);
  });
}
