/** The follow-up session form: the date, the name, and who attended (checkboxes of the roster). */
import { z } from 'zod';
import { dateField, versionField } from '../../http/schema-fields';
import { checkedIds, requiredText } from '../petitions/petitions-form-fields';
import { DATE_EXAMPLE } from './guardians-schema';

export const FOLLOWUP_MESSAGES = {
  heldOn: `研修日を正しい日付で入力してください${DATE_EXAMPLE}`,
  title: '研修名を100文字以内で入力してください',
  attendees: '受講者を一覧から選択してください',
  future: '未来の日付は入力できません',
  taken: '同じ日に同じ研修名の研修が既に登録されています',
} as const;
const M = FOLLOWUP_MESSAGES;

export function followupSchema(today: string, roster: Set<number>) {
  return z.object({
    held_on: dateField(M.heldOn).refine((v) => v <= today, M.future),
    title: requiredText(100, M.title),
    attendee_ids: checkedIds(roster, M.attendees),
  });
}
export type FollowupForm = z.infer<ReturnType<typeof followupSchema>>;

export const followupEditSchema = (today: string, roster: Set<number>) => followupSchema(today, roster).extend({ version: versionField });
