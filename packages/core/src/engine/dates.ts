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

// Year, month and day of the last date readDate() read: no object per read on the hot path.
let readYear = 0;
let readMonth = 0;
let readDay = 0;

/** Reads an ISO date (a datetime's date part counts) into read*; false when it is not one. */
function readDate(value: unknown): boolean {
  if (typeof value !== 'string' || value.length < 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  if (value.length > 10 && value[10] !== 'T') return false;
  readYear = digits(value, 0, 4);
  readMonth = digits(value, 5, 7);
  readDay = digits(value, 8, 10);
  return !(
    readYear < 0 ||
    readMonth < 1 ||
    readMonth > 12 ||
    readDay < 1 ||
    readDay > daysInMonth(readYear, readMonth)
  );
}

/** Days since 1970-01-01 for an ISO date (a datetime's date part counts), or null when it is not one. */
export function toDayNumber(value: unknown): number | null {
  return readDate(value) ? dayOfCivil(readYear, readMonth, readDay) : null;
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

// Year, month and day of the last civil() call: read at once, no array per call on the hot path.
let civilYear = 0;
let civilMonth = 0;
let civilDay = 0;

/** Year, month and day of a day number (the inverse of the civil-date algorithm above), into civil*. */
function civil(day: number): void {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  civilDay = doy - Math.floor((153 * mp + 2) / 5) + 1;
  civilMonth = mp < 10 ? mp + 3 : mp - 9;
  civilYear = yoe + era * 400 + (civilMonth <= 2 ? 1 : 0);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function iso(y: number, m: number, d: number): string {
  return `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): string {
  civil(day);
  return iso(civilYear, civilMonth, civilDay);
}

/**
 * Adds whole months, keeping the day where the month has it and taking the month's last day
 * otherwise; null outside years 0–9999 (dates are read with four-digit years only).
 */
export function addMonths(value: unknown, months: unknown): string | null {
  const day = toDayNumber(value);
  const n = Number(months);
  if (day === null || !Number.isInteger(n)) return null;
  const result = addMonthsToDay(day, n);
  return result === null ? null : fromDayNumber(result);
}

/** Adds whole days; null outside years 0–9999. */
export function addDays(value: unknown, days: unknown): string | null {
  const day = toDayNumber(value);
  const n = Number(days);
  if (day === null || !Number.isInteger(n)) return null;
  const result = addDaysToDay(day, n);
  return result === null ? null : fromDayNumber(result);
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
  civil(day);
  const total = civilYear * 12 + (civilMonth - 1) + months;
  const year = Math.floor(total / 12);
  if (!(year >= 0 && year <= 9999)) return null;
  const month = total - year * 12 + 1;
  return dayOfCivil(year, month, Math.min(civilDay, daysInMonth(year, month)));
}

/**
 * @internal `toDayNumber(addMonths(value, months))` read straight from the date's digits: no
 * day number to take apart, no string in between; null outside years 0–9999.
 */
export function addMonthsToDate(value: unknown, months: number): number | null {
  if (!readDate(value)) return null;
  const total = readYear * 12 + (readMonth - 1) + months;
  const year = Math.floor(total / 12);
  if (!(year >= 0 && year <= 9999)) return null;
  const month = total - year * 12 + 1;
  return dayOfCivil(year, month, Math.min(readDay, daysInMonth(year, month)));
}
