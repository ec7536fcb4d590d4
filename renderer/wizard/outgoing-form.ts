// The outgoing-server (SMTP) form as data: filled from discovery, validated, explained; empty means none.
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import { defaultOutgoingPorts, type OutgoingSettings, type Security } from '../../shared/server-settings.ts';
import { messages } from '../messages/en.ts';
import { addChangeNotes, followingPort, parsePort, validateSettings, type FieldErrors, type FieldNote, type SettingsField } from './settings-form.ts';

/** What the user edits for the outgoing server; an empty server name means "no outgoing server". */
export interface OutgoingForm {
  readonly host: string;
  readonly port: string;
  readonly security: Security;
  readonly username: string;
}

/** The outgoing part of the details screen: the form, what was found, and its own password choice. */
export interface OutgoingState {
  readonly form: OutgoingForm;
  /** What discovery filled in, to explain changes; null when nothing was found. */
  readonly found: OutgoingForm | null;
  readonly touched: Readonly<Partial<Record<SettingsField | 'password', true>>>;
  readonly portFollowed: boolean;
  /** "Use the same password for outgoing mail" (on by default). */
  readonly samePassword: boolean;
  readonly password: string;
  /** A known provider's server is shown, not asked, until the user chooses to change it. */
  readonly collapsed: boolean;
  /** The outgoing server's certificate the user chose to trust ("Trust this certificate" under its failure). */
  readonly trustedFingerprint: string | null;
}

/** The outgoing form before anything is known: no server, STARTTLS on 587, the address as username. */
export function emptyOutgoingForm(email: string): OutgoingForm {
  return { host: '', port: String(defaultOutgoingPorts.starttls), security: 'starttls', username: email.trim() };
}

/** The outgoing state for a new details screen, from what discovery found (if anything). */
export function outgoingFromDiscovery(email: string, result: DiscoveryResult | null): OutgoingState {
  const smtp = result?.smtp ?? null;
  const found: OutgoingForm | null = smtp ? { host: smtp.host, port: String(smtp.port), security: smtp.security, username: smtp.username } : null;
  return {
    form: found ?? emptyOutgoingForm(email),
    found,
    touched: {},
    portFollowed: false,
    samePassword: true,
    password: '',
    // A provider from the table or a database: its outgoing server needs no questions.
    collapsed: found !== null && result?.provider != null,
    trustedFingerprint: null,
  };
}

/** Whether the user left the outgoing server out (sending will not work). */
export function outgoingEmpty(form: OutgoingForm): boolean {
  return form.host.trim() === '';
}

/** Changes the security mode; the port follows when it was the usual submission port for the old mode. */
export function withOutgoingSecurity(form: OutgoingForm, security: Security): { form: OutgoingForm; portFollowed: boolean } {
  const port = followingPort(form.port, form.security, security, defaultOutgoingPorts);
  return { form: { ...form, security, port }, portFollowed: port !== form.port };
}

/** Field errors; none while the server is left empty, which means no outgoing server. */
export function validateOutgoing(form: OutgoingForm): FieldErrors {
  return outgoingEmpty(form) ? {} : validateSettings(form, messages.outgoing);
}

/** The settings to send: null for no outgoing server, undefined while a field is invalid. */
export function toOutgoingSettings(form: OutgoingForm): OutgoingSettings | null | undefined {
  if (outgoingEmpty(form)) return null;
  const port = parsePort(form.port);
  if (port === undefined || Object.keys(validateOutgoing(form)).length > 0) return undefined;
  return { host: form.host.trim(), port, security: form.security, username: form.username };
}

/** Notes under each outgoing field: likely mismatches of port and security, and changes from what was found. */
export function outgoingNotes(form: OutgoingForm, found: OutgoingForm | null): Partial<Record<SettingsField, FieldNote[]>> {
  const notes: Partial<Record<SettingsField, FieldNote[]>> = {};
  const add = (field: SettingsField, note: FieldNote) => (notes[field] = [...(notes[field] ?? []), note]);
  const m = messages.outgoing;
  const port = parsePort(form.port);
  if (outgoingEmpty(form)) return notes;
  if (form.security === 'tls' && port === 587) add('port', { tone: 'warning', text: m.tlsOn587 });
  if (form.security === 'starttls' && port === 465) add('port', { tone: 'warning', text: m.starttlsOn465 });
  if (port === 25) add('port', { tone: 'warning', text: m.port25 });
  if (form.security === 'none') add('security', { tone: 'warning', text: m.noneWarning });
  if (found) addChangeNotes(form, found, add);
  return notes;
}
