import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { loadContent, OUT_DIR } from './scripts/content/load-content.ts';
import { headerOptions, headerRules } from './scripts/security-headers.ts';
import { contentPlugin } from './scripts/vite-plugin-content.ts';
import { staticHostPlugin } from './scripts/vite-plugin-static-host.ts';

/** Set BASE_PATH to host the site under a sub-path, e.g. `/help/call-troubleshooter/`. */
const base = process.env.BASE_PATH ?? '/';

// The headers depend on the content config: a support webhook widens connect-src, and the embed
// view may be framed by the allowed origins. The static-host plugin sends them in `vite preview`.
const loaded = await loadContent();
const rules = headerRules({ base, ...(loaded.ok ? headerOptions(loaded.content.config) : {}) });

export default defineConfig({
  base,
  plugins: [contentPlugin(), react(), tailwindcss(), staticHostPlugin(rules)],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: OUT_DIR,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries change rarely and content often: separate files keep the browser cache useful.
        codeSplitting: {
          groups: [
            // Libraries only the support request uses stay out of the start page's download.
            {
              name: 'ticket-vendor',
              test: /node_modules[\\/](libphonenumber-js|@date-fns)[\\/]/,
              priority: 2,
            },
            // The symptom search's library loads with the search, on first use.
            { name: 'search-vendor', test: /node_modules[\\/]minisearch[\\/]/, priority: 2 },
            // Validation of saved progress loads when it is read, after the page is interactive.
            { name: 'zod-vendor', test: /node_modules[\\/]zod[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
            { name: 'content', test: /virtual:content/, priority: 2 },
            // Small app modules shared by the start page and the on-demand pages: one file, not
            // a dozen tiny ones each costing a request and its own overhead.
            {
              name: 'shell',
              test: /[\\/]src[\\/](lib|components|stores(?![\\/]saved)|engine[\\/](graph|path-codec|trail|codes[\\/]lookup))[\\/.]|preload-helper/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
