import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The backend serves the production build at `/` (same origin, relative API base ''), and the
// Electron shell loads it from file:// — hence a relative asset base and hash routing.
const BACKEND = process.env.LORA_STUDIO_BACKEND ?? 'http://127.0.0.1:8000';
const API_PREFIXES = ['/health', '/models', '/datasets', '/training', '/sessions', '/model', '/evaluation'];

export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    proxy: {
      ...Object.fromEntries(API_PREFIXES.map((p) => [p, { target: BACKEND, changeOrigin: false }])),
      '/ws': { target: BACKEND.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks (cache well across app releases); uPlot is loaded lazily.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'redux', test: /node_modules[\\/](@reduxjs|immer|reselect|redux|redux-thunk|react-redux|use-sync-external-store|@standard-schema)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    environmentOptions: { jsdom: { url: 'http://localhost:3000/' } },
    include: ['src/**/*.test.{ts,tsx}', 'electron/**/*.test.ts'],
    restoreMocks: true,
  },
});
