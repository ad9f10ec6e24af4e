import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';
import metadata from 'libphonenumber-js/min/metadata';
import { LIMITS, type FieldResult, type PhoneNumberValue } from './model.ts';
import { quote } from './quote.ts';

const EXAMPLE = '+1 919 555 0100';
const START_WITH_PLUS = 'start with + and the country code';

let regionNames: Intl.DisplayNames | undefined;

/** The English name of an ISO 3166 country, like "United States"; the code itself if unknown. */
function countryName(country: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(country.toUpperCase()) ?? country;
  } catch {
    return country;
  }
}

/** Digits, spaces and the usual punctuation people put in phone numbers. */
const ALLOWED = /^[\p{Nd}\s\-.()/+\u2010-\u2015\u2212]$/u;
/** An extension after the number: "… 0100 x123", "… 0100 ext. 123", "… 0100 #123". */
const EXTENSION = /\d[\s.)-]*((?:ext(?:ension)?\.?|x|#)\s*\d+)\s*$/iu;
const LETTERS = /\p{L}+/gu;

/**
 * Reads one phone number as typed. National formats ("(919) 555-0100") are read as numbers of
 * `defaultCountry` (ISO 3166, like "US"); "+" and the "00" international prefix always work.
 * Returns the number in E.164 with its country and international format, or one sentence
 * saying what is wrong and how to fix it. Never throws.
 */
export function parsePhoneNumber(
  text: string,
  defaultCountry: string,
): FieldResult<PhoneNumberValue> {
  const trimmed = text.trim();
  if (trimmed.length > LIMITS.row) {
    return fail(
      `That is too long to be a phone number; enter one number per row, like ${EXAMPLE}.`,
    );
  }
  if (trimmed === '') return fail(`Enter a phone number, like ${EXAMPLE}.`);

  const extension = EXTENSION.exec(trimmed);
  if (extension) {
    return fail(
      `Leave the extension ${quote(extension[1] ?? '')} out and enter only the phone number.`,
    );
  }
  const letters = trimmed.match(LETTERS);
  if (letters) {
    return fail(
      `Phone numbers are digits only, so remove ${quote(letters.join(' '))} or replace the letters with their keypad digits.`,
    );
  }
  const odd = Array.from(trimmed).find((char) => !ALLOWED.test(char));
  if (odd !== undefined) {
    return fail(
      `${quote(odd)} can’t be part of a phone number; use only digits, spaces and dashes, with + before the country code.`,
    );
  }
  if (trimmed.lastIndexOf('+') > 0) {
    return fail(`Put the + only at the very start of the number, like ${EXAMPLE}.`);
  }

  // "00" is the international prefix in most of the world: read "0044 …" as "+44 …".
  const normalised = trimmed.replace(/^\(?00/, '+');
  const country = isSupportedCountry(defaultCountry.toUpperCase())
    ? (defaultCountry.toUpperCase() as CountryCode)
    : undefined;
  const international = normalised.startsWith('+');

  const options = country ? { defaultCountry: country } : {};
  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(normalised, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : '';
    const where = international
      ? callingCodeName(callingCodeOf(normalised))
      : country && countryName(country);
    return fail(errorMessage(reason, trimmed, normalised, where));
  }

  if (!phone.isValid()) {
    const where = placeName(phone, country);
    const reason = validatePhoneNumberLength(normalised, options);
    if (reason) return fail(errorMessage(reason, trimmed, normalised, where));
    const advice = international
      ? 'check the digits'
      : `check the digits, or ${START_WITH_PLUS} if it is from another country`;
    return fail(`${quote(trimmed)} is not a valid ${where} number; ${advice}.`);
  }

  // E.164 allows 15 digits at most; the metadata is more lenient for a few countries.
  const digitCount = phone.number.length - 1;
  if (digitCount > 15 || digitCount < 7) {
    const reason = digitCount > 15 ? 'TOO_LONG' : 'TOO_SHORT';
    return fail(errorMessage(reason, trimmed, normalised, placeName(phone, country)));
  }

  const value: PhoneNumberValue = { e164: phone.number, display: phone.formatInternational() };
  if (phone.country) value.country = phone.country;
  return { ok: true, value };
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/**
 * A message for a libphonenumber error code (TOO_SHORT, INVALID_COUNTRY, …); `where` names the
 * country the number was read for, undefined when there was none.
 */
function errorMessage(
  reason: string,
  typed: string,
  normalised: string,
  where: string | undefined,
): string {
  const international = normalised.startsWith('+');
  const advice = international ? 'check the digits' : `check the digits or ${START_WITH_PLUS}`;
  const kind = where ? `${where} numbers` : 'a phone number';
  switch (reason) {
    case 'TOO_SHORT':
      return `${quote(typed)} is too short for ${kind}; ${advice}.`;
    case 'TOO_LONG':
      return `${quote(typed)} is too long for ${kind}; ${advice}.`;
    case 'INVALID_LENGTH':
      return `${quote(typed)} has the wrong number of digits for ${kind}; ${advice}.`;
    case 'INVALID_COUNTRY':
      return international
        ? `${quote(`+${callingCodeOf(normalised)}`)} is not a country code; check the digits after the +.`
        : `Start the number with + and the country code, like ${EXAMPLE}.`;
    default:
      return `${quote(typed)} doesn’t look like a phone number; enter it with its country code, like ${EXAMPLE}.`;
  }
}

/** The country calling code a "+…" text starts with, as far as it can be told (up to 3 digits). */
function callingCodeOf(normalised: string): string {
  const digits = normalised.replace(/\D/g, '');
  for (const length of [1, 2, 3]) {
    const code = digits.slice(0, length);
    if (code in metadata.country_calling_codes || code in metadata.nonGeographic) return code;
  }
  return digits.slice(0, 3);
}

/** The main country for a calling code, like "United Kingdom" for 44, or "+800" if none. */
function callingCodeName(code: string): string {
  const main = metadata.country_calling_codes[code]?.[0];
  return main ? countryName(main) : `+${code}`;
}

/** The country to name in a message about an invalid number. */
function placeName(phone: PhoneNumber, country: CountryCode | undefined): string {
  if (phone.country) return countryName(phone.country);
  if (country && getCountryCallingCode(country) === phone.countryCallingCode) {
    return countryName(country);
  }
  return callingCodeName(phone.countryCallingCode);
}
