// Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC day numbers so no time zone can shift a day.

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date (a datetime's date part counts), or null when it is not one. */
export function toDayNumber(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return Date.UTC(y, mo - 1, d) / DAY_MS;
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds whole months, keeping the day where the month has it and taking the month's last day otherwise. */
export function addMonths(value: unknown, months: unknown): string | null {
  const day = toDayNumber(value);
  const n = Number(months);
  if (day === null || !Number.isInteger(n)) return null;
  const date = new Date(day * DAY_MS);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const dom = Math.min(date.getUTCDate(), daysInMonth(year, month));
  return fromDayNumber(Date.UTC(year, month - 1, dom) / DAY_MS);
}

/** Adds whole days. */
export function addDays(value: unknown, days: unknown): string | null {
  const day = toDayNumber(value);
  const n = Number(days);
  if (day === null || !Number.isInteger(n)) return null;
  return fromDayNumber(day + n);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: unknown, b: unknown): number | null {
  const x = toDayNumber(a);
  const y = toDayNumber(b);
  return x === null || y === null ? null : y - x;
}
