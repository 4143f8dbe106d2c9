import http from 'node:http';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The answer's bytes as they travelled: compressed when the server compressed them. */
  body: Buffer;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpClient {
  send(url: string, options?: SendOptions): Promise<Reply>;
  close(): void;
}

/**
 * The benchmarks' load client: plain HTTP/1.1 over kept-alive sockets, reading each answer's
 * bytes as they travel and decoding nothing, as autocannon does. The client shares the machine's
 * two cores with the server and the database, so its own cost is taken from theirs: fetch spent
 * about 0.33 ms of CPU on a hello-world request where this spends 0.11 ms (its streams, its header
 * objects, and decompressing what a browser would decompress, none of it the server's work).
 */
export function httpClient(maxSockets: number): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    send: (url, options = {}) => new Promise<Reply>((resolve, reject) => {
      const headers: Record<string, string | number> = { ...options.headers };
      if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
      const request = http.request(url, { agent, method: options.method ?? 'GET', headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(options.body);
    }),
    close: () => agent.destroy(),
  };
}

/** An answer's body read as JSON (an uncompressed answer: the load clients ask for none). */
export function jsonOf<T>(reply: Reply): T {
  return JSON.parse(reply.body.toString('utf8')) as T;
}
