import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const server = process.env.AUTODEV_URL ?? 'http://localhost:3456';

// The server refuses writes and WebSocket handshakes from other origins, so the dev proxy presents the
// server's own origin instead of the dev server's.
const sameOrigin = {
  target: server,
  changeOrigin: true,
  configure: (proxy: { on: (event: string, fn: (req: { setHeader: (k: string, v: string) => void }) => void) => void }) => {
    const rewrite = (req: { setHeader: (k: string, v: string) => void }) => req.setHeader('origin', server);
    proxy.on('proxyReq', rewrite);
    proxy.on('proxyReqWs', rewrite);
  },
};

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': sameOrigin,
      '/ws': { ...sameOrigin, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // The suite runs beside the Java tests on small CI machines; a slow render is not a failure.
    testTimeout: 20_000,
  },
});
