// Tests reading MAIL_SETUP_DNS_SERVERS and MAIL_SETUP_LOCAL_ADDRESS.
import { describe, expect, it } from 'vitest';
import { EnvConfigError, netConfigFromEnv, parseDnsServers } from './net-config.ts';

describe('MAIL_SETUP_DNS_SERVERS and MAIL_SETUP_LOCAL_ADDRESS', () => {
  it('parses ip[:port] lists, IPv6 included', () => {
    expect(parseDnsServers('127.0.0.1:5353, 10.0.0.1,[::1]:53,::1')).toEqual(['127.0.0.1:5353', '10.0.0.1:53', '[::1]:53', '[::1]:53']);
  });

  it.each(['localhost:53', '127.0.0.1:99999', '1.2.3', ',', '[::1'])('rejects %j with a message naming the variable', (value) => {
    expect(() => parseDnsServers(value)).toThrow(EnvConfigError);
    expect(() => parseDnsServers(value)).toThrow(/MAIL_SETUP_DNS_SERVERS/);
  });

  it('takes the system defaults for unset or empty variables and refuses a source address that is no IP', () => {
    expect(netConfigFromEnv({})).toEqual({ dnsServers: null, localAddress: undefined });
    expect(netConfigFromEnv({ MAIL_SETUP_DNS_SERVERS: ' ', MAIL_SETUP_LOCAL_ADDRESS: '' })).toEqual({ dnsServers: null, localAddress: undefined });
    expect(netConfigFromEnv({ MAIL_SETUP_LOCAL_ADDRESS: '127.0.0.9' }).localAddress).toBe('127.0.0.9');
    expect(() => netConfigFromEnv({ MAIL_SETUP_LOCAL_ADDRESS: 'my-laptop' })).toThrow(/MAIL_SETUP_LOCAL_ADDRESS/);
  });
});
