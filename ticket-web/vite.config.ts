/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The storefront is served by the gateway from the same origin as /api (ticket.gateway.web-root); `npm run dev` and
// `vite preview` proxy /api to a running platform instead, as the same origin would: without the page's Origin
// (the gateway refuses cross-origin writes from origins it does not list).
const gateway = process.env.TICKET_GATEWAY_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [vue()],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': {
        target: gateway,
        configure: (proxy) => proxy.on('proxyReq', (request) => request.removeHeader('origin')),
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts'],
  },
});
