/**
 * A help center that embeds the troubleshooter passes its brand colour, and the loader turns it into
 * the --ct-accent* tokens. Brand colours are often too light or too dark to read as link text or to
 * carry button text, so the hue is kept and the lightness nudged until every use meets WCAG AA.
 */

/** An sRGB colour, each channel 0–255. */
export type RGB = readonly [number, number, number];

/** The colour scheme the tokens are for (the site follows `prefers-color-scheme`). */
export type Scheme = 'light' | 'dark';

/** The tokens an accent colour sets, as CSS custom property names. */
export type AccentToken =
  '--ct-accent' | '--ct-accent-hover' | '--ct-accent-ink' | '--ct-accent-soft' | '--ct-focus';

/**
 * The backgrounds and inks the accent must work with, as 0xrrggbb. These must match the --ct-*
 * values in src/styles/index.css (light `:root` and the dark `prefers-color-scheme` block);
 * accent.test.ts checks that they do. `darkInk` is the dark text a light accent carries.
 */
export const SCHEME_COLOURS = {
  light: {
    canvas: 0xf5f7fa,
    surface: 0xffffff,
    surfaceMuted: 0xeef1f5,
    ink: 0x141a22,
    darkInk: 0x141a22,
  },
  dark: {
    canvas: 0x0e1217,
    surface: 0x161c24,
    surfaceMuted: 0x1e2631,
    ink: 0xe7ebf0,
    darkInk: 0x0a1424,
  },
} as const;

/** WCAG AA for normal text; also covers the 3:1 needed by the focus ring and button shapes. */
const AA = 4.5;
/** How many steps from the brand colour to black (light) or white (dark). */
const STEPS = 50;
/** How much of the accent tints accent-soft; the rest is the surface colour. */
const SOFT_SHARE = 0.12;
/** How far accent-hover moves from the accent. */
const HOVER_SHIFT = 0.2;
const BLACK: RGB = [0, 0, 0];
const WHITE: RGB = [255, 255, 255];

const rgb = (n: number): [number, number, number] => [(n >> 16) & 255, (n >> 8) & 255, n & 255];
const toHex = (c: RGB): string => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
/** `a` moved the fraction `t` of the way to `b`, rounded to whole channel values. */
const mix = (a: RGB, b: RGB, t: number): RGB => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];

/**
 * Reads a brand colour given as `#rgb` or `#rrggbb` (any case, surrounding whitespace ignored), the
 * only forms the embed snippet accepts. Anything else is null, so the loader keeps the defaults.
 */
export function parseHexColour(text: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m?.[1]) return null;
  const digits = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
  return rgb(parseInt(digits, 16));
}

/** WCAG 2.x relative luminance of an sRGB colour. */
function luminance(c: RGB): number {
  const linear = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
}

/**
 * The WCAG 2.x contrast ratio of two colours, from 1 (same) to 21 (black on white): the measure
 * every accent requirement is stated in.
 */
export function contrastRatio(a: RGB, b: RGB): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The accent tokens for a host's brand colour in one colour scheme, or null if `colour` is not a
 * `#rgb` / `#rrggbb` colour. The brand colour is kept if it already works; otherwise it is mixed
 * toward black (light) or white (dark) in small steps, keeping its hue, until:
 * - the accent has 4.5:1 against canvas, surface, surface-muted and accent-soft (link text; this
 *   also gives the focus ring, which is the accent, its 3:1);
 * - accent-ink (white or the scheme's dark ink, whichever contrasts more) has 4.5:1 on the accent;
 * - ink text has 4.5:1 on accent-soft (12% accent over the surface).
 * accent-hover is a step deeper (light) or lighter (dark), or the other way when the accent is
 * already at the extreme, and keeps 4.5:1 with accent-ink.
 */
export function accentPalette(colour: string, scheme: Scheme): Record<AccentToken, string> | null {
  const brand = parseHexColour(colour);
  if (!brand) return null;
  const base = SCHEME_COLOURS[scheme];
  const canvas = rgb(base.canvas);
  const surface = rgb(base.surface);
  const surfaceMuted = rgb(base.surfaceMuted);
  const ink = rgb(base.ink);
  const darkInk = rgb(base.darkInk);
  const [toward, away] = scheme === 'light' ? [BLACK, WHITE] : [WHITE, BLACK];

  const derive = (accent: RGB) => {
    const accentInk =
      contrastRatio(WHITE, accent) >= contrastRatio(darkInk, accent) ? WHITE : darkInk;
    const soft = mix(accent, surface, 1 - SOFT_SHARE);
    const works =
      [canvas, surface, surfaceMuted, soft, accentInk].every(
        (c) => contrastRatio(accent, c) >= AA,
      ) && contrastRatio(ink, soft) >= AA;
    return { accent, accentInk, soft, works };
  };

  // The last step is pure black or white, which meets every requirement in its scheme.
  let p = derive(brand);
  for (let step = 1; !p.works && step <= STEPS; step++)
    p = derive(mix(brand, toward, step / STEPS));

  const deeper = mix(p.accent, toward, HOVER_SHIFT);
  const back = mix(p.accent, away, HOVER_SHIFT);
  const hover =
    contrastRatio(deeper, p.accent) < 1.1 && contrastRatio(back, p.accentInk) >= AA ? back : deeper;

  return {
    '--ct-accent': toHex(p.accent),
    '--ct-accent-hover': toHex(hover),
    '--ct-accent-ink': toHex(p.accentInk),
    '--ct-accent-soft': toHex(p.soft),
    '--ct-focus': toHex(p.accent),
  };
}
