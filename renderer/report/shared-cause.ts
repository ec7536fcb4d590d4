// One cause, one panel: when both servers fail for the same reason (a shared password, no network), say it once.
import type { Failure } from '../../shared/check-report.ts';
import type { FailureCategory } from '../../shared/failure-category.ts';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import type { ServerSection } from './check-run.ts';

/** What the screen knows about where the servers came from and how they sign in. */
export interface CauseContext {
  /** Both servers were tested with one password (the "same password" choice, or a saved shared one). */
  readonly sharedPassword?: boolean | undefined;
  /** The provider whose known servers were tested unchanged (a name from the provider data), if any. */
  readonly knownProvider?: string | undefined;
}

/** The failure as one panel tells it, and which servers it covers. */
export interface Cause {
  readonly failure: Failure;
  /** The heading, when it differs from the failure's own message. */
  readonly heading: string | undefined;
  readonly advice: string | undefined;
  /** True when the outgoing server's failure is told by the incoming server's panel. */
  readonly covers: boolean;
}

// Failures that a missing network gives every server alike.
const unreachable = new Set<FailureCategory>(['dns-not-found', 'timeout', 'connection-refused']);

/** How the incoming failure (or the only one) is told, given what both servers did. */
export function causeOf(sections: readonly ServerSection[], context: CauseContext): Cause | undefined {
  const [incoming, outgoing] = [sections.find((s) => s.server === 'incoming')?.failure, sections.find((s) => s.server === 'outgoing')?.failure];
  const first = incoming ?? outgoing;
  if (!first) return undefined;
  const same = Boolean(incoming && outgoing && incoming.category === outgoing.category);
  // A known provider's own servers, left as the app filled them in, do not have a spelling problem:
  // out of reach (no name found, no answer) both at once, they point at the network.
  const outOfReach = (failure: Failure | null | undefined) => failure == null || unreachable.has(failure.category);
  if (context.knownProvider && unreachable.has(first.category) && outOfReach(incoming) && outOfReach(outgoing)) {
    return {
      failure: first,
      heading: format(messages.report.offline, { provider: context.knownProvider }),
      advice: messages.report.offlineAdvice,
      covers: Boolean(incoming && outgoing),
    };
  }
  if (same && first.category === 'wrong-credentials' && context.sharedPassword) {
    return { failure: first, heading: messages.report.sharedPasswordRefused, advice: undefined, covers: true };
  }
  return { failure: first, heading: undefined, advice: undefined, covers: false };
}
