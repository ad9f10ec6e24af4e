/**
 * `npm run hosting:nginx` (or `tsx scripts/hosting-config.ts netlify|vercel`): prints the hosting
 * configuration for the current content and BASE_PATH, generated from the same header rules
 * `npm run preview` serves, so a server set up by hand matches what the tests ran under.
 */
import { formatProblems } from '../src/engine/problems.ts';
import { loadContent } from './content/load-content.ts';
import {
  headerOptions,
  headerRules,
  netlifyHeadersFile,
  nginxConfig,
  vercelConfig,
  type HeaderRule,
} from './security-headers.ts';

const FORMATS = {
  nginx: (rules: HeaderRule[], base: string) => nginxConfig(rules, base),
  netlify: (rules: HeaderRule[]) => netlifyHeadersFile(rules),
  vercel: (rules: HeaderRule[], base: string) =>
    `${JSON.stringify(vercelConfig(rules, base), null, 2)}\n`,
} as const;

const format = process.argv[2];
if (!isFormat(format)) {
  console.error(`Usage: tsx scripts/hosting-config.ts <${Object.keys(FORMATS).join('|')}>`);
  process.exit(2);
}

const loaded = await loadContent();
if (!loaded.ok) {
  console.error(formatProblems(loaded.problems));
  console.error('\nFix the content problems above: the headers depend on content/config.yaml.');
  process.exit(1);
}

const base = process.env.BASE_PATH ?? '/';
const rules = headerRules({ base, ...headerOptions(loaded.content.config) });
process.stdout.write(FORMATS[format](rules, base));

function isFormat(name: string | undefined): name is keyof typeof FORMATS {
  return name !== undefined && Object.hasOwn(FORMATS, name);
}
