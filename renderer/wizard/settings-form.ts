// The server-settings form as data: filling it from discovery, validating it, explaining changes.
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import {
  CredentialTextSchema,
  HostSchema,
  PortSchema,
  defaultIncomingPort,
  defaultPorts,
  defaultPop3Ports,
  type IncomingProtocol,
  type Security,
  type ServerSettings,
} from '../../shared/server-settings.ts';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';

/** What the user edits; the port stays text so that half-typed input is kept as typed. */
export interface SettingsForm {
  /** How mail is read: IMAP unless the user (or a POP3-only provider) chose POP3. */
  readonly protocol: IncomingProtocol;
  readonly host: string;
  readonly port: string;
  readonly security: Security;
  readonly username: string;
  readonly allowInsecure: boolean;
}

export type SettingsField = 'host' | 'port' | 'security' | 'username';
export type FieldErrors = Partial<Record<SettingsField, string>>;

/** A sentence under a field: why a value is probably wrong, or what a change did. */
export interface FieldNote {
  readonly tone: 'info' | 'warning';
  readonly text: string;
}

/** The form before anything is known: SSL/TLS on 993, the address as username. */
export function manualForm(email: string): SettingsForm {
  return { protocol: 'imap', host: '', port: String(defaultPorts.tls), security: 'tls', username: email.trim(), allowInsecure: false };
}

/** The form filled with what discovery found (IMAP where offered, else POP3; or `protocol` where asked), or the manual defaults. */
export function formFromDiscovery(email: string, result: DiscoveryResult | null, protocol?: IncomingProtocol): SettingsForm {
  const chosen = protocol ?? (result?.imap || !result?.pop3 ? 'imap' : 'pop3');
  const server = chosen === 'pop3' ? result?.pop3 : result?.imap;
  if (!server) return { ...manualForm(email), protocol: chosen, port: String(defaultIncomingPort(chosen, 'tls')) };
  return { protocol: chosen, host: server.host, port: String(server.port), security: server.security, username: server.username, allowInsecure: false };
}

/** The usual ports of the form's protocol. */
function portsOf(form: Pick<SettingsForm, 'protocol'>): Readonly<Record<Security, number>> {
  return form.protocol === 'pop3' ? defaultPop3Ports : defaultPorts;
}

/**
 * Changes the protocol: the servers discovery found for it where there are some (POP3 one click
 * away), else the port follows when it was the usual one for the old protocol.
 */
export function withProtocol(form: SettingsForm, protocol: IncomingProtocol, email: string, result: DiscoveryResult | null): { form: SettingsForm; portFollowed: boolean } {
  if (protocol === form.protocol) return { form, portFollowed: false };
  if (protocol === 'pop3' ? result?.pop3 : result?.imap) return { form: formFromDiscovery(email, result, protocol), portFollowed: false };
  const follows = form.port.trim() === '' || form.port.trim() === String(portsOf(form)[form.security]);
  const port = follows ? String(defaultIncomingPort(protocol, form.security)) : form.port;
  return { form: { ...form, protocol, port }, portFollowed: port !== form.port };
}

/** Changes the security mode; the port follows when it was the usual one for the old mode. */
export function withSecurity(form: SettingsForm, security: Security): { form: SettingsForm; portFollowed: boolean } {
  const port = followingPort(form.port, form.security, security, portsOf(form));
  const allowInsecure = security === 'none' ? form.allowInsecure : false;
  return { form: { ...form, security, port, allowInsecure }, portFollowed: port !== form.port };
}

/** The port after a security change: it follows when it was empty or the usual one for the old mode. */
export function followingPort(port: string, from: Security, to: Security, ports: Readonly<Record<Security, number>>): string {
  const follows = port.trim() === '' || port.trim() === String(ports[from]);
  return follows ? String(ports[to]) : port;
}

/** The port as a number, or undefined while it is not a valid one. */
export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text.trim())) return undefined;
  const port = Number(text.trim());
  return PortSchema.safeParse(port).success ? port : undefined;
}

/** The error texts of one server's fields (the outgoing server names its own examples). */
export type ServerFieldTexts = Readonly<Record<'hostRequired' | 'hostInvalid' | 'portInvalid' | 'usernameRequired' | 'usernameInvalid', string>>;

/** Field errors, checked with the same schemas main applies. */
export function validateSettings(form: Pick<SettingsForm, 'host' | 'port' | 'username'>, text: ServerFieldTexts = messages.settings): FieldErrors {
  const errors: FieldErrors = {};
  if (form.host.trim() === '') errors.host = text.hostRequired;
  else if (!HostSchema.safeParse(form.host).success) errors.host = text.hostInvalid;
  if (parsePort(form.port) === undefined) errors.port = text.portInvalid;
  if (form.username === '') errors.username = text.usernameRequired;
  else if (!CredentialTextSchema.safeParse(form.username).success) errors.username = text.usernameInvalid;
  return errors;
}

