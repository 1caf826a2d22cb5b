/**
 * One line of text from the glyphs on one baseline, read by position rather
 * than in the order the page draws them:
 * - glyphs ordered by x, so letters a fallback font draws after the rest of
 *   the line land in their holes ("Trên ho c b ng" + "ặ", "ằ" → "Trên hoặc bằng");
 * - a glyph drawn twice on top of itself (fake bold, shadow) kept once;
 * - a combining mark attached to the letter under it, then NFC;
 * - a space only where there is a gap (a space glyph nothing covers, or an
 *   empty stretch wider than a fifth of the font size), never merely because
 *   one drawing run ended and another began.
 *
 * What it repaired is counted, and `changed` says whether the text differs
 * from the glyphs read in drawing order (what a viewer's copy gives).
 * Pure: plain glyph boxes in, text out.
 */
import type { Glyph } from "./grid";

export interface LineRepairs {
  /** Glyphs read out of drawing order because another run overlaps them, plus glyphs drawn twice on one spot. */
  joinedRuns: number;
  /** Combining marks attached to the letter they sit on. */
  attachedMarks: number;
}

export interface AssembledLine {
  y: number;
  /** The largest font size on the line. */
  size: number;
  x1: number;
  x2: number;
  text: string;
  repairs: LineRepairs;
  /** The text as drawn, when the repairs changed it (else null). */
  drawn: string | null;
}

const MARK = /^\p{M}+$/u;
const SPACE = /^\s+$/u;
/** An empty stretch this wide (times the font size) is a word gap; kerning and run seams are far narrower. */
const GAP = 0.2;

/**
 * Assembles one line (glyphs already known to share a baseline, in drawing order).
 *
 * @example
 * assembleLine([g("Trên ho", 0), g(" ", 33), g("c b", 36), g("ặ", 31)]).text; // "Trên hoặc b"
 */
export function assembleLine(drawn: Glyph[]): AssembledLine {
  const repairs: LineRepairs = { joinedRuns: 0, attachedMarks: 0 };
  const order = new Map(drawn.map((g, i) => [g, i] as const));
  const byX = [...drawn].sort((a, b) => a.x - b.x || order.get(a)! - order.get(b)!);
  // Letters and spaces in x order; marks wait for their letter.
  const bases: { g: Glyph; str: string }[] = [];
  const marks: Glyph[] = [];
  for (const g of byX) {
    if (MARK.test(g.str)) {
      marks.push(g);
      continue;
    }
    const last = bases[bases.length - 1];
    if (last && last.g.str === g.str && !SPACE.test(g.str) && Math.abs(last.g.x - g.x) < Math.max(0.5, g.w * 0.3)) {
      repairs.joinedRuns++;
      continue;
    }
    bases.push({ g, str: g.str });
  }
  for (const m of marks) {
    const centre = m.x + m.w / 2;
    // The letter whose box holds the mark's centre, else the nearest letter before it (a zero-width mark after its letter).
    let target = bases.find((b) => !SPACE.test(b.str) && b.g.x - 0.5 <= centre && centre <= b.g.x + b.g.w + 0.5);
    if (!target) {
      const before = bases.filter((b) => !SPACE.test(b.str) && b.g.x <= m.x + 0.5);
      target = before[before.length - 1] ?? bases.find((b) => !SPACE.test(b.str));
    }
    if (target) target.str += m.str;
    else bases.push({ g: m, str: m.str });
    repairs.attachedMarks++;
  }
  let text = "";
  let end = -Infinity;
  let previous = -1;
  for (const [i, b] of bases.entries()) {
    const g = b.g;
    const index = order.get(g)!;
    if (i > 0 && index < previous) repairs.joinedRuns++;
    previous = index;
    if (SPACE.test(b.str)) {
      // A space glyph under a letter drawn by another run is a hole the run left for it, not a word gap.
      const mid = g.x + g.w / 2;
      const covered = [bases[i - 2], bases[i - 1], bases[i + 1], bases[i + 2]].some((o) => o !== undefined && !SPACE.test(o.str) && o.g.x < mid && mid < o.g.x + o.g.w);
      if (!covered && !text.endsWith(" ")) text += " ";
    } else {
      if (text !== "" && !text.endsWith(" ") && g.x - end > g.size * GAP) text += " ";
      text += b.str;
    }
    end = Math.max(end, g.x + g.w);
  }
  text = text.normalize("NFC").trim();
  const asDrawn = drawnText(drawn);
  const first = byX[0];
  return {
    y: first?.y ?? 0,
    size: Math.max(0, ...drawn.map((g) => g.size)),
    x1: first?.x ?? 0,
    x2: end === -Infinity ? (first?.x ?? 0) : end,
    text,
    repairs,
    drawn: asDrawn === text ? null : asDrawn,
  };
}

/** The glyphs in drawing order, as a viewer copies them (runs joined with a space, as pdfjs's text layer does). */
function drawnText(drawn: Glyph[]): string {
  let out = "";
  let end = -Infinity;
  for (const g of drawn) {
    const seam = g.x < end - 0.5 || g.x - end > g.size * GAP;
    if (out !== "" && seam && !out.endsWith(" ") && !SPACE.test(g.str) && !MARK.test(g.str)) out += " ";
    out += g.str;
    end = g.x + g.w;
  }
  return out.replace(/\s+/gu, " ").normalize("NFC").trim();
}
