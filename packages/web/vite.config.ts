import { defineConfig } from 'vite'

// the API serves the page at /app and its files at /app/assets (packages/api/src/routes/web.ts)
export default defineConfig({
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // the options worker is a module, as the page is
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    assetsDir: 'assets',
    // modern browsers only: no inline polyfill, so the page's Content-Security-Policy can forbid inline scripts
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
})
