/** The time zone every date of the report is read in: the report is Leshan's. */
export const REPORT_TIME_ZONE = 'Asia/Shanghai';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

// Made once: building an Intl.DateTimeFormat costs about a millisecond, on every save.
const shanghaiDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: REPORT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// The last minute asked about and its date: formatToParts costs more than the rest of a save's
// tracking checks, and a day in any time zone starts on a whole minute.
let lastMinute = Number.NaN;
let lastDay = '';

/** Today's date in Asia/Shanghai as YYYY-MM-DD (default: the clock now). */
export function todayInShanghai(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === lastMinute) return lastDay;
  // en-CA writes YYYY-MM-DD; the parts are read explicitly so no locale quirk can reorder them.
  const parts = shanghaiDay.formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  lastMinute = minute;
  lastDay = day;
  return day;
}

/** A YYYY-MM-DD date the Chinese way, 2024-03-01 → 2024年3月1日; anything else is returned as is. */
export function formatDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) return isoDate;
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** An instant (ISO timestamp or Date) as date and time in Asia/Shanghai: 2024年3月1日 08:05. */
export function formatDateTime(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: REPORT_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${formatDate(todayInShanghai(date))} ${time}`;
}
