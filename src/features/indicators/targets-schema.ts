/** The form of an indicator's baseline and target (master data). */
import { z } from 'zod';
import { FieldErrors } from '../../http/forms';
import { COUNT_UNIT, intField, versionField } from '../../http/schema-fields';

const VALUE_MAX = 9_999_999;

export const TARGET_MESSAGES = {
  baseline_year: '基準年を2000〜2100の西暦4桁で入力してください（例：2023）',
  target_year: '目標年を2000〜2100の西暦4桁で入力してください（例：2031）',
  baseline_value: `基準値を0〜${VALUE_MAX.toLocaleString('ja-JP')}の整数で入力してください`,
  target_value: `目標値を0〜${VALUE_MAX.toLocaleString('ja-JP')}の整数で入力してください`,
  order: '目標年は基準年より後の年にしてください',
};

export const targetSchema = z.object({
  baseline_year: intField('基準年', 2000, 2100, { invalid: TARGET_MESSAGES.baseline_year, unit: /年度?$/ }),
  baseline_value: intField('基準値', 0, VALUE_MAX, { invalid: TARGET_MESSAGES.baseline_value, unit: COUNT_UNIT }),
  target_year: intField('目標年', 2000, 2100, { invalid: TARGET_MESSAGES.target_year, unit: /年度?$/ }),
  target_value: intField('目標値', 0, VALUE_MAX, { invalid: TARGET_MESSAGES.target_value, unit: COUNT_UNIT }),
  version: versionField,
});

/** The target comes after the baseline. */
export const targetRule = (d: Partial<z.infer<typeof targetSchema>>): FieldErrors =>
  (d.target_year !== undefined && d.baseline_year !== undefined && d.target_year <= d.baseline_year ? { target_year: TARGET_MESSAGES.order } : {});

export type TargetForm = z.infer<typeof targetSchema>;
