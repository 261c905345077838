/** The meeting form: date, place, minutes (and the version when editing); attendees: meetings-attendees.ts. */
import { z } from 'zod';
import { dateField, FIELD_MESSAGES as F, optionalText, requiredText, versionField } from '../../http/schema-fields';
import { toWareki } from '../../lib/dates';

export const MEETING_MESSAGES = {
  heldOn: F.date('開催日'),
  future: '開催日に未来の日付は入力できません。会議の後に登録してください',
  afterSent: (sent: string) => `開催日は、この会議の検討案件を家庭裁判所へ送付した日（${toWareki(sent)}）以前の日付を入力してください`,
  place: F.tooLong('場所', 200),
  minutes: F.tooLong('議事録', 20_000),
  attOrg: (n: number) => `出席者${n}の機関を一覧から選択してください`,
  attRole: (n: number) => F.tooLong(`出席者${n}の役職`, 50),
  attName: (n: number) => F.tooLong(`出席者${n}の氏名`, 100),
  deleteReason: F.tooLong('削除の理由', 500),
  deleteLinked: (ids: number[]) => `この会議の検討案件が市長申立て（番号 ${ids.join('、')}）の段階6「受任調整」の記録になっています。先に申立ての画面で段階6の記録を取り消してください`,
} as const;

export const meetingSchema = z.object({
  held_on: dateField('開催日'),
  place: optionalText('場所', 200),
  minutes: optionalText('議事録', 20_000),
});
export type MeetingForm = z.infer<typeof meetingSchema>;

export const meetingEditSchema = meetingSchema.extend({ version: versionField });

export const deleteSchema = z.object({ reason: requiredText('削除の理由', 500) });
