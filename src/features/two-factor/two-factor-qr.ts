import QRCode from 'qrcode';

/**
 * The enrolment QR code as a PNG data URL, made here (no outside service): it goes into an
 * <img src> (CSP img-src 'self' data:) and is escaped like any other value.
 */
export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, scale: 5 });
}
