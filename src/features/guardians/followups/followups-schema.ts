/** The follow-up session form: the date, the name, and who attended (checkboxes of the roster). */
import { z } from 'zod';
import { checkedIds, dateField, FIELD_MESSAGES as F, requiredText, versionField } from '../../../http/schema-fields';

export const FOLLOWUP_MESSAGES = {
  heldOn: F.date('研修日'),
  title: F.tooLong('研修名', 100),
  attendees: '受講者を一覧から選択してください',
  future: '未来の日付は入力できません',
  taken: '同じ日に同じ研修名の研修が既に登録されています',
} as const;
const M = FOLLOWUP_MESSAGES;

export function followupSchema(today: string, roster: Set<number>) {
  return z.object({
    held_on: dateField('研修日').refine((v) => v <= today, M.future),
    title: requiredText('研修名', 100),
    attendee_ids: checkedIds(roster, M.attendees),
  });
}
export type FollowupForm = z.infer<ReturnType<typeof followupSchema>>;

export const followupEditSchema = (today: string, roster: Set<number>) => followupSchema(today, roster).extend({ version: versionField });
