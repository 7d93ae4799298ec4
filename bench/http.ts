import { Agent, request } from 'node:http';

// The load comes from this process too: node:http with kept-alive sockets costs the machine less than fetch.
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface Answer {
  status: number;
  text: string;
}

/**
 * One HTTP request to the API under measurement; the body is read in full, as a client would. A
 * kept-alive socket the server closed meanwhile (while a synchronous SQLite seed held the event
 * loop) fails at once; such a request is sent again, as Node's documentation advises.
 */
export function call(url: string, options: { method?: string; headers?: Record<string, string>; body?: unknown }): Promise<Answer> {
  return send(url, options).catch((error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
    if (error.reusedSocket && error.code === 'ECONNRESET') return send(url, options);
    throw error;
  });
}

function send(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: unknown }): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: payload ? { ...headers, 'content-length': Buffer.byteLength(payload) } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(payload);
  });
}
