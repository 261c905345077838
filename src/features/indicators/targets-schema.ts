/** The form of an indicator's baseline and target (master data). */
import { z } from 'zod';
import { intField, versionField } from '../../http/schema-fields';

const VALUE_MAX = 9_999_999;

export const TARGET_MESSAGES = {
  baseline_year: '基準年を2000〜2100の西暦4桁で入力してください（例：2023）',
  target_year: '目標年を2000〜2100の西暦4桁で入力してください（例：2031）',
  baseline_value: `基準値を0〜${VALUE_MAX.toLocaleString('ja-JP')}の整数で入力してください`,
  target_value: `目標値を0〜${VALUE_MAX.toLocaleString('ja-JP')}の整数で入力してください`,
  order: '目標年は基準年より後の年にしてください',
};

export const targetSchema = z.object({
  baseline_year: intField(TARGET_MESSAGES.baseline_year, 2000, 2100),
  baseline_value: intField(TARGET_MESSAGES.baseline_value, 0, VALUE_MAX),
  target_year: intField(TARGET_MESSAGES.target_year, 2000, 2100),
  target_value: intField(TARGET_MESSAGES.target_value, 0, VALUE_MAX),
  version: versionField,
}).superRefine((d, ctx) => {
  if (d.target_year <= d.baseline_year) ctx.addIssue({ code: 'custom', path: ['target_year'], message: TARGET_MESSAGES.order });
});

export type TargetForm = z.infer<typeof targetSchema>;
