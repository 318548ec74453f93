// Calendar arithmetic on ISO dates (YYYY-MM-DD) as day numbers, computed without Date objects so no time zone can shift a day.

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 for an ISO date (a datetime's date part counts), or null when it is not one. */
export function toDayNumber(value: unknown): number | null {
  if (typeof value !== 'string' || value.length < 10) return null;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  if (value.length > 10 && value[10] !== 'T') return null;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return dayOfCivil(y, m, d);
}

/** Days since 1970-01-01 of a valid civil date (Howard Hinnant's algorithm): no Date object, no time zone. */
function dayOfCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month and day of a day number (the inverse of the civil-date algorithm above). */
function civil(day: number): [year: number, month: number, dom: number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function iso(y: number, m: number, d: number): string {
  return `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): string {
  const [y, m, d] = civil(day);
  return iso(y, m, d);
}

/** Adds whole months, keeping the day where the month has it and taking the month's last day otherwise. */
export function addMonths(value: unknown, months: unknown): string | null {
  const day = toDayNumber(value);
  const n = Number(months);
  if (day === null || !Number.isInteger(n)) return null;
  const [y, m, d] = civil(day);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
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

// The day numbers of the first and last dates written with a four-digit year: a result
// outside them is not a date the operators read back (their string form has another length).
const FIRST_DAY = -719528; // 0000-01-01
const LAST_DAY = 2932896; // 9999-12-31

/** @internal {@link addDays} on a day number, without the string in between; null outside years 0–9999. */
export function addDaysToDay(day: number, days: number): number | null {
  const n = day + days;
  return n >= FIRST_DAY && n <= LAST_DAY ? n : null;
}

/** @internal {@link addMonths} on a day number, without the string in between; null outside years 0–9999. */
export function addMonthsToDay(day: number, months: number): number | null {
  // civil() inlined: no array per call.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  if (!(year >= 0 && year <= 9999)) return null;
  const month = total - year * 12 + 1;
  return dayOfCivil(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * @internal `toDayNumber(addMonths(value, months))` read straight from the date's digits: no
 * day number to take apart, no string in between; null outside years 0–9999.
 */
export function addMonthsToDate(value: unknown, months: number): number | null {
  if (typeof value !== 'string' || value.length < 10) return null;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  if (value.length > 10 && value[10] !== 'T') return null;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  if (!(year >= 0 && year <= 9999)) return null;
  const month = total - year * 12 + 1;
  return dayOfCivil(year, month, Math.min(d, daysInMonth(year, month)));
}
