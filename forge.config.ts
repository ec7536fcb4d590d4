// Electron Forge: the Vite builds, a package with native keytar beside the asar, fuses, and installers.
import { AutoUnpackNativesPlugin } from '@electron-forge/plugin-auto-unpack-natives';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerDMG } from '@electron-forge/maker-dmg';
import { MakerRpm } from '@electron-forge/maker-rpm';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * What goes into the package, as paths relative to the project with a leading "/": the Vite
 * output, package.json, and keytar's runtime files. Everything else is bundled into .vite/ by
 * vite.main.config.ts; keytar is kept out of the bundle there because its `.node` binary must be
 * a file on disk (AutoUnpackNativesPlugin moves it out of the asar into app.asar.unpacked).
 *
 * keytar's build inputs (binding.gyp, src/) stay out on purpose: without them Forge's native
 * rebuild leaves keytar alone, which is right because it is an N-API module: the binary npm
 * installed works in every Electron, on the platform and architecture it was installed for.
 */
const packagedPaths = [
  /^\/package\.json$/,
  /^\/\.vite(\/|$)/,
  /^\/node_modules$/,
  /^\/node_modules\/keytar$/,
  /^\/node_modules\/keytar\/(package\.json|LICENSE\.md|lib|lib\/.+\.js|build|build\/Release|build\/Release\/keytar\.node)$/,
];

/** Set to build a package that a debugger (or Playwright) may attach to; never for a release. */
const inspectable = process.env.MAIL_SETUP_INSPECTABLE_BUILD === '1';

const description = 'Gets a mail account working: finds the server settings, proves them with a step-by-step test, and keeps the password in the OS keychain.';

/**
 * What the deb and rpm packages say about the app alike. `bin` puts the app's binary on the PATH
 * as `mail-setup`; started with a command (`mail-setup check …`) it is the CLI (electron/cli-in-app.ts).
 */
const linuxPackage = {
  name: 'mail-setup',
  bin: 'mail-setup',
  productName: 'Mail Setup',
  genericName: 'Mail Account Setup',
  description,
  icon: 'assets/icon.png',
  categories: ['Network', 'Office'] as ('Network' | 'Office')[],
};

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Mail Setup',
    executableName: 'mail-setup',
    appBundleId: 'org.mailsetup.MailSetup',
    appCategoryType: 'public.app-category.productivity',
    appCopyright: 'Copyright © Mail Setup contributors',
    // Packager picks icon.icns or icon.ico by platform; Linux takes the PNG from the makers below.
    icon: 'assets/icon',
    asar: true,
    // The ignore filter below already names every shipped file. With pruning on, Packager would
    // decide node_modules folders itself and leave an empty folder per production dependency.
    prune: false,
    ignore: (file: string) => file !== '' && !packagedPaths.some((pattern) => pattern.test(file)),
    win32metadata: { CompanyName: 'Mail Setup', FileDescription: 'Mail Setup', ProductName: 'Mail Setup' },
  },
  rebuildConfig: {},
  makers: [
    new MakerSquirrel({ name: 'mail_setup', setupIcon: 'assets/icon.ico', description }),
    new MakerZIP({}, ['darwin', 'linux', 'win32']),
    new MakerDMG({ icon: 'assets/icon.icns', format: 'ULFO' }),
    new MakerDeb({
      options: {
        ...linuxPackage,
        section: 'mail',
        // keytar reaches the Secret Service through libsecret.
        depends: ['libsecret-1-0'],
      },
    }),
    new MakerRpm({
      options: {
        ...linuxPackage,
        license: 'MIT',
        requires: ['libsecret'],
      },
    }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    new AutoUnpackNativesPlugin({}),
    new FusesPlugin({
      version: FuseVersion.V1,
      // Every fuse is set here, so an Electron upgrade that adds one fails the build until it is decided.
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      // Off in releases: --inspect would let anyone on the machine run code inside the app.
      // That also stops Playwright driving a packaged app, so the _electron specs use the unpackaged build.
      [FuseV1Options.EnableNodeCliInspectArguments]: inspectable,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      // Stays on: the renderer is loaded from file://, and Chromium refuses module scripts over
      // file:// without the extra privileges Electron grants it.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
      [FuseV1Options.WasmTrapHandlers]: true,
    }),
  ],
};

export default config;
