/**
 * Glyph boxes from a page's operator list: every character the page draws,
 * with its own position, whatever run or font it came in. pdfjs's text layer
 * (`getTextContent`) joins the glyphs of one drawing run into one item and
 * pads the holes a run leaves for letters drawn later with spaces, so a line
 * whose Vietnamese letters come from a fallback font ("Trên ho c b ng" +
 * "ặ", "ằ") cannot be put back together from it. The operator list has each
 * glyph with its advance; this module replays the PDF text state (Tm, Td, Tc,
 * Tw, Tz, Ts, the CTM) the way pdfjs's own canvas renderer does.
 *
 * Pure: takes the operator list as plain data and `OPS`, pdfjs's operator
 * table, passed in (as ./rules.ts does).
 */
import type { Glyph } from "./grid";

/** A glyph as pdfjs puts it in a `showText` operator. */
interface OpGlyph {
  unicode: string;
  width: number;
  isSpace?: boolean;
}

/** What the interpreter needs of a font: its glyph-space matrix and writing direction. */
export interface FontInfo {
  fontMatrix?: number[];
  vertical?: boolean;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

interface TextState {
  ctm: Matrix;
  tm: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  font: FontInfo | null;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
  leading: number;
}

const initial = (): TextState => ({ ctm: IDENTITY, tm: IDENTITY, x: 0, y: 0, lineX: 0, lineY: 0, font: null, fontSize: 0, fontDirection: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, rise: 0, leading: 0 });

/** Compatibility characters a viewer's copy spells out (ligatures "ﬁ" → "fi"); other text is kept as drawn. */
const LIGATURE = /[\uFB00-\uFB06]/gu;

/**
 * The glyphs a page draws, in drawing order, in page space (PDF units, y up,
 * `y` the baseline). Vertical writing is skipped (appendices are horizontal).
 *
 * @example
 * const ops = await page.getOperatorList();
 * pageGlyphs(ops.fnArray, ops.argsArray, pdfjs.OPS, (name) => page.commonObjs.get(name));
 */
export function pageGlyphs(fnArray: number[], argsArray: unknown[], OPS: Record<string, number>, fontOf: (name: string) => FontInfo | null): Glyph[] {
  const out: Glyph[] = [];
  let s = initial();
  const stack: TextState[] = [];
  const moveText = (dx: number, dy: number): void => {
    s.x = s.lineX += dx;
    s.y = s.lineY += dy;
  };
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ...s });
        break;
      case OPS.restore:
        s = stack.pop() ?? s;
        break;
      case OPS.transform:
        s.ctm = multiply(args as Matrix, s.ctm);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ...s });
        if (Array.isArray(args?.[0]) && (args[0] as number[]).length === 6) s.ctm = multiply(args[0] as Matrix, s.ctm);
        break;
      case OPS.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case OPS.beginText:
        s.tm = IDENTITY;
        s.x = s.y = s.lineX = s.lineY = 0;
        break;
      case OPS.setTextMatrix:
        s.tm = args as Matrix;
        s.x = s.y = s.lineX = s.lineY = 0;
        break;
      case OPS.moveText:
        moveText(args![0] as number, args![1] as number);
        break;
      case OPS.setLeadingMoveText:
        s.leading = args![1] as number;
        moveText(args![0] as number, args![1] as number);
        break;
      case OPS.setLeading:
        s.leading = -(args![0] as number);
        break;
      case OPS.nextLine:
        moveText(0, s.leading);
        break;
      case OPS.setCharSpacing:
        s.charSpacing = args![0] as number;
        break;
      case OPS.setWordSpacing:
        s.wordSpacing = args![0] as number;
        break;
      case OPS.setHScale:
        s.hScale = (args![0] as number) / 100;
        break;
      case OPS.setTextRise:
        s.rise = args![0] as number;
        break;
      case OPS.setFont: {
        const size = args![1] as number;
        s.font = fontOf(args![0] as string);
        s.fontDirection = size < 0 ? -1 : 1;
        s.fontSize = Math.abs(size);
        break;
      }
      case OPS.showText:
        if (Array.isArray(args?.[0])) showText(s, args[0] as (OpGlyph | number)[], out);
        break;
      default:
        break;
    }
  });
  return out;
}

function showText(s: TextState, glyphs: (OpGlyph | number)[], out: Glyph[]): void {
  const font = s.font;
  if (!font || s.fontSize === 0) return;
  const vertical = font.vertical === true;
  const scale = s.fontSize * (font.fontMatrix?.[0] ?? 0.001);
  const m = multiply(s.tm, s.ctm);
  // The glyph's height on the page: the font size through the text and user matrices.
  const size = s.fontSize * Math.hypot(m[2], m[3]);
  const at = (tx: number): [number, number] => {
    const px = s.x + tx * s.hScale * s.fontDirection;
    const py = s.y + s.rise;
    return [m[0] * px + m[2] * py + m[4], m[1] * px + m[3] * py + m[5]];
  };
  let x = 0;
  for (const g of glyphs) {
    if (typeof g === "number") {
      x += ((vertical ? 1 : -1) * g * s.fontSize) / 1000;
      continue;
    }
    if (typeof g !== "object" || g === null) continue;
    const advance = vertical ? 0 : (Number(g.width) || 0) * scale + ((g.isSpace ? s.wordSpacing : 0) + s.charSpacing) * s.fontDirection;
    if (!vertical && typeof g.unicode === "string" && g.unicode !== "") {
      const [x1, y1] = at(x);
      const [x2] = at(x + (Number(g.width) || 0) * scale);
      out.push({ str: g.unicode.replace(LIGATURE, (c) => c.normalize("NFKC")), x: Math.min(x1, x2), y: y1, w: Math.abs(x2 - x1), size: size || s.fontSize });
    }
    x += advance;
  }
  if (!vertical) s.x += x * s.hScale * s.fontDirection;
}
