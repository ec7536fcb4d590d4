// How a check ends early on the user's word (a step's own failure is net/step-failure.ts).

/** Thrown when the user cancels a running check. */
export class CheckCancelledError extends Error {
  constructor() {
    super('The check was cancelled.');
    this.name = 'CheckCancelledError';
  }
}
