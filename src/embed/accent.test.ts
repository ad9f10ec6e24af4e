import fc from 'fast-check';
// eslint-disable-next-line no-restricted-imports -- a test, not browser code: it reads index.css to catch drift
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accentPalette,
  contrastRatio,
  parseHexColour,
  SCHEME_COLOURS,
  type AccentToken,
  type RGB,
  type Scheme,
} from './accent.ts';

const schemes: Scheme[] = ['light', 'dark'];

/** A colour we know parses, for the tests' own reference colours. */
function parse(text: string): RGB {
  const c = parseHexColour(text);
  if (!c) throw new Error(`not a colour: ${text}`);
  return c;
}

const fromNumber = (n: number): RGB => parse('#' + n.toString(16).padStart(6, '0'));

/** Every contrast requirement on a palette, as [what, ratio, minimum] for readable failures. */
function requirements(palette: Record<AccentToken, string>, scheme: Scheme) {
  const base = SCHEME_COLOURS[scheme];
  const accent = parse(palette['--ct-accent']);
  const hover = parse(palette['--ct-accent-hover']);
  const ink = parse(palette['--ct-accent-ink']);
  const soft = parse(palette['--ct-accent-soft']);
  const focus = parse(palette['--ct-focus']);
  const canvas = fromNumber(base.canvas);
  const surface = fromNumber(base.surface);
  const surfaceMuted = fromNumber(base.surfaceMuted);
  const text = fromNumber(base.ink);
  return [
    ['accent on canvas', contrastRatio(accent, canvas), 4.5],
    ['accent on surface', contrastRatio(accent, surface), 4.5],
    ['accent on surface-muted', contrastRatio(accent, surfaceMuted), 4.5],
    ['accent on accent-soft', contrastRatio(accent, soft), 4.5],
    ['accent-ink on accent', contrastRatio(ink, accent), 4.5],
    ['accent-ink on accent-hover', contrastRatio(ink, hover), 4.5],
    ['ink on accent-soft', contrastRatio(text, soft), 4.5],
    ['focus on canvas', contrastRatio(focus, canvas), 3],
    ['focus on surface', contrastRatio(focus, surface), 3],
  ] as const;
}

function expectRequirementsMet(palette: Record<AccentToken, string>, scheme: Scheme): void {
  for (const [what, ratio, minimum] of requirements(palette, scheme)) {
    expect(ratio, `${what} (${scheme}, ${JSON.stringify(palette)})`).toBeGreaterThanOrEqual(
      minimum,
    );
  }
}

/** The site's own accent tokens, to check a brand colour against before any adjustment. */
function passesAsIs(hex: string, scheme: Scheme): boolean {
  const base = SCHEME_COLOURS[scheme];
  const accent = parse(hex);
  const ink = [parse('#ffffff'), fromNumber(base.darkInk)].reduce((a, b) =>
    contrastRatio(a, accent) >= contrastRatio(b, accent) ? a : b,
  );
  const surface = fromNumber(base.surface);
  const tint = (i: 0 | 1 | 2) => Math.round(accent[i] * 0.12 + surface[i] * 0.88);
  const soft: RGB = [tint(0), tint(1), tint(2)];
  return (
    [base.canvas, base.surface, base.surfaceMuted]
      .map(fromNumber)
      .concat([soft, ink])
      .every((c) => contrastRatio(accent, c) >= 4.5) &&
    contrastRatio(fromNumber(base.ink), soft) >= 4.5
  );
}

describe('parseHexColour', () => {
  it.each([
    ['#abc', [0xaa, 0xbb, 0xcc]],
    ['#ABC', [0xaa, 0xbb, 0xcc]],
    ['#aabbcc', [0xaa, 0xbb, 0xcc]],
    ['#1F73b7', [0x1f, 0x73, 0xb7]],
    ['  #000\n', [0, 0, 0]],
    ['\t#ffffff ', [255, 255, 255]],
  ])('reads %j', (text, expected) => {
    expect(parseHexColour(text)).toEqual(expected);
  });

  it.each([
    '',
    '#',
    'abc',
    'aabbcc',
    '#ab',
    '#abcd',
    '#aabbc',
    '#aabbccdd',
    '#ggg',
    '# abc',
    '#abc;',
    'rgb(0, 0, 0)',
    'red',
    '##abc',
    '#-12345',
    '#0x1234',
  ])('rejects %j', (text) => {
    expect(parseHexColour(text)).toBeNull();
  });
});

describe('contrastRatio', () => {
  it('gives the WCAG reference values', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).toBeCloseTo(21, 5);
    expect(contrastRatio([119, 119, 119], [119, 119, 119])).toBe(1);
    // #767676 on white is the well-known lightest AA grey (4.54:1); #777777 just fails (4.48:1).
    expect(contrastRatio(parse('#767676'), parse('#ffffff'))).toBeCloseTo(4.54, 2);
    expect(contrastRatio(parse('#777777'), parse('#ffffff'))).toBeCloseTo(4.48, 2);
  });
});

