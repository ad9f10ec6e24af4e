import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOffset, isValidTimeZone, localNow, parseTimestamp } from './timestamp.ts';

/** Fixed "now": 15:00 in New York, 21:00 in Berlin, 01:30 the next day in Kolkata. */
const now = new Date('2026-11-24T20:00:00Z');
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';

function parse(text: string, timeZone = NY) {
  return parseTimestamp(text, { now, timeZone });
}

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-24 14:05', NY, '2026-11-24T19:05:00Z', '2026-11-24 14:05:00', '-05:00'],
    ['2026-11-24 14:05:30', NY, '2026-11-24T19:05:30Z', '2026-11-24 14:05:30', '-05:00'],
    ['2026-11-24T14:05:30.789', NY, '2026-11-24T19:05:30Z', '2026-11-24 14:05:30', '-05:00'],
    ['  2026/11/24 2:05 PM ', NY, '2026-11-24T19:05:00Z', '2026-11-24 14:05:00', '-05:00'],
    ['2026-7-4 9:15 a.m.', NY, '2026-07-04T13:15:00Z', '2026-07-04 09:15:00', '-04:00'],
    ['2026-11-24 12:30 am', BERLIN, '2026-11-23T23:30:00Z', '2026-11-24 00:30:00', '+01:00'],
    ['2026-11-24 12:30 pm', BERLIN, '2026-11-24T11:30:00Z', '2026-11-24 12:30:00', '+01:00'],
    ['2026-06-01 14:05', BERLIN, '2026-06-01T12:05:00Z', '2026-06-01 14:05:00', '+02:00'],
    ['2026-11-24 14:05', KOLKATA, '2026-11-24T08:35:00Z', '2026-11-24 14:05:00', '+05:30'],
    ['2026-11-24 14:05', 'UTC', '2026-11-24T14:05:00Z', '2026-11-24 14:05:00', '+00:00'],
    // An explicit offset wins; `local` is still the wall clock in the chosen zone.
    ['2026-11-24T14:05:30.789Z', NY, '2026-11-24T14:05:30Z', '2026-11-24 09:05:30', '-05:00'],
    ['2026-11-24 14:05 UTC', BERLIN, '2026-11-24T14:05:00Z', '2026-11-24 15:05:00', '+01:00'],
    ['2026-11-24 14:05+01:00', NY, '2026-11-24T13:05:00Z', '2026-11-24 08:05:00', '-05:00'],
    ['2026-11-24 14:05 -0500', KOLKATA, '2026-11-24T19:05:00Z', '2026-11-25 00:35:00', '+05:30'],
    ['2026-11-24 14:05-05', 'UTC', '2026-11-24T19:05:00Z', '2026-11-24 19:05:00', '+00:00'],
    // A time alone, "today" and "yesterday" are read in the zone's today.
    ['14:05', NY, '2026-11-24T19:05:00Z', '2026-11-24 14:05:00', '-05:00'],
    ['2:05 pm', NY, '2026-11-24T19:05:00Z', '2026-11-24 14:05:00', '-05:00'],
    ['TODAY 14:05:30', NY, '2026-11-24T19:05:30Z', '2026-11-24 14:05:30', '-05:00'],
    ['yesterday 14:05', NY, '2026-11-23T19:05:00Z', '2026-11-23 14:05:00', '-05:00'],
    ['01:00', KOLKATA, '2026-11-24T19:30:00Z', '2026-11-25 01:00:00', '+05:30'],
    ['yesterday 23:59', KOLKATA, '2026-11-24T18:29:00Z', '2026-11-24 23:59:00', '+05:30'],
    // Up to a minute ahead of "now" is tolerated (clocks differ a little).
    ['2026-11-24 15:01', NY, '2026-11-24T20:01:00Z', '2026-11-24 15:01:00', '-05:00'],
    // Clocks going back: the earlier of the two instants.
    ['2026-11-01 01:30', NY, '2026-11-01T05:30:00Z', '2026-11-01 01:30:00', '-04:00'],
    ['2026-10-25 02:30', BERLIN, '2026-10-25T00:30:00Z', '2026-10-25 02:30:00', '+02:00'],
    // Just after the clocks went forward.
    ['2026-03-08 03:00', NY, '2026-03-08T07:00:00Z', '2026-03-08 03:00:00', '-04:00'],
    ['2026-03-29 03:00', BERLIN, '2026-03-29T01:00:00Z', '2026-03-29 03:00:00', '+02:00'],
  ])('reads %j in %s', (text, timeZone, utc, local, offset) => {
    expect(parse(text, timeZone)).toEqual({ ok: true, value: { utc, local, timeZone, offset } });
  });

  const shape =
    'Write the date and time as year-month-day and 24-hour time, like 2026-11-24 14:05.';
  it.each([
    ['', NY, 'Enter the date and time of the failed call, like 2026-11-24 14:05.'],
    ['hello', NY, shape],
    ['24/11/2026 14:05', NY, shape],
    ['11/24/2026 14:05', NY, shape],
    ['2026-11-24, 14:05', NY, shape],
    ['2026-11-24', NY, 'Add the time of the failed call too, like 2026-11-24 14:05.'],
    [
      '2026-13-01 10:00',
      NY,
      'There is no month 13; write the date as year-month-day, like 2026-11-24 14:05.',
    ],
    ['2026-02-30 10:00', NY, 'February 2026 has only 28 days; check the date.'],
    ['2026-02-29 10:00', NY, 'February 2026 has only 28 days; check the date.'],
    ['2026-04-31 10:00', NY, 'April 2026 has only 30 days; check the date.'],
    ['2026-01-00 10:00', NY, 'There is no day 0 in a month; check the date.'],
    [
      '2026-01-01 24:00',
      NY,
      'There is no hour 24; hours run from 00 to 23, and midnight is 00:00.',
    ],
    ['2026-01-01 23:60', NY, 'There is no minute 60; minutes run from 00 to 59.'],
    ['2026-01-01 23:59:60', NY, 'There is no second 60; seconds run from 00 to 59.'],
    [
      '13:05 pm',
      NY,
      'With am or pm the hour runs from 1 to 12, so “13:05 pm” is impossible; check the time.',
    ],
    ['1999-12-31 23:00', NY, 'Check the year: 1999 is too long ago for a failed call to look up.'],
    [
      '2026-01-01 10:00 +25:00',
      NY,
      '“+25:00” is not a real UTC offset; offsets run from -12:00 to +14:00.',
    ],
    [
      '2026-01-01 10:00 -13:00',
      NY,
      '“-13:00” is not a real UTC offset; offsets run from -12:00 to +14:00.',
    ],
    [
      '2026-01-01 10:00 +14:30',
      NY,
      '“+14:30” is not a real UTC offset; offsets run from -12:00 to +14:00.',
    ],
    [
      '2026-03-08 02:30',
      NY,
      '“2026-03-08 02:30” doesn’t exist in America/New_York because the clocks went forward an hour that day; you probably mean 03:30.',
    ],
    [
      '2026-03-29 02:30',
      BERLIN,
      '“2026-03-29 02:30” doesn’t exist in Europe/Berlin because the clocks went forward an hour that day; you probably mean 03:30.',
    ],
    [
      '2026-11-25 10:00',
      NY,
      '“2026-11-25 10:00” is in the future (it is now 2026-11-24 15:00 in America/New_York), but failed calls have already happened; check the date, time and time zone.',
    ],
    [
      '2026-11-24 15:02',
      NY,
      '“2026-11-24 15:02” is in the future (it is now 2026-11-24 15:00 in America/New_York), but failed calls have already happened; check the date, time and time zone.',
    ],
    [
      '16:00',
      NY,
      '“16:00” today is still to come (it is now 15:00 in America/New_York); if the call was yesterday, write “yesterday 16:00”.',
    ],
    [
      'Today 16:00',
      NY,
      '“16:00” today is still to come (it is now 15:00 in America/New_York); if the call was yesterday, write “yesterday 16:00”.',
    ],
    [
      '10:00',
      'Mars/Base',
      '“Mars/Base” is not a time zone we know; choose one from the list, like America/New_York.',
    ],
    ['10:00', '', 'Choose the time zone the times are written in, like America/New_York.'],
    ['9'.repeat(101), NY, 'That is too long to be a date and time; enter one time per row.'],
  ])('rejects %j in %j', (text, timeZone, message) => {
    expect(parse(text, timeZone)).toEqual({ ok: false, message });
  });

  it('gives a message, not an exception, when "now" is not a valid date', () => {
    const result = parseTimestamp('10:00', { now: new Date(NaN), timeZone: NY });
    expect(result.ok).toBe(false);
  });

  const zones = [NY, BERLIN, KOLKATA, 'UTC', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
  const zone = fc.constantFrom(...zones, 'America/Sao_Paulo', 'Pacific/Chatham', 'Mars/Base', '');
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.stringMatching(
      /^((\d{2,4}[-/]\d{1,2}[-/]\d{1,2}[ tT]?)|today |yesterday )?\d{1,2}:\d{1,2}(:\d{1,2}(\.\d+)?)? ?([ap]m)? ?(Z|[+-]\d{2}(:?\d{2})?)?$/,
    ),
  );

  it('turns any text into a timestamp or a message, and never throws', () => {
    fc.assert(
      fc.property(anyText, zone, (text, timeZone) => {
        const result = parseTimestamp(text, { now, timeZone });
        if (result.ok) {
          expect(result.value.utc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
          expect(result.value.local).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
          expect(new Date(result.value.utc).getTime()).toBeLessThanOrEqual(now.getTime() + 60_000);
        } else {
          expect(result.message.trim()).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads back the local time of any instant since 2000', () => {
    // From 2 January 2000, so the local date is in 2000 or later in every zone.
    const instant = fc
      .integer({ min: Date.UTC(2000, 0, 2) / 1000, max: now.getTime() / 1000 })
      .map((seconds) => new Date(seconds * 1000));
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (at, timeZone) => {
        const local = localNow(at, timeZone);
        const result = parseTimestamp(local, { now, timeZone });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.local).toBe(local);
        const parsed = new Date(result.value.utc).getTime();
        // Equal, except in the hour clocks go back, where the earlier instant is chosen.
        expect(
          parsed === at.getTime() || (parsed < at.getTime() && at.getTime() - parsed <= 3_600_000),
        ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('time zone helpers', () => {
  it('formats offsets, signs included', () => {
    expect(formatOffset(NY, now)).toBe('-05:00');
    expect(formatOffset(BERLIN, now)).toBe('+01:00');
    expect(formatOffset(KOLKATA, now)).toBe('+05:30');
    expect(formatOffset('UTC', now)).toBe('+00:00');
    expect(formatOffset('Asia/Kathmandu', now)).toBe('+05:45');
    expect(formatOffset(NY, new Date('2026-07-01T12:00:00Z'))).toBe('-04:00');
  });

  it('gives the wall clock in a zone', () => {
    expect(localNow(now, NY)).toBe('2026-11-24 15:00:00');
    expect(localNow(now, KOLKATA)).toBe('2026-11-25 01:30:00');
    expect(localNow(now, 'UTC')).toBe('2026-11-24 20:00:00');
  });

  it('knows IANA zones and nothing else', () => {
    expect(isValidTimeZone(NY)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Base')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('+05:00')).toBe(false);
  });
});
