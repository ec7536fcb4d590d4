// Vite build of the preload: one CommonJS file, .vite/build/preload.cjs, that requires only `electron`.
import { defineConfig } from 'vite';

/**
 * Sandboxed preloads are run by Electron's own loader: CommonJS only, and `require` can reach
 * nothing but `electron` (and a few shims). So the contract and zod are bundled in, and the
 * single output file has no chunks to load. Forge merges its settings under this one; the same
 * file also builds on its own for the `_electron` specs.
 */
export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    target: 'chrome130',
    copyPublicDir: false,
    rolldownOptions: {
      input: { preload: 'electron/preload.ts' },
      external: ['electron', /^electron\//],
      platform: 'browser',
      output: { format: 'cjs', codeSplitting: false, entryFileNames: '[name].cjs' },
    },
  },
  clearScreen: false,
});
