import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from './ports.js';

describe('freePort', () => {
  it('gives a port a server can listen on', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });

  it('never gives a port it is told to avoid', async () => {
    const avoid = await Promise.all([freePort(), freePort(), freePort()]);
    for (let i = 0; i < 5; i += 1) expect(avoid).not.toContain(await freePort(avoid));
  });
});
