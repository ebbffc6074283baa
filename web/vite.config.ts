import { defineConfig } from 'vitest/config';

// The server serves web/dist at / and the API at /api/v1 on the same origin. During `npm run dev`
// the API is proxied to a running `ecosol serve` (ECOSOL_API_URL, default http://127.0.0.1:8099).
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': process.env.ECOSOL_API_URL ?? 'http://127.0.0.1:8099',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
