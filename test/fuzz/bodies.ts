/**
 * fast-check arbitraries for hostile form bodies: a real form's fields (optionally filled so the
 * rest is valid) with some of them replaced by wrong types, huge strings, control characters,
 * 全角 digits, impossible dates, SQL and script payloads, plus fields the form never had.
 */
import fc from 'fast-check';
import { newFormToken } from '../../src/http/one-time-form';
import { FoundForm, Pair } from './forms';
import { Actor, Fixtures } from './world';

export const SCRIPT_PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'] as const;
export const SQL_PAYLOADS = ["' OR 1=1 --", "1; DROP TABLE persons; --", "1' UNION SELECT password_hash FROM users --"] as const;

const CONSTANTS = [
  ...SCRIPT_PAYLOADS, ...SQL_PAYLOADS,
  '2023-02-30', '2025-13-01', '令和元年4月1日', '令和0年1月1日', '平成31年5月1日', '昭和64年1月8日', 'R7.13.1', '２０２５－０４－０１', '令和７年４月１日',
  '１２３', '０', '-1', '0', '1.5', '1e9', 'NaN', 'Infinity', '99999999999999999999', '2147483648', '0x10',
  ' ', '', '\u0000', 'a\u0000b', '\u0001\u0008\u001f\u007f', '\u2028\u2029', '\uFEFF', '\r\n\r\n', '%00', '\uD800',
  '../../etc/passwd', '{{7*7}}', '<%= 7*7 %>', '${7*7}', 'true', 'null', '[]', '{}', '𠮷', 'ｸﾏﾓﾄ ﾀﾛｳ', 'くまもと',
  'admin', 'ward', 'on', '1', '12', 'done', 'not_needed', '取下げ', '完了',
];

/** One hostile value. */
export const nastyValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CONSTANTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(100_000), 'あ'.repeat(20_000), SCRIPT_PAYLOADS[0].repeat(3000)) },
);

type MutationKind = 'replace' | 'payload' | 'array' | 'object' | 'drop';
interface Mutation { slot: number; kind: MutationKind; value: string; other: string }

const mutation: fc.Arbitrary<Mutation> = fc.record({
  slot: fc.nat(),
  kind: fc.constantFrom<MutationKind>('replace', 'replace', 'payload', 'array', 'object', 'drop'),
  value: nastyValue,
  other: nastyValue,
});

/** Fields no form offers but an attacker would try; values that would matter if they were taken. */
export const EXTRA_FIELDS = [
  'role', 'version', 'id', 'ward_id', 'created_by', 'updated_by', 'deleted_at', 'merged_into_id', 'must_change_password',
  'user_id', 'person_id', 'password_hash', 'status', 'toString', 'hasOwnProperty', 'constructor', '__proto__[role]',
] as const;

export interface Run {
  actor: Actor;
  /** real ids, ids that do not exist, or (for petitions) another ward's petition */
  target: 'real' | 'missing' | 'foreign';
  formIndex: number;
  fill: boolean;
  /** which option a filled select takes (or none) */
  choice: number;
  mutations: Mutation[];
  extras: (typeof EXTRA_FIELDS)[number][];
  extraValue: string;
  formToken: 'none' | 'fresh' | 'bad';
  multipart: boolean;
}

export function runArbitrary(actors: Actor[]): fc.Arbitrary<Run> {
  return fc.record({
    actor: fc.constantFrom(...actors),
    target: fc.constantFrom<Run['target']>('real', 'real', 'real', 'real', 'real', 'missing', 'foreign'),
    formIndex: fc.nat(),
    fill: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    choice: fc.nat(),
    mutations: fc.oneof({ weight: 1, arbitrary: fc.constant<Mutation[]>([]) }, { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }) }),
    extras: fc.subarray([...EXTRA_FIELDS], { maxLength: 4 }),
    extraValue: nastyValue,
    formToken: fc.constantFrom<Run['formToken']>('none', 'fresh', 'fresh', 'bad'),
    multipart: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  });
}

let unique = 0;

/** Values that make the usual required fields valid, by field name. */
function filler(name: string, fx: Fixtures): string | undefined {
  const n = ++unique;
  const byName: Record<string, string> = {
    name: `ファズ 太郎${n}`, name_kana: 'ファズ タロウ', display_name: `ファズ 利用者${n}`, username: `fuzz_${process.pid}_${n}`,
    rel_name: `ファズ 一郎${n}`, rel_relation: '長男', stage_note: 'ファズのメモ', close_reason: 'ファズの理由', reason: 'ファズの理由',
    monthly_yen: '28000', valid_from: `2027-01-${String((n % 28) + 1).padStart(2, '0')}`, person_id: String(fx.person),
    consulted_on: '2026-11-01', content: 'ファズの相談内容', held_on: '2026-11-03', needs_summary: 'ファズの課題',
    guardian_name: `ファズ 後見${n}`, court_decided_on: '2026-10-01', period_from: '2025-10-01', period_to: '2026-03-31', fee_awarded_yen: '150000',
    home_months: '6', decision_number: `熊健福第${n}号`, decision_reason: 'ファズの却下理由', decided_on: '2026-11-20', paid_on: '2026-11-25',
    payee: 'ファズ 後見', deleted_reason: 'ファズの削除理由',
  };
  return Object.hasOwn(byName, name) ? byName[name] : undefined;
}

/** What an attacker sends for an extra field: a value that would matter if the handler took it. */
function extraValue(name: string, run: Run, fx: Fixtures, adminId: number, otherWard: number): string {
  const plausible: Record<string, string> = {
    role: 'admin', version: '9999', id: '424242', ward_id: String(otherWard), created_by: String(adminId), updated_by: String(adminId),
    deleted_at: '2020-01-01', merged_into_id: String(fx.person2), must_change_password: 'false', user_id: String(adminId),
    person_id: String(fx.person2), status: 'done',
  };
  return Object.hasOwn(plausible, name) ? plausible[name] : run.extraValue;
}

/** The body of one run: the chosen form's fields, filled and mutated, the extras, and maybe a one-time form token. */
export function buildBody(forms: FoundForm[], run: Run, fx: Fixtures, ids: { admin: number; otherWard: number }): Pair[] {
  const form = forms.length ? forms[run.formIndex % forms.length] : { pairs: [] as Pair[], choices: {} as Record<string, string[]> };
  let pairs: Pair[] = form.pairs.filter(([k]) => k !== '_csrf' && k !== '_form').map(([k, v], i) => {
    if (!run.fill || v !== '') return [k, v];
    const options = form.choices[k];
    if (options?.length) return [k, ['', ...options][(run.choice + i * 7) % (options.length + 1)]];
    return [k, filler(k, fx) ?? v];
  });
  for (const m of run.mutations) {
    if (pairs.length === 0) break;
    const i = m.slot % pairs.length;
    const [k] = pairs[i];
    if (m.kind === 'replace') pairs[i] = [k, m.value];
    else if (m.kind === 'payload') pairs[i] = [k, SCRIPT_PAYLOADS[m.slot % SCRIPT_PAYLOADS.length]];
    else if (m.kind === 'array') pairs.splice(i + 1, 0, [k, m.other]);
    else if (m.kind === 'object') pairs[i] = [`${k}[b]`, m.value];
    else pairs = pairs.filter((_, j) => j !== i);
  }
  for (const name of run.extras) pairs.push([name, extraValue(name, run, fx, ids.admin, ids.otherWard)]);
  if (run.formToken === 'fresh') pairs.push(['_form', newFormToken()]);
  if (run.formToken === 'bad') pairs.push(['_form', run.extraValue]);
  return pairs;
}
