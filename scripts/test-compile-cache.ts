// Node's compile cache for every process a test run starts (workers, harnesses, CLI runs): they load
// the same modules hundreds of times, and a cached compile starts the harness in about half the time.
import { join } from 'node:path';

/** Sets NODE_COMPILE_CACHE (unless the caller chose one) for this process's children. */
export function useTestCompileCache(): void {
  process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, '..', 'node_modules', '.cache', 'node-compile-cache');
}
