// HTTP as discovery sees it (DNS, connections and trust are the network room's: net/net-ports.ts).
/** What an HTTP GET brought back. */
export interface HttpTextResponse {
  status: number;
  body: string;
  /** False when any hop of the exchange went over plain http to a host other than loopback. */
  secure: boolean;
}

/** A GET with a body size limit; rejects on network failure, time-out, abort or oversize body. */
export type FetchText = (url: string, options: { signal: AbortSignal; maxBytes: number }) => Promise<HttpTextResponse>;
