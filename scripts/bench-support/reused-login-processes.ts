// Dovecot configuration for the round-trip benchmarks: login processes that stay and serve many connections.

/**
 * Dovecot's default starts a fresh login process for every connection (`service_count = 1`),
 * which on this small machine costs tens of milliseconds of CPU per connection before the
 * greeting, more when several connections arrive at once (as discovery's probes do) — time the
 * benchmarks would count as round trips although the client waits for nothing it could save.
 * Busy servers run the "high-performance" mode instead; so do the benchmarks.
 */
export const reusedLoginProcesses = ['imap-login', 'pop3-login', 'submission-login']
  .map((service) => `service ${service} {\n  service_count = 0\n  process_min_avail = 2\n}\n`)
  .join('');
