/**
 * Date helpers. ISO 'YYYY-MM-DD' strings are the currency; 和暦 is for display and input.
 * Implementation lives in ./dates/*.ts; import from here.
 */
export { isValidIso, addDays, addYears, daysBetween } from './dates/calendar';
export { toWareki, toWarekiWithWestern, warekiYear } from './dates/wareki';
export { fiscalYearOf, fiscalYearName, fiscalYearLabel, fiscalYearRange, fiscalMonths } from './dates/fiscal';
export { parseDateInput, describeDate } from './dates/parse';
export type { ParseDateResult } from './dates/parse';
export { parseFiscalYearInput } from './dates/fiscal-input';
export type { ParseFiscalYearResult } from './dates/fiscal-input';
export { ageOn } from './dates/age';
export { isHoliday, isBusinessDay, addBusinessDays, businessDaysBetween } from './dates/business';
export { todayIso, formatDateTime } from './dates/clock';
