/**
 * Import kind 'followup': follow-up attendance from the center's ledgers (upload at
 * /guardians/followups/import, or `npm run cli -- import followup FILE`), all or nothing. One row
 * per attendance; rows with the same 研修日 and 研修名 are one session (found or created); the
 * person is matched on the roster by kana and birth date — an unknown person is a row error.
 */
import { describeDate } from '../../lib/dates';
import type { ImportSpec } from '../../contracts/import-kind';
import { T } from './guardians-import-cells';
import { FollowupImport, FollowupImportContext, loadFollowupImport, validateFollowupRow } from './followup-import-form';

export const followupImport: ImportSpec<FollowupImport, FollowupImportContext> = {
  kind: 'followup',
  title: 'フォローアップ研修の受講記録',
  path: '/guardians/followups/import',
  routedByFeature: true,
  listHref: '/guardians/followups',
  listLabel: 'フォローアップ研修',
  columns: [
    { name: T.kana, required: true, hint: '受講者の氏名カナ。生年月日とあわせて名簿の人と照合します（名簿にいない人の行は誤りです）' },
    { name: T.birth, required: true, hint: '1960-04-01、昭和35年4月1日、S35.4.1 のいずれか' },
    { name: T.heldOn, required: true, hint: '研修の日付（未来の日付は書けません）。研修日と研修名が同じ行は1回の研修として登録します（登録済みならその研修に追加）' },
    { name: T.title, required: true, hint: '研修名（100文字以内）' },
  ],
  example: [
    '氏名カナ,生年月日,研修日,研修名',
    'クマモト イチコ,1960-04-01,2023/1/15,事例検討会',
    'アソ ジロウ,S30.5.5,R5.1.15,事例検討会',
  ].join('\n'),

  loadContext: loadFollowupImport,
  validate: validateFollowupRow,

  previewHeaders: ['受講者', T.heldOn, T.title],
  preview(r, ctx) {
    return [ctx.names.get(r.guardian_id) ?? '', describeDate(r.held_on), r.title];
  },

  // who attended which session (an attendance already recorded is refused anyway)
  fingerprint: (r) => [r.guardian_id, r.held_on, r.title],

  async insert(trx, records, actor) {
    const sessions = new Map<string, number>();
    const stamp = { created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId };
    for (const r of records) {
      const key = `${r.held_on}\u0000${r.title}`;
      let id = sessions.get(key);
      if (id === undefined) {
        const found = await trx('guardian_followup_sessions').where({ held_on: r.held_on, title: r.title }).first('id');
        id = (found?.id ?? (await trx('guardian_followup_sessions').insert({ held_on: r.held_on, title: r.title, ...stamp }).returning('id'))[0].id) as number;
        sessions.set(key, id);
      }
      await trx('guardian_followup_attendance').insert({ session_id: id, guardian_id: r.guardian_id });
    }
  },
};
