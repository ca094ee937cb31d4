import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { gatewayProcess, residentMb, scrape } from './memory.js';
import { preferredEncoding } from '../../src/http/graphiql.js';

/** GraphiQL's page is about 9 MB: served to anyone, it must be cheap to serve again and again. */

const gateways: GatewayFixture[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

async function gateway(options?: Parameters<typeof startGateway>[0]): Promise<GatewayFixture> {
  const fixture = await startGateway(options);
  gateways.push(fixture);
  return fixture;
}

/** A browser's GET of /graphql, with the raw bytes as they came over the wire (fetch would decode them). */
function open(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${url}/graphql`, { headers: { accept: 'text/html', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GraphiQL assets', () => {
  it('are compressed as the browser accepts, to under a third of their size', async () => {
    const { url } = await gateway();
    const plain = await open(url);
    const gzipped = await open(url, { 'accept-encoding': 'gzip, deflate' });
    const brotli = await open(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });

    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(5_000_000);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    console.log(`GraphiQL: ${(plain.body.length / 1e6).toFixed(1)} MB plain, ${(gzipped.body.length / 1e6).toFixed(2)} MB gzip, ${(brotli.body.length / 1e6).toFixed(2)} MB brotli`);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 3);
    expect(String(brotli.headers.vary)).toMatch(/Accept-Encoding/i);
  });

  it('carry an ETag per encoding and answer 304 to If-None-Match', async () => {
    const { url } = await gateway();
    const first = await open(url, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');

    const again = await open(url, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);

    const gzipped = await open(url, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.etag).not.toBe(etag);
  });

  it('are off with GRAPHIQL off: /graphql answers a browser no page', async () => {
    const { url } = await gateway({ config: { graphiql: false } });
    const page = await open(url);
    expect(page.status).not.toBe(200);
    expect(page.body.toString()).not.toContain('renderYogaGraphiQL');
  });

  it('choose the encoding by the Accept-Encoding weights', () => {
    expect(preferredEncoding(null)).toBe('identity');
    expect(preferredEncoding('gzip;q=1, br;q=0')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('identity')).toBe('identity');
    expect(preferredEncoding('gzip;q=0, br;q=0.0')).toBe('identity');
  });

  it('do not grow the process with many GETs', async () => {
    const { url, gateway: process } = await gatewayProcess();
    const burst = async (count: number, encoding: string) => {
      let next = 0;
      const worker = async () => {
        while (next++ < count) {
          const response = await open(url, { 'accept-encoding': encoding });
          expect(response.status).toBe(200);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    };
    // The same mix twice: the first reaches the high-water mark of the transient buffers (eight
    // 9 MB identity bodies at once), so what the second adds is what requests leave behind.
    const mix = async () => {
      await burst(60, 'br');
      await burst(30, 'gzip');
      await burst(10, 'identity');
    };
    await mix();
    const before = residentMb((await scrape(url)).text);
    await mix();
    const growthMb = residentMb((await scrape(url)).text) - before;
    console.log(`GraphiQL: RSS growth ${growthMb.toFixed(1)} MB after 100 GETs`);
    // RSS of a process handing out 9 MB bodies moves by ±100 MB with the allocator (measured from
    // -33 to +109 MB across clean runs); rendering per request, the failure this guards against,
    // grew it by about 12 MB a GET (1.2 GB per 100), and with the 192 MB heap cap it never finishes.
    expect(growthMb).toBeLessThan(250);
    expect(process.child.exitCode).toBeNull();
  }, 120_000);
});
