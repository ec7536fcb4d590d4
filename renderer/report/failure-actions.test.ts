// Unit tests of the next steps offered for each failure category, on each screen.
import { describe, expect, it } from 'vitest';
import type { Failure } from '../../shared/check-report.ts';
import { failureCategories } from '../../shared/failure-category.ts';
import { actionsFor, type ActionContext } from './failure-actions.ts';

const wizard: ActionContext = { security: 'tls', settingsEditable: true, certificatesTrustable: true };
const accounts: ActionContext = { security: 'tls', settingsEditable: false, certificatesTrustable: false };
const failure = (category: Failure['category'], extra: Partial<Failure> = {}): Failure => ({ category, message: '', advice: '', serverText: '', ...extra });
const kinds = (f: Failure, context: ActionContext) => actionsFor(f, context).map((action) => action.kind);

describe('actionsFor', () => {
  it('offers at least one action for every category in the wizard', () => {
    for (const category of failureCategories) {
      const extra = { helpUrl: 'https://help.example.test/', certificate: { subject: 's', issuer: 'i', validTo: 'v', fingerprint256: 'AB' } };
      expect(actionsFor(failure(category, extra), wizard).length, category).toBeGreaterThan(0);
    }
  });

  it('leads a wrong password to editing it', () => {
    expect(kinds(failure('wrong-credentials'), wizard)).toEqual(['edit-password', 'retry']);
  });

  it('offers STARTTLS after a TLS handshake failure on SSL/TLS, and SSL/TLS the other way round', () => {
    expect(actionsFor(failure('tls-handshake-failed'), wizard)[0]).toEqual({ kind: 'switch-security', security: 'starttls' });
    expect(actionsFor(failure('tls-handshake-failed'), { ...wizard, security: 'starttls' })[0]).toEqual({ kind: 'switch-security', security: 'tls' });
  });

  it('opens the app-password page the failure names', () => {
    expect(actionsFor(failure('app-password-required', { helpUrl: 'https://support.google.com/mail/?p=InvalidSecondFactor' }), wizard)[0]).toEqual({
      kind: 'open-help',
      url: 'https://support.google.com/mail/?p=InvalidSecondFactor',
      appPassword: true,
    });
  });

  it('offers trust only with the presented certificate, and only where it can be used', () => {
    const untrusted = failure('certificate-untrusted', { certificate: { subject: 's', issuer: 'i', validTo: 'v', fingerprint256: 'AB:CD' } });
    expect(actionsFor(untrusted, wizard)[0]).toEqual({ kind: 'trust-certificate', fingerprint256: 'AB:CD' });
    expect(kinds(untrusted, accounts)).toEqual(['retry']);
    expect(kinds(failure('certificate-untrusted'), wizard)).toEqual(['retry']);
  });

  it('leaves out actions the screen already shows', () => {
    expect(kinds(failure('wrong-credentials'), { ...accounts, hidden: ['edit-password'] })).toEqual(['retry']);
  });
});
