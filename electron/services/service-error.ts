// An error a service reports on purpose, with a code the renderer and the CLI can act on.
import type { IpcErrorCode } from '../../shared/ipc-contract.ts';

/** Thrown by services for conditions the user must hear about (keychain locked, no such account…). */
export class ServiceError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}