describe('SCHEME_COLOURS', () => {
  /** The `--ct-name: #rrggbb` declarations in part of the stylesheet. */
  function tokens(part: string): Map<string, number> {
    const found = new Map<string, number>();
    for (const m of part.matchAll(/--ct-([a-z-]+):\s*#([0-9a-f]{6});/g)) {
      found.set(m[1]!, parseInt(m[2]!, 16));
    }
    return found;
  }
  // Vitest stubs CSS imports (even ?raw), so read the file itself.
  const css = readFileSync(new URL('../styles/index.css', import.meta.url), 'utf8');
  const dark = css.indexOf('@media (prefers-color-scheme: dark)');
  const print = css.indexOf('@media print');

  it.each([
    ['light', tokens(css.slice(0, dark))],
    ['dark', tokens(css.slice(dark, print))],
  ] as const)('match the %s tokens in index.css', (scheme, found) => {
    expect(dark).toBeGreaterThan(0);
    expect(print).toBeGreaterThan(dark);
    const base = SCHEME_COLOURS[scheme];
    expect(found.get('canvas')).toBe(base.canvas);
    expect(found.get('surface')).toBe(base.surface);
    expect(found.get('surface-muted')).toBe(base.surfaceMuted);
    expect(found.get('ink')).toBe(base.ink);
    expect(found.get(scheme === 'light' ? 'ink' : 'accent-ink')).toBe(base.darkInk);
  });
});

describe('accentPalette', () => {
  const brands = [
    '#03363d', // Zendesk green
    '#17494d',
    '#ffd400', // light yellow
    '#fff',
    '#000',
    '#1f73b7',
    '#e91e63',
    '#777',
    '#1c58b5', // the site's own light accent
    '#86b4ff', // the site's own dark accent
  ];
  const cases = brands.flatMap((hex) => schemes.map((scheme) => [hex, scheme] as const));

  it.each(cases)('%s in the %s scheme meets every contrast requirement', (hex, scheme) => {
    const palette = accentPalette(hex, scheme);
    expect(palette).not.toBeNull();
    expectRequirementsMet(palette!, scheme);
    for (const value of Object.values(palette!)) expect(value).toMatch(/^#[0-9a-f]{6}$/);
    expect(palette!['--ct-focus']).toBe(palette!['--ct-accent']);
    expect(palette!['--ct-accent-hover']).not.toBe(palette!['--ct-accent']);
  });

  it.each(cases)('%s in the %s scheme is kept when it already passes', (hex, scheme) => {
    const palette = accentPalette(hex, scheme)!;
    const normalised =
      '#' +
      parse(hex)
        .map((c) => c.toString(16).padStart(2, '0'))
        .join('');
    expect(palette['--ct-accent'] === normalised).toBe(passesAsIs(hex, scheme));
  });

  it('keeps colours that already pass, in lowercase #rrggbb', () => {
    expect(accentPalette('#03363D', 'light')?.['--ct-accent']).toBe('#03363d');
    expect(accentPalette('#000', 'light')?.['--ct-accent']).toBe('#000000');
    expect(accentPalette(' #FFF ', 'dark')?.['--ct-accent']).toBe('#ffffff');
    expect(accentPalette('#ffd400', 'dark')?.['--ct-accent']).toBe('#ffd400');
  });

  it('darkens in the light scheme and lightens in the dark one, keeping the hue', () => {
    const light = parse(accentPalette('#ffd400', 'light')!['--ct-accent']);
    const dark = parse(accentPalette('#03363d', 'dark')!['--ct-accent']);
    // Mixing toward black scales the channels; toward white keeps the channel order and ratios.
    expect(light[0]).toBeGreaterThan(light[1]);
    expect(light[2]).toBe(0);
    expect(light[1] / light[0]).toBeCloseTo(0xd4 / 0xff, 1);
    expect(dark[0]).toBeLessThan(dark[1]);
    expect(dark[1]).toBeLessThanOrEqual(dark[2]);
  });

  it('picks white ink on dark accents and dark ink on light ones', () => {
    expect(accentPalette('#03363d', 'light')?.['--ct-accent-ink']).toBe('#ffffff');
    expect(accentPalette('#ffd400', 'dark')?.['--ct-accent-ink']).toBe('#0a1424');
  });

  it.each(['', 'red', '#12', '#12345', 'rgb(1,2,3)', '#ggg', 'null'])(
    'gives null for %j',
    (text) => {
      for (const scheme of schemes) expect(accentPalette(text, scheme)).toBeNull();
    },
  );

  it('meets every contrast requirement for any colour in either scheme', () => {
    const channel = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(channel, channel, channel, fc.constantFrom(...schemes), (r, g, b, scheme) => {
        const hex = '#' + [r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('');
        const palette = accentPalette(hex, scheme);
        expect(palette).not.toBeNull();
        for (const [, ratio, minimum] of requirements(palette!, scheme)) {
          expect(ratio).toBeGreaterThanOrEqual(minimum);
        }
        if (passesAsIs(hex, scheme)) expect(palette!['--ct-accent']).toBe(hex);
      }),
      { numRuns: 2000 },
    );
  });
});
