import { z } from 'zod';
import { idField, intField, requiredText, versionField } from '../../http/schema-fields';
import { CENTER_KINDS } from './masters-kinds';

export const MASTER_MESSAGES = {
  name: '名称は60文字以内で入力してください',
  nameTaken: '同じ名称が既にあります',
  sortOrder: '表示順は1〜999の整数で入力してください',
  parent: '親の相談種別を選び直してください',
  kind: '種別を選択してください',
  version: '画面を開き直してください',
} as const;

export const masterCreateSchema = z.object({
  name: requiredText('名称', 60),
  parent_id: idField(MASTER_MESSAGES.parent).catch(null),
  kind: z.enum(CENTER_KINDS as [string, ...string[]], { error: MASTER_MESSAGES.kind }).optional(),
});

export const masterUpdateSchema = z.object({
  name: masterCreateSchema.shape.name,
  sort_order: intField('表示順', 1, 999, { invalid: MASTER_MESSAGES.sortOrder }),
  version: versionField,
});

export type MasterCreateForm = z.infer<typeof masterCreateSchema>;
export type MasterUpdateForm = z.infer<typeof masterUpdateSchema>;
