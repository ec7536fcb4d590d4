// The failure a step ends in (connecting, TLS, a protocol's own steps), carried as a value from where it is detected to the report.
import type { CertificateInfo } from '../../../shared/check-report.ts';
import type { DetailWords } from '../../../shared/messages/detail-words.ts';
import type { FailureCategory } from '../../../shared/failure-category.ts';
import type { InternationalAddressReason } from '../../../shared/messages/international-address-messages.ts';
import type { NetworkFailureReason } from '../../../shared/messages/network-failure-messages.ts';

/** A classified failure, before it is turned into words for the user. */
export interface StepFailure {
  category: FailureCategory;
  /** What the step row shows: short and specific. */
  detail: string;
  /** `detail` as a catalogue id with its values (absent where the detail is protocol data: a socket error's code). */
  words?: DetailWords | undefined;
  /** The server's own words, when it said something. */
  serverText?: string | undefined;
  certificate?: CertificateInfo | undefined;
  pinnedFingerprint256?: string | undefined;
  /** Replaces the category's advice where the server's own words say exactly what to do (POP access switched off at Gmail). */
  advice?: string | undefined;
  /** A provider page that helps with exactly this failure (where to switch POP access on). */
  helpUrl?: string | undefined;
  /** A case the category's general words would mislead about (a refused international address, a port that expects SSL/TLS): its own words replace them. */
  reason?: InternationalAddressReason | NetworkFailureReason | undefined;
}

/** Thrown inside the engine to stop at the first failure; never leaves the engine. */
export class StepFailedError extends Error {
  readonly failure: StepFailure;

  constructor(failure: StepFailure) {
    super(failure.detail);
    this.name = 'StepFailedError';
    this.failure = failure;
  }
}
