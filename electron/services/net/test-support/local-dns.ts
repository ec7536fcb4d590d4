// A real DNS server on loopback (dns2 over UDP) serving a small zone, for SRV, MX and address tests.
import dns2 from 'dns2';

const { Packet } = dns2;

/** One record of the test zone. */
export type ZoneRecord =
  | { type: 'A'; address: string }
  | { type: 'SRV'; priority: number; weight: number; port: number; target: string }
  | { type: 'MX'; priority: number; exchange: string };

/** Names → records; a name missing here is NXDOMAIN, a name listed without the asked type is NODATA. */
export type Zone = Record<string, ZoneRecord[]>;

/** A running server. */
export interface LocalDns {
  /** For MAIL_SETUP_DNS_SERVERS and `createDnsPort({ servers })`: "127.0.0.1:<port>". */
  readonly server: string;
  readonly port: number;
  /** Names asked so far, as "TYPE name". */
  readonly queries: string[];
  /** Names whose queries are never answered (to play a server that went silent). */
  readonly silent: Set<string>;
  close(): Promise<void>;
}

const typeCodes = { A: 1, MX: 15, SRV: 33 } as const;
const typeNames = new Map<number, string>(Object.entries(Packet.TYPE).map(([name, code]) => [code, name]));
const nxdomain = 3;

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

// Names are written without compression: RFC 2782 forbids it in SRV targets, and newer c-ares
// (Node 24) rejects a compressed one as EBADRESP, which dns2's own encoder would produce.
function encodeName(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.').filter((label) => label !== '');
  return Buffer.concat([...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])), Buffer.from([0])]);
}

function encodeRdata(record: ZoneRecord): Buffer {
  switch (record.type) {
    case 'A':
      return Buffer.from(record.address.split('.').map(Number));
    case 'MX':
      return Buffer.concat([u16(record.priority), encodeName(record.exchange)]);
    case 'SRV':
      return Buffer.concat([u16(record.priority), u16(record.weight), u16(record.port), encodeName(record.target)]);
  }
}

/** A whole response: header, the question echoed, the answers. */
function encodeResponse(request: dns2.Packet, rcode: number, answers: readonly ZoneRecord[]): Buffer {
  const question = request.questions[0];
  if (!question) throw new Error('no question');
  const flags = 0x8000 | ((request.header.opcode & 0xf) << 11) | 0x0400 | (request.header.rd << 8) | 0x0080 | rcode;
  const header = Buffer.concat([u16(request.header.id), u16(flags), u16(1), u16(answers.length), u16(0), u16(0)]);
  const questionBytes = Buffer.concat([encodeName(question.name), u16(question.type), u16(question.class)]);
  const answerBytes = answers.map((record) => {
    const rdata = encodeRdata(record);
    const ttl = Buffer.alloc(4);
    ttl.writeUInt32BE(60);
    return Buffer.concat([encodeName(question.name), u16(typeCodes[record.type]), u16(1), ttl, u16(rdata.length), rdata]);
  });
  return Buffer.concat([header, questionBytes, ...answerBytes]);
}

/** How the server answers. */
export interface LocalDnsOptions {
  /** Each answer is held this long: a resolver one round trip away (benchmarks). Default 0. */
  answerDelayMs?: number | undefined;
}

/** Starts the server on 127.0.0.1 with an ephemeral port. */
export async function startLocalDns(zone: Zone, options: LocalDnsOptions = {}): Promise<LocalDns> {
  const queries: string[] = [];
  const silent = new Set<string>();
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const question = request.questions[0];
      if (!question) return;
      const name = question.name.toLowerCase().replace(/\.$/, '');
      const typeName = typeNames.get(question.type) ?? String(question.type);
      queries.push(`${typeName} ${name}`);
      if (silent.has(name)) return;
      const records = zone[name];
      const answers = (records ?? []).filter((record) => record.type === typeName);
      const response = encodeResponse(request, records ? 0 : nxdomain, answers);
      if (options.answerDelayMs) setTimeout(() => void send(response), options.answerDelayMs);
      else void send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = addresses.udp?.port;
  if (port === undefined) throw new Error('the DNS server has no UDP port');
  return {
    server: `127.0.0.1:${port}`,
    port,
    queries,
    silent,
    close: async () => {
      await server.close();
    },
  };
}
