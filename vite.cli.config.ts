// Vite build of the `mail-setup` command: an ES module entry, .vite/cli/mail-setup.js, so the
// command starts without type-stripping the source tree; bin/mail-setup.js uses it when it exists.
// Each command's code is a chunk beside it (main.ts imports commands dynamically): one single
// file would load imapflow, nodemailer and zod for `--help` too, and take 3× longer to start.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };

/**
 * Loaded at run time, not bundled: Node's built-ins and every npm dependency (and its subpaths,
 * such as `nodemailer/lib/smtp-connection`), which the installed project has in node_modules.
 */
export const cliExternals: (string | RegExp)[] = [
  ...builtinModules,
  /^node:/,
  ...Object.keys(pkg.dependencies).map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/|$)`)),
];

export default defineConfig({
  build: {
    lib: { entry: 'electron/cli/main.ts', formats: ['es'], fileName: () => 'mail-setup.js' },
    outDir: '.vite/cli',
    emptyOutDir: true,
    target: 'node22',
    copyPublicDir: false,
    minify: false,
    rolldownOptions: { external: cliExternals, platform: 'node' },
  },
  resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
  clearScreen: false,
  logLevel: 'warn',
});
