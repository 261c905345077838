/** Instants (Date) → Japan-local calendar dates and display strings. JST has no DST. */
import { formatIso } from './calendar';
import { toWareki } from './wareki';

const TOKYO_PARTS = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function tokyoParts(d: Date): { iso: string; hour: number; minute: number } {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError('Invalid Date');
  const parts = TOKYO_PARTS.formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { iso: formatIso(get('year'), get('month'), get('day')), hour: get('hour') % 24, minute: get('minute') };
}

/** The calendar date in Asia/Tokyo at instant `now`: 2026-11-27T15:30Z → '2026-11-28'. */
export function todayIso(now: Date): string {
  return tokyoParts(now).iso;
}

/** '令和8年11月27日 15:04' (Asia/Tokyo, 24-hour clock, HH:MM zero-padded). */
export function formatDateTime(d: Date): string {
  const { iso, hour, minute } = tokyoParts(d);
  return `${toWareki(iso)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
