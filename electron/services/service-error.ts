// An error a service reports on purpose, with a code the renderer and the CLI can act on.
import type { IpcErrorCode } from '../../shared/ipc-contract.ts';
import type { MessageRef } from '../../shared/messages/failure-words.ts';

/** Thrown by services for conditions the user must hear about (keychain locked, no such account…). */
export class ServiceError extends Error {
  readonly code: IpcErrorCode;
  /** The message as catalogue texts (joined by a space), where there are: the CLI says them in the user's language (`message` stays English). */
  readonly words: readonly MessageRef[] | undefined;

  constructor(code: IpcErrorCode, message: string, words?: readonly MessageRef[]) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.words = words;
  }
}
