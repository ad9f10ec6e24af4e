import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { securityHeaders } from './scripts/security-headers.ts';
import { contentPlugin } from './scripts/vite-plugin-content.ts';
import { staticHostPlugin } from './scripts/vite-plugin-static-host.ts';

/** Set BASE_PATH to host the site under a sub-path, e.g. `/help/call-troubleshooter/`. */
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  plugins: [contentPlugin(), react(), tailwindcss(), staticHostPlugin(securityHeaders())],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries change rarely and content often: separate files keep the browser cache useful.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/ },
            { name: 'content', test: /virtual:content/ },
          ],
        },
      },
    },
  },
  preview: {
    headers: securityHeaders(),
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
