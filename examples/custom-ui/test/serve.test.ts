// `pnpm start` serves on the same port each time (CUSTOM_UI_PORT, else 4330): the programme the browser stored
// (IndexedDB, localStorage) belongs to the origin, so a new port on each start would seem to lose it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, servePort, serveUi } from '../scripts/build.js';

describe('the port pnpm start serves on', () => {
  it('is the same on every start, unless CUSTOM_UI_PORT says another', () => {
    expect(servePort({})).toBe(DEFAULT_PORT);
    expect(DEFAULT_PORT).toBeGreaterThan(0);
    expect(servePort({ CUSTOM_UI_PORT: '5005' })).toBe(5005);
    expect(servePort({ CUSTOM_UI_PORT: ' 0 ' })).toBe(0);
    expect(() => servePort({ CUSTOM_UI_PORT: 'eighty' })).toThrow(/CUSTOM_UI_PORT must be a port number/);
    // Only digits: what Number() would also read (hexadecimal, an exponent, a sign, a fraction) is refused, not
    // served on a port nobody typed (0x1f90 is 8080).
    for (const given of ['0x1f90', '1e3', '+4331', '4331.0', '0b1'])
      expect(() => servePort({ CUSTOM_UI_PORT: given }), given).toThrow(
        /CUSTOM_UI_PORT must be a port number/,
      );
    expect(() => servePort({ CUSTOM_UI_PORT: '65536' })).toThrow(/CUSTOM_UI_PORT must be a port number/);
    // PORT is set shell-wide by some hosts and read by other programs: it does not move this page's origin (and
    // with it the programme stored in the browser).
    expect(servePort({ PORT: '5005' })).toBe(DEFAULT_PORT);
  });

  it('says what to do when the port is in use, suggesting another port than the busy one', async () => {
    const { server, url } = await serveUi();
    const port = Number(new URL(url).port);
    const refusal = serveUi(port);
    await expect(refusal).rejects.toThrow(`Port ${port} is in use`);
    await expect(refusal).rejects.toThrow(
      `CUSTOM_UI_PORT=${port === 65_535 ? port - 1 : port + 1} pnpm start`,
    );
    await new Promise((resolve) => server.close(resolve));
  });
});
