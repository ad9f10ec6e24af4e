import { tzOffset } from '@date-fns/tz';
import { LIMITS, type FieldResult, type TimestampValue } from './model.ts';
import { quote } from './quote.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MONTH_NAME = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

/**
 * [date or today/yesterday, then T or spaces] time [am/pm] [Z, UTC or an offset]. Dates are
 * year-month-day with - or /; day-first and month-first dates deliberately don't match.
 */
const SHAPE =
  /^(?:(?<y>\d{4})(?<sep>[-/])(?<mo>\d{1,2})\k<sep>(?<d>\d{1,2})(?:t|\s+)|(?<rel>today|yesterday)\s+)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?(?:\s*(?<ap>[ap])\.?m\.?)?(?:\s*(?<tz>z|utc|gmt|[+-]\d{2}(?::?\d{2})?))?$/;
const DATE_ONLY = /^\d{4}([-/])\d{1,2}\1\d{1,2}$/;

const validZones = new Map<string, boolean>();

/** True for a time zone the runtime knows by IANA name, like "America/New_York" or "UTC". */
export function isValidTimeZone(zone: string): boolean {
  let valid = validZones.get(zone);
  if (valid === undefined) {
    try {
      // Offsets like "+05:00" are accepted by some runtimes, but they are not IANA zones.
      valid = /^[A-Za-z]/.test(zone);
      if (valid) new Intl.DateTimeFormat('en', { timeZone: zone });
    } catch {
      valid = false;
    }
    validZones.set(zone, valid);
  }
  return valid;
}

/** The zone's UTC offset in minutes at an instant; 0 for an unknown zone. */
function offsetMinutes(timeZone: string, at: number): number {
  if (!isValidTimeZone(timeZone)) return 0;
  const minutes = tzOffset(timeZone, new Date(at));
  return Number.isFinite(minutes) ? Math.round(minutes) : 0;
}

