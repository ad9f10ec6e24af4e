/** `npm run size`: fails when the build is over its size budgets (run after `npm run build`). */
import path from 'node:path';
import { ROOT } from './content/load-content.ts';
import { budgetProblems, kb, measureBuild } from './perf/sizes.ts';

const sizes = await measureBuild(path.join(ROOT, 'dist'), process.env.BASE_PATH ?? '/');
const problems = budgetProblems(sizes);
console.log(
  `Start page: HTML ${kb(sizes.startHtml.gzip)}, JS ${kb(sizes.startJs.gzip)}, CSS ${kb(sizes.startCss.gzip)} (gzip); ${sizes.pages} HTML pages.`,
);
for (const problem of problems) console.error(`Over budget: ${problem}`);
process.exitCode = problems.length > 0 ? 1 : 0;
