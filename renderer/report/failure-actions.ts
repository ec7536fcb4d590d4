// Which next steps fit each failure category: the buttons under a failed test.
import type { Failure } from '../../shared/check-report.ts';
import { assertNever } from '../../shared/failure-category.ts';
import type { Security } from '../../shared/server-settings.ts';

/** One thing the user can do about a failure. */
export type FailureAction =
  | { readonly kind: 'edit-password' }
  | { readonly kind: 'edit-settings' }
  | { readonly kind: 'switch-security'; readonly security: 'tls' | 'starttls'; readonly port?: number }
  | { readonly kind: 'open-help'; readonly url: string; readonly appPassword: boolean }
  | { readonly kind: 'trust-certificate'; readonly fingerprint256: string }
  | { readonly kind: 'retry' };

/** What the screen showing the failure can offer. */
export interface ActionContext {
  readonly security: Security;
  /** The wizard can change server settings; the accounts screen cannot. */
  readonly settingsEditable: boolean;
  /** The wizard can re-test with a pinned certificate; the accounts screen cannot. */
  readonly certificatesTrustable: boolean;
  /** Actions already on screen in another form (e.g. an open Update password form). */
  readonly hidden?: readonly FailureAction['kind'][];
}

function otherSecurity(security: Security): 'tls' | 'starttls' | undefined {
  if (security === 'tls') return 'starttls';
  if (security === 'starttls') return 'tls';
  return undefined;
}

function candidates(failure: Failure, security: Security): (FailureAction | undefined)[] {
  const help = (appPassword: boolean): FailureAction | undefined =>
    failure.helpUrl ? { kind: 'open-help', url: failure.helpUrl, appPassword } : undefined;
  const trust: FailureAction | undefined = failure.certificate
    ? { kind: 'trust-certificate', fingerprint256: failure.certificate.fingerprint256 }
    : undefined;
  const other = otherSecurity(security);
  const switchTo = (target: 'tls' | 'starttls' | undefined): FailureAction | undefined =>
    target && target !== security ? { kind: 'switch-security', security: target } : undefined;
  const category = failure.category;
  switch (category) {
    case 'dns-not-found':
    case 'not-imap':
    case 'not-smtp':
    case 'not-pop3':
    case 'protocol-error':
      return [{ kind: 'edit-settings' }, { kind: 'retry' }];
    case 'connection-refused':
    case 'timeout':
      return [{ kind: 'edit-settings' }, switchTo(other), { kind: 'retry' }];
    case 'connection-lost':
    case 'server-unavailable':
    case 'mailbox-unavailable':
    case 'delivery-delayed':
      return [{ kind: 'retry' }];
    case 'smtp-auth-unavailable':
      // A relay or MX port (25): mail apps submit on 587 with STARTTLS.
      return [{ kind: 'switch-security', security: 'starttls', port: 587 }, { kind: 'edit-settings' }];
    case 'sender-rejected':
      return [{ kind: 'edit-settings' }, { kind: 'retry' }];
    case 'auth-disabled':
      return [help(false), { kind: 'retry' }];
    case 'tls-handshake-failed':
      return [switchTo(other), { kind: 'edit-settings' }, { kind: 'retry' }];
    case 'certificate-untrusted':
    case 'certificate-expired':
    case 'certificate-changed':
      return [trust, { kind: 'retry' }];
    case 'certificate-hostname-mismatch':
      return [{ kind: 'edit-settings' }, trust, { kind: 'retry' }];
    case 'starttls-unavailable':
      return [switchTo('tls'), { kind: 'retry' }];
    case 'encryption-required':
      return [switchTo('tls'), switchTo('starttls')];
    case 'wrong-credentials':
      return [{ kind: 'edit-password' }, help(false), { kind: 'retry' }];
    case 'app-password-required':
      return [help(true), { kind: 'edit-password' }];
    case 'oauth-required':
      return [help(false)];
    case 'password-expired':
      return [help(false), { kind: 'edit-password' }];
    case 'account-blocked':
      return [help(false), { kind: 'retry' }];
    default:
      return assertNever(category);
  }
}

function allowed(action: FailureAction, context: ActionContext): boolean {
  if (context.hidden?.includes(action.kind)) return false;
  if (action.kind === 'edit-settings' || action.kind === 'switch-security') return context.settingsEditable;
  if (action.kind === 'trust-certificate') return context.certificatesTrustable;
  return true;
}

/** The actions that fit this failure on this screen, most useful first. */
export function actionsFor(failure: Failure, context: ActionContext): FailureAction[] {
  return candidates(failure, context.security).filter(
    (action): action is FailureAction => action !== undefined && allowed(action, context),
  );
}
