// A connection to the session bus for talking to GNOME Online Accounts, through dbus-next (loaded only when asked).
import type { Message as DbusMessage, MessageBus, Variant as DbusVariant } from 'dbus-next';
import { GnomeExportError } from './gnome-errors.ts';

/** GOA's bus name, its manager object and its ObjectManager root (goadaemon.c). */
export const goaName = 'org.gnome.OnlineAccounts';
export const goaManagerPath = '/org/gnome/OnlineAccounts/Manager';
export const goaRootPath = '/org/gnome/OnlineAccounts';

/** One method call on the bus: where, what, and its arguments in D-Bus signature form. */
export interface BusCall {
  destination: string;
  path: string;
  interface: string;
  member: string;
  signature?: string;
  body?: unknown[];
}

/** The few things the GOA client needs from a bus connection. */
export interface GoaBus {
  call(request: BusCall): Promise<unknown[]>;
  /** A D-Bus string variant, the type GOA requires for each credential (`g_variant_lookup(…, "s")`). */
  stringVariant(value: string): unknown;
  close(): void;
}

/** The D-Bus error name of a failed call ("org.freedesktop.DBus.Error.ServiceUnknown"), or ''. */
export function dbusErrorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string' ? error.type : '';
}

// goa-daemon answers in milliseconds once started; D-Bus activation itself takes about a second.
const callTimeoutMs = 20_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new GnomeExportError('failed', 'GNOME Online Accounts did not answer in time.')), callTimeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens the session bus named by DBUS_SESSION_BUS_ADDRESS. dbus-next would otherwise fall back to
 * asking an X server, which a terminal or a test has no business doing.
 */
export async function openSessionBus(env: NodeJS.ProcessEnv = process.env): Promise<GoaBus> {
  const address = env['DBUS_SESSION_BUS_ADDRESS'];
  if (!address) throw new GnomeExportError('unavailable', 'GNOME Online Accounts is not reachable: there is no session bus here (DBUS_SESSION_BUS_ADDRESS is not set).');
  const dbus = await import('dbus-next');
  let bus: MessageBus;
  try {
    bus = dbus.sessionBus({ busAddress: address });
  } catch {
    throw new GnomeExportError('unavailable', 'GNOME Online Accounts is not reachable: the session bus could not be opened.');
  }
  // A socket error is emitted as an event; without a listener it would end the process.
  let lost: unknown = null;
  bus.on('error', (error: unknown) => {
    lost = error;
  });
  return {
    async call(request) {
      if (lost !== null) throw new GnomeExportError('unavailable', 'GNOME Online Accounts is not reachable: the session bus connection failed.');
      const reply: DbusMessage | null = await withTimeout(bus.call(new dbus.Message({ ...request, body: request.body ?? [] })));
      return reply?.body ?? [];
    },
    stringVariant: (value: string): DbusVariant => new dbus.Variant('s', value),
    close: () => bus.disconnect(),
  };
}
