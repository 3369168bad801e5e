import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

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

/**
 * src/early.ts is built as an entry of its own and loaded by index.html ahead of the main script, so a page opened on
 * the graph starts reading it (and fetching the view's code) without waiting for the main script to load and run.
 * The main script imports it too, so the dev server (which serves index.html as written) still runs it first.
 */
function earlyEntry(): Plugin {
  return {
    name: 'autodev-early-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const early = Object.values(ctx.bundle ?? {}).find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'early');
        if (!early) throw new Error('the early entry (src/early.ts) is missing from the bundle');
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${early.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), earlyEntry()],
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
    rollupOptions: { input: { index: 'index.html', early: 'src/early.ts' } },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // The suite runs beside the Java tests on small CI machines; a slow render is not a failure.
    testTimeout: 20_000,
  },
});
