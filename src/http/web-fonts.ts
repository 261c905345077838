import { Express } from 'express';
import { fontPath, FontName } from '../lib/pdf/fonts';

/**
 * The Japanese screen font, served by the app itself (closed networks: no web-font CDN).
 * The CSS asks for the locally installed BIZ UDPゴシック first; only PCs without it download these.
 */
const WEB_FONTS = new Map<string, FontName>([
  ['biz-udpgothic-regular.ttf', 'jp'],
  ['biz-udpgothic-bold.ttf', 'jp-bold'],
]);

export function setUpWebFonts(app: Express): void {
  app.get('/public/fonts/:file', (req, res, next) => {
    // A Map, not an object: '__proto__', 'constructor' … are names like any other, not found.
    const font = WEB_FONTS.get(String(req.params.file));
    if (!font) return next();
    res.sendFile(fontPath(font), { maxAge: '30d', immutable: true, headers: { 'Content-Type': 'font/ttf' } });
  });
}
