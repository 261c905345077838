/**
 * Run as a plain Node child process (pdf.js does not load inside jest's sandbox): reads a JSON
 * array of base64 PDFs on stdin and writes, for every page of each, as JSON on stdout:
 * - runs: the text items pdf.js extracts (string, baseline origin, advance width, font size);
 * - glyphs: every glyph shown, with its font's name and its code (for the embedded fonts,
 *   Identity-H: the glyph id in the subset, 0 being .notdef, the empty box);
 * - boxes: every stroked path's bounding box (the ruled cells).
 * Coordinates are PDF user space: points, origin bottom left, y up.
 */
const { Buffer } = require('node:buffer');
const { join } = require('node:path');

const round = (n) => Math.round(n * 100) / 100;
const multiply = (m, n) => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Glyphs and stroked boxes from the operator list, tracking the current transformation matrix. */
function drawn(pdfjs, page, ops) {
  const { OPS } = pdfjs;
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const glyphs = [];
  const boxes = [];
  const stack = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  let font = '';
  ops.fnArray.forEach((fn, k) => {
    const args = ops.argsArray[k];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args);
    else if (fn === OPS.setFont) font = String(args[0]);
    else if (fn === OPS.showText) {
      for (const g of args[0]) if (g && typeof g === 'object') glyphs.push({ font, code: g.originalCharCode, unicode: g.unicode });
    } else if (fn === OPS.constructPath && strokes.has(args[0]) && args[2]) {
      const [x0, y0, x1, y1] = args[2];
      const [a, b] = [apply(ctm, x0, y0), apply(ctm, x1, y1)];
      boxes.push({ x: round(Math.min(a[0], b[0])), y: round(Math.min(a[1], b[1])), width: round(Math.abs(a[0] - b[0])), height: round(Math.abs(a[1] - b[1])) });
    }
  });
  const names = {};
  for (const id of new Set(glyphs.map((g) => g.font))) names[id] = page.commonObjs.has(id) ? String(page.commonObjs.get(id).name) : id;
  return { glyphs: glyphs.map((g) => ({ ...g, font: names[g.font] })), boxes };
}

async function pagesOf(pdfjs, data) {
  const doc = await pdfjs.getDocument({ data, verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    const content = await page.getTextContent({ disableNormalization: true });
    const runs = content.items.filter((i) => 'str' in i && i.str.trim() !== '').map((i) => ({
      str: i.str, x: round(i.transform[4]), y: round(i.transform[5]), width: round(i.width), size: round(Math.hypot(i.transform[2], i.transform[3])),
    }));
    pages.push({ width, height, runs, ...drawn(pdfjs, page, await page.getOperatorList()) });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

let input = '';
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', async () => {
  const pdfjs = await import(join(require.resolve('pdfjs-dist/package.json'), '../legacy/build/pdf.mjs'));
  const out = [];
  for (const b64 of JSON.parse(input)) out.push(await pagesOf(pdfjs, new Uint8Array(Buffer.from(b64, 'base64'))));
  process.stdout.write(JSON.stringify(out));
});
