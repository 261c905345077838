/** The meeting form: date, place, minutes (and the version when editing); attendees: meetings-attendees.ts. */
import { z } from 'zod';
import { dateField, versionField } from '../../http/schema-fields';
import { optionalText } from '../petitions/petitions-form-fields';

const DATE_EXAMPLE = '（例：2025-04-01、令和7年4月1日、R7.4.1）';

export const MEETING_MESSAGES = {
  heldOn: `開催日を正しい日付で入力してください${DATE_EXAMPLE}`,
  future: '開催日に未来の日付は入力できません。会議の後に登録してください',
  place: '場所は200文字以内で入力してください',
  minutes: '議事録は20,000文字以内で入力してください',
  attOrg: (n: number) => `出席者${n}の機関を一覧から選択してください`,
  attRole: (n: number) => `出席者${n}の役職は50文字以内で入力してください`,
  attName: (n: number) => `出席者${n}の氏名は100文字以内で入力してください`,
  deleteReason: '削除の理由を500文字以内で入力してください',
  deleteLinked: (ids: number[]) => `この会議の検討案件が市長申立て（番号 ${ids.join('、')}）の段階6「受任調整」の記録になっています。先に申立ての画面で段階6の記録を取り消してください`,
} as const;
const M = MEETING_MESSAGES;

export const meetingSchema = z.object({
  held_on: dateField(M.heldOn),
  place: optionalText(200, M.place),
  minutes: optionalText(20_000, M.minutes),
});
export type MeetingForm = z.infer<typeof meetingSchema>;

export const meetingEditSchema = meetingSchema.extend({ version: versionField });

export const deleteSchema = z.object({ reason: optionalText(500, M.deleteReason).pipe(z.string({ error: M.deleteReason })) });
