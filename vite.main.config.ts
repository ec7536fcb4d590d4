// Vite build of the main process: one ES module, .vite/build/main.js, with native keytar left out.
import { builtinModules } from 'node:module';
import { defineConfig, type ConfigEnv, type UserConfig } from 'vite';

/**
 * Modules the main bundle must load at run time instead of containing: Electron, Node's
 * built-ins, and keytar, whose native `.node` binary cannot be bundled. forge.config.ts ships
 * keytar in the package's node_modules and unpacks its binary from the asar.
 */
export const mainExternals: (string | RegExp)[] = [
  'electron',
  /^electron\//,
  'keytar',
  // dbus-next's optional transports, required only inside functions Mail Setup never calls (it always
  // passes the bus address, and a unix path falls back to net when usocket is missing): not installed.
  'x11',
  'usocket',
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
];

/** The renderer's name in forge.config.ts; Forge defines MAIN_WINDOW_VITE_NAME from it. */
const rendererName = 'main_window';

/**
 * Forge merges its own settings (the MAIN_WINDOW_* defines, watch mode) under this one.
 * The same file also builds on its own (`vite build --config vite.main.config.ts`), which the
 * `_electron` specs use for the unpackaged app; then the defines come from here.
 */
export default defineConfig((env: ConfigEnv): UserConfig => {
  const underForge = 'forgeConfig' in env;
  return {
    build: {
      // An ES module because package.json says "type": "module" and main is ".vite/build/main.js".
      lib: { entry: 'electron/main.ts', formats: ['es'], fileName: () => 'main.js' },
      outDir: '.vite/build',
      // Main and preload share .vite/build; neither build may wipe the other's output.
      emptyOutDir: false,
      target: 'esnext',
      copyPublicDir: false,
      rolldownOptions: { external: mainExternals, platform: 'node' },
    },
    resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
    define: underForge
      ? {}
      : { MAIN_WINDOW_VITE_DEV_SERVER_URL: 'undefined', MAIN_WINDOW_VITE_NAME: JSON.stringify(rendererName) },
    clearScreen: false,
  };
});
