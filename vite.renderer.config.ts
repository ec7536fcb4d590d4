// Vite build of the React renderer, used by Forge (Electron) and by the test harness alike.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // Under `electron-forge start`: React Fast Refresh needs an inline <script> in index.html, which
  // the CSP (script-src 'self', no inline script) refuses. Without HMR there is no inline script;
  // reload the window (Ctrl+R) after a change instead.
  server: { hmr: false },
  build: {
    outDir: '../.vite/renderer/main_window',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
  },
});
