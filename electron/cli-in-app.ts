// The installed app is the command line too: `mail-setup check …` (the deb and rpm put the app's
// binary on the PATH as mail-setup) runs the CLI in the main process instead of opening a window.
// A plain process: a packaged app cannot run as Node (the RunAsNode fuse is off).

const cliCommands = new Set(['check', 'discover', 'accounts', 'help', '--help', '-h']);

/**
 * The CLI arguments when the app was started as a command (`mail-setup discover …`), else
 * undefined. Packaged, the arguments follow the binary; unpackaged (`electron .`), the app path.
 */
export function cliArgumentsOf(argv: readonly string[], packaged: boolean): string[] | undefined {
  const args = argv.slice(packaged ? 1 : 2);
  return args[0] !== undefined && cliCommands.has(args[0]) ? args : undefined;
}

/** Runs the CLI and hands its exit status to `exit` (Electron's app.exit). */
export async function runCliInApp(args: string[], exit: (code: number) => void): Promise<void> {
  const { runCli } = await import('./cli/main.ts');
  exit(await runCli(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }));
}
