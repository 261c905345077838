import QRCode from 'qrcode';

/**
 * The enrolment QR code as an SVG data URL, made here (no outside service): it goes into an
 * <img src> (CSP img-src 'self' data:; an SVG shown as an image runs no script) and is escaped
 * like any other value. SVG rather than PNG: sharp at any zoom, and no PNG encoding per request.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width: 240 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
