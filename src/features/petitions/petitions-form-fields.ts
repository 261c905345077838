import { z } from 'zod';
import { intField } from '../../http/schema-fields';

/** zod builders for the petition forms (select ids checked against what the form offered). */

/** Optional free text: CRLF → LF, trimmed, '' → null. */
export function optionalText(max: number, message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = (typeof v === 'string' ? v : '').replace(/\r\n?/g, '\n').trim();
    if (s.length > max) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return s === '' ? null : s;
  });
}

export function requiredText(max: number, message: string) {
  return optionalText(max, message).pipe(z.string({ error: message }));
}

/** An id from a select: one of `allowed`; '' → null unless required. */
export function selectId(allowed: Set<number>, message: string, required = false) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (s === '' && !required) return null;
    if (!/^\d{1,9}$/.test(s) || !allowed.has(Number(s))) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return Number(s);
  });
}

/** Checkboxes sharing a name: none, one (a string) or several (an array); each must be allowed. */
export function checkedIds(allowed: Set<number>, message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const list = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
    const ids = new Set<number>();
    for (const item of list) {
      const s = typeof item === 'string' ? item : '';
      if (!/^\d{1,9}$/.test(s) || !allowed.has(Number(s))) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      ids.add(Number(s));
    }
    return [...ids].sort((a, b) => a - b);
  });
}

/** One of fixed values; '' → null. */
export function oneOf<T extends string>(values: readonly T[], message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (s === '') return null;
    if (!(values as readonly string[]).includes(s)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return s as T;
  });
}

/** One of fixed values, required. */
export function requiredOneOf<T extends string>(values: readonly T[], message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (!(values as readonly string[]).includes(s)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return s as T;
  });
}

/** Yen: digits (全角 and commas accepted, a trailing 円 too), '' → null. */
export function optionalYen(message: string) {
  const int = intField(message, 0, 100_000_000);
  return z.unknown().optional().transform((v, ctx) => {
    const s = typeof v === 'string' ? v.normalize('NFKC').trim().replace(/円$/, '') : '';
    if (s === '') return null;
    const r = int.safeParse(s);
    if (!r.success) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return r.data;
  });
}

/** あり / なし as 'true' / 'false'; '' → null (not yet known). */
export function optionalBool(message: string) {
  return oneOf(['true', 'false'], message).transform((v) => (v === null ? null : v === 'true'));
}

/**
 * 事件番号 in the family court's form, 令和7年(家)第1234号: NFKC folds 全角 digits and
 * brackets; 平成 is accepted for cases moved in from old ledgers. '' → null.
 */
export const CASE_NUMBER_RE = /^(令和|平成)(元|\d{1,2})年\(家\)第(\d{1,6})号$/;

export function caseNumber(message: string) {
  return z.unknown().optional().transform((v, ctx) => {
    const s = (typeof v === 'string' ? v : '').normalize('NFKC').replace(/\s+/g, '');
    if (s === '') return null;
    if (!CASE_NUMBER_RE.test(s)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return s;
  });
}
