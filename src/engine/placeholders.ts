import type { Config } from './schema.ts';

/**
 * Names an author may write in braces (`{provider}`) so that brand, provider and products stay
 * configuration: each is filled in from `content/config.yaml` at build time.
 */
export const PLACEHOLDERS = {
  brand: (config: Config) => config.brand.name,
  provider: (config: Config) => config.provider.name,
  supportEmail: (config: Config) => config.provider.supportEmail,
  lcrProduct: (config: Config) => config.products.lcr,
  directProduct: (config: Config) => config.products.direct,
} as const satisfies Record<string, (config: Config) => string>;

const PATTERN = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PATTERN)].flatMap((match) => (match[1] === undefined ? [] : [match[1]]));
}

export function isPlaceholder(name: string): name is keyof typeof PLACEHOLDERS {
  return Object.hasOwn(PLACEHOLDERS, name);
}

export function fillPlaceholders(text: string, config: Config): string {
  return text.replace(PATTERN, (whole, name: string) =>
    isPlaceholder(name) ? PLACEHOLDERS[name](config) : whole,
  );
}

/** Applies `fn` to every string inside plain data (objects and arrays), returning a copy. */
export function mapStrings<T>(value: T, fn: (text: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, fn)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, fn)]),
    ) as T;
  }
  return value;
}

/** Every string inside plain data, with the key path that leads to it. */
export function* stringsIn(
  value: unknown,
  path: (string | number)[] = [],
): Generator<{ text: string; path: (string | number)[] }> {
  if (typeof value === 'string') yield { text: value, path };
  else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* stringsIn(item, [...path, index]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, [...path, key]);
  }
}
