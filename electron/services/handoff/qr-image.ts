// Draws a QR payload as Thunderbird's reader wants it: byte-mode UTF-8, error correction L, dark on light, 4-module quiet zone.
import type * as QrCodeModule from 'qrcode';

type QrCode = typeof QrCodeModule;
const options = { errorCorrectionLevel: 'L', margin: 4, color: { dark: '#000000', light: '#ffffff' } } as const;

async function load(): Promise<QrCode> {
  const module = (await import('qrcode')) as QrCode & { default?: QrCode };
  return module.default ?? module;
}

/** The payload as one byte-mode segment (qrcode would otherwise pick modes per character run). */
const segments = (text: string) => [{ data: new TextEncoder().encode(text), mode: 'byte' as const }];

/** The code as an SVG document. */
export async function qrSvg(text: string): Promise<string> {
  return (await load()).toString(segments(text), { ...options, type: 'svg' });
}

/** The code as a PNG image (8 px per module, so phone cameras focus on it easily). */
export async function qrPng(text: string): Promise<Buffer> {
  return (await load()).toBuffer(segments(text), { ...options, type: 'png', scale: 8 });
}

const quietZone = 4;
// Black on white whatever the terminal's colours: phone readers expect dark modules on a light ground.
const lightGround = '\u001b[30;107m';
const reset = '\u001b[0m';
/** Upper and lower module of one text cell (true = dark) → the half-block character drawn in black on white. */
const cell = (upper: boolean, lower: boolean) => (upper ? (lower ? '\u2588' : '\u2580') : lower ? '\u2584' : ' ');

/**
 * The code for a terminal: two modules per character cell (Unicode half blocks) in black on a
 * white ground, with the full 4-module quiet zone (qrcode's own terminal output trims it).
 */
export async function qrTerminal(text: string): Promise<string> {
  const { modules } = (await load()).create(segments(text), { errorCorrectionLevel: options.errorCorrectionLevel });
  const side = modules.size + 2 * quietZone;
  const dark = (row: number, column: number) => {
    const r = row - quietZone;
    const c = column - quietZone;
    return r >= 0 && c >= 0 && r < modules.size && c < modules.size && modules.data[r * modules.size + c] === 1;
  };
  const lines: string[] = [];
  for (let row = 0; row < side; row += 2) {
    let line = '';
    for (let column = 0; column < side; column += 1) line += cell(dark(row, column), dark(row + 1, column));
    lines.push(`${lightGround}${line}${reset}`);
  }
  return `${lines.join('\n')}\n`;
}
