// Calendar days of the findings: ISO dates and date-times as written, no clock, no time zone.
import { addDaysToDay, fromDayNumber, toDayNumber } from '../engine/dates.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`, or null when it is not a calendar date. */
function dayNumber(date: string): number | null {
  // The engine's calendar: Date.UTC would read the years 0000–0099 as 1900–1999.
  return DATE.test(date) ? toDayNumber(date) : null;
}

/** Whether a value is an ISO date `YYYY-MM-DD` that exists in the calendar. */
export function isDate(value: unknown): value is string {
  return typeof value === 'string' && dayNumber(value) !== null;
}

/**
 * The calendar day (`YYYY-MM-DD`) of an ISO date or date-time (`2026-03-13T09:30+08:00`: the day as
 * written, in the writer's zone), or null when the value is neither.
 */
export function dayOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length < 10) return null;
  const date = value.slice(0, 10);
  if (dayNumber(date) === null) return null;
  return value.length === 10 || TIME.test(value.slice(10)) ? date : null;
}

/**
 * The date `days` after an ISO date, or null when the date is not one, `days` is not a whole
 * number, or the result leaves the years 0000–9999 (it would not be written `YYYY-MM-DD`).
 */
export function addDays(date: string, days: number): string | null {
  const day = dayNumber(date);
  if (day === null || !Number.isInteger(days)) return null;
  // The engine's day arithmetic: no Date (toISOString throws past ±275760 and writes +YYYYYY).
  const sum = addDaysToDay(day, days);
  return sum === null ? null : fromDayNumber(sum);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to)! - dayNumber(from)!;
}
