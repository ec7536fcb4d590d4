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

/** The code drawn with Unicode half blocks for a terminal, light modules as spaces on the terminal's own background. */
export async function qrTerminal(text: string): Promise<string> {
  return (await load()).toString(segments(text), { ...options, type: 'terminal', small: true });
}
