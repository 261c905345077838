import { z } from 'zod';
import { CENTER_KINDS } from './masters-kinds';

export const MASTER_MESSAGES = {
  name: '名称を1〜60文字で入力してください',
  nameTaken: '同じ名称が既にあります',
  sortOrder: '表示順は1〜999の整数で入力してください',
  parent: '親の相談種別を選び直してください',
  kind: '種別を選択してください',
  version: '画面を開き直してください',
} as const;

const nullableId = z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int().positive().nullable());

export const masterCreateSchema = z.object({
  name: z.string({ error: MASTER_MESSAGES.name }).trim().min(1, MASTER_MESSAGES.name).max(60, MASTER_MESSAGES.name),
  parent_id: nullableId.catch(null),
  kind: z.enum(CENTER_KINDS as [string, ...string[]], { error: MASTER_MESSAGES.kind }).optional(),
});

export const masterUpdateSchema = z.object({
  name: masterCreateSchema.shape.name,
  sort_order: z.coerce.number({ error: MASTER_MESSAGES.sortOrder }).int(MASTER_MESSAGES.sortOrder).min(1, MASTER_MESSAGES.sortOrder).max(999, MASTER_MESSAGES.sortOrder),
  version: z.coerce.number({ error: MASTER_MESSAGES.version }).int().positive(MASTER_MESSAGES.version),
});

export type MasterCreateForm = z.infer<typeof masterCreateSchema>;
export type MasterUpdateForm = z.infer<typeof masterUpdateSchema>;