/** The settings to send, or undefined while a field is invalid. */
export function toServerSettings(email: string, form: SettingsForm): ServerSettings | undefined {
  const port = parsePort(form.port);
  if (port === undefined || Object.keys(validateSettings(form)).length > 0) return undefined;
  return { email: email.trim(), host: form.host.trim(), port, security: form.security, username: form.username, protocol: form.protocol };
}

const securityNames: Record<Security, string> = messages.security;

/** Notes under each field for the current values, compared with what was found. */
export function fieldNotes(form: SettingsForm, found: SettingsForm | null): Partial<Record<SettingsField, FieldNote[]>> {
  const notes: Partial<Record<SettingsField, FieldNote[]>> = {};
  const add = (field: SettingsField, note: FieldNote) => (notes[field] = [...(notes[field] ?? []), note]);
  const port = parsePort(form.port);
  if (form.protocol === 'imap' && form.security === 'tls' && port === 143) add('port', { tone: 'warning', text: messages.settings.tlsOn143 });
  if (form.protocol === 'imap' && form.security === 'starttls' && port === 993) add('port', { tone: 'warning', text: messages.settings.starttlsOn993 });
  if (form.security === 'tls') add('security', { tone: 'info', text: messages.settings.tlsNote });
  if (form.security === 'starttls') add('security', { tone: 'info', text: messages.settings.starttlsNote });
  if (form.security === 'none') add('security', { tone: 'warning', text: messages.settings.noneWarning });
  if (found) addChangeNotes(form, found, add);
  return notes;
}

type ServerFields = Pick<SettingsForm, 'host' | 'port' | 'security' | 'username'>;

/** Adds "You changed this from …" under each field whose value differs from what was found. */
export function addChangeNotes(form: ServerFields, found: ServerFields, add: (field: SettingsField, note: FieldNote) => void): void {
  const changed = (field: SettingsField, now: string, before: string, shown: string) => {
    if (now.trim() !== before) add(field, { tone: 'info', text: format(messages.settings.changedFrom, { value: shown }) });
  };
  changed('host', form.host, found.host, found.host);
  changed('port', form.port, found.port, found.port);
  changed('security', form.security, found.security, securityNames[found.security]);
  changed('username', form.username, found.username, found.username);
}

/** The sentence shown after the port followed a security change. */
export function portFollowedNote(form: SettingsForm): string {
  return format(messages.settings.portFollowed, { port: form.port, security: securityNames[form.security] });
}

/** What {@link cleanHost} made of a pasted server name, and what it changed, in words. */
export interface CleanedHost {
  readonly form: SettingsForm;
  readonly changes: readonly string[];
}

/**
 * Turns what people paste into "Server" into a server name: a scheme ("imaps://", "https://") and
 * a path are dropped, ":993" moves to Port, capitals become lower case. Each change is named, so
 * the note under the field can say what happened.
 */
export function cleanHost(form: SettingsForm): CleanedHost {
  const c = messages.settings.cleaned;
  const changes: string[] = [];
  let next: SettingsForm = form;
  let host = form.host.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(host);
  if (scheme) {
    host = host.slice(scheme[0].length);
    changes.push(format(c.scheme, { text: scheme[0] }));
    // imaps:// says SSL/TLS as plainly as the Security field does.
    if (scheme[1]?.toLowerCase() === 'imaps' && next.security !== 'tls') next = withSecurity(next, 'tls').form;
  }
  const slash = host.indexOf('/');
  if (slash >= 0) {
    const path = host.slice(slash);
    host = host.slice(0, slash);
    // A lone "/" after a scheme is part of the URL already named.
    if (path !== '/' || !scheme) changes.push(format(c.path, { text: path }));
  }
  // "host:993" or "[::1]:993"; a bare IPv6 literal has several colons and no port to take.
  const withPort = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(host);
  if (withPort?.[1] && withPort[2]) {
    host = withPort[1];
    if (withPort[2] !== next.port.trim()) changes.push(format(c.port, { port: withPort[2] }));
    next = { ...next, port: withPort[2] };
  }
  if (host !== host.toLowerCase()) {
    host = host.toLowerCase();
    changes.push(c.lowerCase);
  }
  if (host === form.host && next === form) return { form, changes: [] };
  return { form: { ...next, host }, changes };
}

/** The note under Server after a clean-up, saying what was changed. */
export function hostCleanedNotes(changes: readonly string[]): FieldNote[] {
  return changes.length === 0 ? [] : [{ tone: 'info', text: format(messages.settings.cleaned.note, { changes: changes.join(', ') }) }];
}
