import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';

export interface CountryOption {
  code: string;
  /** "United States (+1)". */
  label: string;
}

/** Every country the phone-number metadata knows, by English name, for "numbers without a +". */
export function countryOptions(): CountryOption[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return getCountries()
    .map((code) => ({
      code,
      label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
