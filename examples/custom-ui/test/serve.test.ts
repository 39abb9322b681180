// `pnpm start` serves on the same port each time: the programme the browser stored (IndexedDB, localStorage) belongs
// to the origin, so a new port on each start would seem to lose it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, servePort, serveUi } from '../scripts/build.js';

describe('the port pnpm start serves on', () => {
  it('is the same on every start, unless PORT says another', () => {
    expect(servePort({})).toBe(DEFAULT_PORT);
    expect(DEFAULT_PORT).toBeGreaterThan(0);
    expect(servePort({ PORT: '5005' })).toBe(5005);
    expect(servePort({ PORT: '0' })).toBe(0);
    expect(() => servePort({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });

  it('says what to do when the port is in use, instead of waiting forever', async () => {
    const { server, url } = await serveUi();
    const port = Number(new URL(url).port);
    await expect(serveUi(port)).rejects.toThrow(`Port ${port} is in use`);
    await new Promise((resolve) => server.close(resolve));
  });
});
