import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** A TCP hop in front of a real server, that a test can take away and bring back on the same port. */
export interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  /** As if the server went down: the port refuses connections and every open connection is cut. */
  stop(): Promise<void>;
  /** As if the server came back: the same port accepts and forwards again. */
  start(): Promise<void>;
}

/** Starts forwarding 127.0.0.1:<free port> to `target` (`host:port`). */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = async () => {
    const listening = createServer((client) => {
      const upstream = createConnection(target);
      for (const socket of [client, upstream]) {
        open.add(socket);
        socket.on('close', () => open.delete(socket));
        // A cut on either side cuts both, as a dead server would.
        socket.on('error', () => (socket === client ? upstream : client).destroy());
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', resolve);
    });
    port = (listening.address() as AddressInfo).port;
    server = listening;
  };
  await listen();

  return {
    get port() {
      return port;
    },
    via(url) {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(port);
      return proxied.toString();
    },
    async stop() {
      const closing = server;
      server = undefined;
      if (!closing) return;
      const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
      for (const socket of open) socket.destroy();
      await closed;
    },
    async start() {
      if (!server) await listen();
    },
  };
}
