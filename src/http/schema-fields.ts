import { z } from 'zod';
import { parseDateInput } from '../lib/dates';

/** Shared zod field builders: dates typed as 西暦 or 和暦, integers typed with 全角 digits. */
export function dateField(message: string) {
  return z.string({ error: message }).transform((v, ctx) => {
    const parsed = parseDateInput(v);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return parsed.iso;
  });
}

export function optionalDateField(message: string) {
  return z.string().optional().transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return null;
    const parsed = parseDateInput(v);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return parsed.iso;
  });
}

export function intField(message: string, min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.normalize('NFKC').replace(/[,\s]/g, '') : v),
    z.string({ error: message }).regex(/^-?\d+$/, message).transform(Number).pipe(z.number().int().min(min, message).max(max, message)),
  );
}

export const versionField = z.coerce.number({ error: '画面を開き直してください' }).int().positive('画面を開き直してください');