/** The zone's offset from UTC at an instant, like "-05:00"; "+00:00" for an unknown zone. */
export function formatOffset(timeZone: string, at: Date): string {
  const minutes = offsetMinutes(timeZone, at.getTime());
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The wall-clock time in a zone at an instant, like "2026-11-24 14:05:00". The UI's "Now"
 * button uses it. An unknown zone gives UTC.
 */
export function localNow(now: Date, timeZone: string): string {
  return wallClock(now.getTime(), timeZone);
}

function wallClock(at: number, timeZone: string): string {
  const wall = new Date(at + offsetMinutes(timeZone, at) * MINUTE);
  return Number.isNaN(wall.getTime()) ? '' : wall.toISOString().slice(0, 19).replace('T', ' ');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The instant a wall-clock time (given as if it were UTC) names in a zone: the earlier one when
 * clocks went back, or how many minutes clocks skipped when the time doesn't exist.
 */
function wallToInstant(wall: number, zone: string): { at: number } | { skipped: number } {
  const before = offsetMinutes(zone, wall - DAY);
  const after = offsetMinutes(zone, wall + DAY);
  const candidates = [before, offsetMinutes(zone, wall), after]
    .map((offset) => wall - offset * MINUTE)
    .filter((at) => offsetMinutes(zone, at) * MINUTE === wall - at)
    .sort((a, b) => a - b);
  const at = candidates[0];
  return at === undefined ? { skipped: after - before } : { at };
}

/**
 * Reads the time of a failed call, written as wall-clock time in `options.timeZone` (IANA):
 * "2026-11-24 14:05", with seconds, "T" or "/", am/pm, a trailing Z or UTC offset (then the
 * offset wins), or a time alone ("14:05", "yesterday 2:05 pm"). Returns the instant in UTC
 * and in the zone, or one sentence saying what is wrong and how to fix it. Never throws.
 */
export function parseTimestamp(
  text: string,
  options: { now: Date; timeZone: string },
): FieldResult<TimestampValue> {
  const { now, timeZone } = options;
  const typed = text.trim();
  if (typed.length > LIMITS.row) {
    return fail('That is too long to be a date and time; enter one time per row.');
  }
  if (timeZone.trim() === '') {
    return fail('Choose the time zone the times are written in, like America/New_York.');
  }
  if (!isValidTimeZone(timeZone)) {
    return fail(
      `${quote(timeZone)} is not a time zone we know; choose one from the list, like America/New_York.`,
    );
  }
  if (Number.isNaN(now.getTime())) {
    return fail(
      'This device’s clock gives no valid time, so times can’t be checked; reload the page.',
    );
  }
  const today = localNow(now, timeZone).slice(0, 10);
  const example = `like ${today} 14:05`;
  if (typed === '') return fail(`Enter the date and time of the failed call, ${example}.`);
  const lower = typed.toLowerCase();
  if (DATE_ONLY.test(lower)) return fail(`Add the time of the failed call too, ${example}.`);
  const groups = SHAPE.exec(lower)?.groups;
  if (!groups?.h || !groups.mi) {
    return fail(`Write the date and time as year-month-day and 24-hour time, ${example}.`);
  }

  const [ty = NaN, tmo = NaN, td = NaN] = today.split('-').map(Number);
  const relative = groups.rel === 'yesterday' ? new Date(Date.UTC(ty, tmo - 1, td - 1)) : null;
  const year = groups.y ? Number(groups.y) : (relative?.getUTCFullYear() ?? ty);
  const month = groups.mo ? Number(groups.mo) : relative ? relative.getUTCMonth() + 1 : tmo;
  const day = groups.d ? Number(groups.d) : (relative?.getUTCDate() ?? td);
  let hour = Number(groups.h);
  const minute = Number(groups.mi);
  const second = groups.s ? Number(groups.s) : 0;

  if (month < 1 || month > 12) {
    return fail(
      `There is no month ${groups.mo ?? month}; write the date as year-month-day, ${example}.`,
    );
  }
  const monthName = MONTH_NAME.format(Date.UTC(2000, month - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1) return fail('There is no day 0 in a month; check the date.');
  if (day > daysInMonth) {
    return fail(`${monthName} ${year} has only ${daysInMonth} days; check the date.`);
  }
  if (groups.ap) {
    if (hour < 1 || hour > 12) {
      return fail(
        `With am or pm the hour runs from 1 to 12, so ${quote(typed)} is impossible; check the time.`,
      );
    }
    hour = (hour % 12) + (groups.ap === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return fail(`There is no hour ${hour}; hours run from 00 to 23, and midnight is 00:00.`);
  }
  if (minute > 59) return fail(`There is no minute ${groups.mi}; minutes run from 00 to 59.`);
  if (second > 59) return fail(`There is no second ${groups.s ?? ''}; seconds run from 00 to 59.`);
  if (year < 2000) {
    return fail(`Check the year: ${year} is too long ago for a failed call to look up.`);
  }

  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let at: number;
  if (groups.tz) {
    const offset = parseOffset(groups.tz);
    if (offset === null) {
      return fail(
        `${quote(groups.tz)} is not a real UTC offset; offsets run from -12:00 to +14:00.`,
      );
    }
    at = wall - offset * MINUTE;
  } else {
    const found = wallToInstant(wall, timeZone);
    if ('skipped' in found) {
      const later = wallClock(wall + found.skipped * MINUTE, 'UTC').slice(11, 16);
      const amount = found.skipped === 60 ? 'an hour' : `${found.skipped} minutes`;
      return fail(
        `${quote(typed)} doesn’t exist in ${timeZone} because the clocks went forward ${amount} that day; you probably mean ${later}.`,
      );
    }
    at = found.at;
  }
  if (at > now.getTime() + MINUTE) {
    const current = localNow(now, timeZone);
    if (!groups.y && groups.rel !== 'yesterday') {
      const time = typed.replace(/^today\s+/i, '');
      return fail(
        `${quote(time)} today is still to come (it is now ${current.slice(11, 16)} in ${timeZone}); if the call was yesterday, write “yesterday ${time}”.`,
      );
    }
    return fail(
      `${quote(typed)} is in the future (it is now ${current.slice(0, 16)} in ${timeZone}), but failed calls have already happened; check the date, time and time zone.`,
    );
  }

  return {
    ok: true,
    value: {
      utc: `${new Date(at).toISOString().slice(0, 19)}Z`,
      local: wallClock(at, timeZone),
      timeZone,
      offset: formatOffset(timeZone, new Date(at)),
    },
  };
}

/** Minutes east of UTC for "z", "utc", "+01:00", "+0100", "-05"; null when impossible. */
function parseOffset(text: string): number | null {
  if (text === 'z' || text === 'utc' || text === 'gmt') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (minutes > 59) return null;
  const offset = (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  // Real offsets run from UTC-12:00 to UTC+14:00.
  return offset < -12 * 60 || offset > 14 * 60 ? null : offset;
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
