/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Maven passes admin-api's target/classes/console; a plain `npm run build` writes dist/.
const outDir = process.env.WXOPS_CONSOLE_OUT || 'dist'

export default defineConfig({
  base: '/console/',
  plugins: [
    vue(),
    // Element Plus components (and their CSS) are imported where a page uses them, so each
    // route's chunk carries only its own widgets and the initial bundle stays small.
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: false,
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n: Composition API only, JIT message compilation (no eval, CSP-safe), no devtools.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_JIT_COMPILATION__: true,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev` against a local run: the API on the same origin through the proxy.
    proxy: { '/api': process.env.WXOPS_API || 'http://127.0.0.1:8081' },
  },
  test: {
    // Logic tests run in Node; a component test opts into jsdom with `// @vitest-environment jsdom`.
    environment: 'node',
    include: ['src/**/*.test.ts'],
    env: { TZ: 'UTC' },
    // Element Plus's per-component CSS imports go through Vite rather than Node.
    server: { deps: { inline: ['element-plus'] } },
  },
})
