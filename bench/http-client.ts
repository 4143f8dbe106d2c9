import net from 'node:net';
import zlib from 'node:zlib';

export interface Reply {
  status: number;
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  /** The answer's bytes as they travelled: compressed when the server compressed them. */
  body: Buffer;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  /**
   * A body made once and sent many times (the sync benchmark's batches) is best a Buffer: it goes
   * as it is, after the head; a string is written with the head as one string, which for a body of
   * hundreds of kilobytes is a large string made afresh per request.
   */
  body?: string | Buffer;
}

export interface HttpClient {
  send(url: string, options?: SendOptions): Promise<Reply>;
  close(): void;
}

/**
 * The benchmarks' load client: HTTP/1.1 over kept-alive sockets, each request written as one
 * string and each answer read as its bytes (status, headers, body by its length or its chunks),
 * decoding nothing. The client shares the machine's two cores with the server and the database,
 * so its own cost is taken from theirs, and its own delays are in every latency it reports:
 * fetch spent about 0.33 ms of CPU on a hello-world request, node:http 0.11 ms (its streams,
 * its header objects, an agent's bookkeeping per request), this about a third of that
 * (bench/README.md, "Compiled code kept, connections kept, a lighter load client").
 */
export function httpClient(maxSockets: number): HttpClient {
  const pools = new Map<string, SocketPool>();
  return {
    send: (url, options = {}) => {
      const { origin, host, port, path } = splitUrl(url);
      let pool = pools.get(origin);
      if (!pool) pools.set(origin, (pool = new SocketPool(host, port, maxSockets)));
      const body = options.body ?? '';
      let head = `${options.method ?? 'GET'} ${path} HTTP/1.1\r\nhost: ${host}:${port}\r\n`;
      for (const [name, value] of Object.entries(options.headers ?? {})) head += `${name}: ${value}\r\n`;
      if (options.body !== undefined) head += `content-length: ${Buffer.byteLength(body)}\r\n`;
      return typeof body === 'string' ? pool.send(`${head}\r\n${body}`) : pool.send(`${head}\r\n`, body);
    },
    close: () => {
      for (const pool of pools.values()) pool.close();
      pools.clear();
    },
  };
}

/** What a browser asks for: the server compresses as it would for one, its answers as sent. */
export const BROWSER_ENCODINGS = 'gzip, deflate, br';

/** An answer's body read as JSON, undoing the server's compression when it compressed it. */
export function jsonOf<T>(reply: Reply): T {
  const encoding = reply.headers['content-encoding'];
  const bytes = encoding === 'br' ? zlib.brotliDecompressSync(reply.body) : encoding === 'gzip' ? zlib.gunzipSync(reply.body) : reply.body;
  return JSON.parse(bytes.toString('utf8')) as T;
}

function splitUrl(url: string): { origin: string; host: string; port: number; path: string } {
  const match = /^http:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!match) throw new Error(`Not an http:// URL: ${url}`);
  const host = match[1]!;
  const port = Number(match[2] ?? 80);
  return { origin: `${host}:${port}`, host, port, path: match[3] ?? '/' };
}

interface Request {
  text: string;
  /** Bytes sent after `text`. */
  body?: Buffer;
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

/** Up to `max` sockets to one origin, one request on a socket at a time; the rest wait in order. */
class SocketPool {
  private readonly idle: Connection[] = [];
  private readonly queue: Request[] = [];
  private open = 0;

  constructor(private readonly host: string, private readonly port: number, private readonly max: number) {}

  send(text: string, body?: Buffer): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      const request = { text, body, resolve, reject };
      const connection = this.idle.pop();
      if (connection) connection.start(request);
      else if (this.open < this.max) {
        this.open += 1;
        new Connection(this.host, this.port, this).start(request);
      } else this.queue.push(request);
    });
  }

  /** A connection finished its request: it takes the next one waiting, or rests. */
  released(connection: Connection): void {
    const next = this.queue.shift();
    if (next) connection.start(next);
    else this.idle.push(connection);
  }

  /** A connection closed: one of the waiting requests gets a new one. */
  closed(connection: Connection): void {
    this.open -= 1;
    const at = this.idle.indexOf(connection);
    if (at >= 0) this.idle.splice(at, 1);
    const next = this.queue.shift();
    if (next) {
      this.open += 1;
      new Connection(this.host, this.port, this).start(next);
    }
  }

  close(): void {
    for (const connection of this.idle.splice(0)) connection.destroy();
    for (const request of this.queue.splice(0)) request.reject(new Error('client closed'));
  }
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** What an answer's head said: read once, then its body is gathered until its length. */
interface Head { status: number; headers: Record<string, string>; close: boolean; chunked: boolean; length: number }

/** One kept-alive socket and the answer it is reading. */
class Connection {
  private readonly socket: net.Socket;
  private current: Request | null = null;
  private head: Head | null = null;
  private chunks: Buffer[] = [];
  private received = 0;

  constructor(host: string, port: number, private readonly pool: SocketPool) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => {
      this.fail(Object.assign(new Error('socket closed before the answer ended'), { code: 'ECONNRESET' }));
      this.pool.closed(this);
    });
  }

  start(request: Request): void {
    this.current = request;
    if (!request.body) {
      this.socket.write(request.text);
      return;
    }
    this.socket.cork();
    this.socket.write(request.text);
    this.socket.write(request.body);
    this.socket.uncork();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private reset(): void {
    this.current = null;
    this.head = null;
    this.chunks = [];
    this.received = 0;
  }

  private fail(error: Error): void {
    const request = this.current;
    this.reset();
    request?.reject(error);
  }

  /** The bytes read so far of this answer, as one buffer. */
  private gathered(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
  }

  private read(chunk: Buffer): void {
    if (!this.current) return;
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (!this.head) {
      const data = this.gathered();
      const headEnd = data.indexOf(HEAD_END);
      if (headEnd < 0) return;
      this.head = parseHead(data.toString('latin1', 0, headEnd));
      const rest = data.subarray(headEnd + 4);
      this.chunks = [rest];
      this.received = rest.length;
    }
    const head = this.head;
    let body: Buffer | undefined;
    if (head.chunked) body = dechunked(this.gathered());
    else if (this.received >= head.length) body = this.gathered().subarray(0, head.length);
    if (body === undefined) return;
    const request = this.current;
    this.reset();
    request.resolve({ status: head.status, headers: head.headers, body });
    if (head.close) this.socket.destroy();
    else this.pool.released(this);
  }
}

function parseHead(text: string): Head {
  const lines = text.split('\r\n');
  const headers: Record<string, string> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(lines[0]!.slice(9, 12)),
    headers,
    close: headers.connection?.toLowerCase() === 'close',
    chunked: headers['transfer-encoding']?.toLowerCase() === 'chunked',
    length: headers['content-length'] === undefined ? 0 : Number(headers['content-length']),
  };
}

/** A chunked body, or undefined until its last chunk has arrived. */
function dechunked(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.toString('latin1', at, lineEnd), 16);
    if (size === 0) return data.indexOf('\r\n', lineEnd + 2) < 0 ? undefined : Buffer.concat(parts);
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
