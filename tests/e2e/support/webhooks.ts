import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '@playwright/test';

/** A webhook delivery as the receiver got it. */
export type ReceivedDelivery = { path: string; headers: IncomingHttpHeaders; raw: string; body: unknown };

export type WebhookReceiver = {
  /** The receiver's base URL (loopback, a free port: the server under test allows private targets). */
  url: string;
  received: ReceivedDelivery[];
  /** Waits for the `count`-th delivery and returns it. */
  nth: (count: number, timeout?: number) => Promise<ReceivedDelivery>;
  close: () => Promise<void>;
};

/** A tiny HTTP server that answers every POST with 200 and keeps what it was sent. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as unknown) : null;
      received.push({ path: request.url ?? '/', headers: request.headers, raw: text, body });
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    received,
    async nth(count, timeout = 20_000) {
      await expect
        .poll(() => received.length, { message: `webhook delivery ${String(count)}`, timeout, intervals: [100, 250, 500] })
        .toBeGreaterThanOrEqual(count);
      const delivery = received[count - 1];
      if (!delivery) throw new Error('unreachable');
      return delivery;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

/** Whether a delivery's `Kontakt-Signature` (`t=…,v1=<HMAC-SHA256 of "t.body">`) was made with `secret`. */
export function signedWith(delivery: ReceivedDelivery, secret: string): boolean {
  const header = delivery.headers['kontakt-signature'];
  if (typeof header !== 'string') return false;
  const fields = Object.fromEntries(header.split(',').map((part) => part.split('=', 2)));
  const expected = createHmac('sha256', secret).update(`${String(fields.t)}.${delivery.raw}`).digest('hex');
  return fields.v1 === expected;
}
