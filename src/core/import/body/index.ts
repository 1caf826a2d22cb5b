/**
 * Targets written in the plan's body text rather than in a table (seed 003:
 * "II. MỤC TIÊU" — "(1) Tốc độ tăng trưởng … đạt khoảng 19%/năm; … tăng từ
 * 47,1% năm 2020 lên 60% vào năm 2030"). Each numbered item becomes one
 * indicator per target clause: code "1", or "1.1", "1.2" when an item holds
 * several. No agencies are stated there, so none are given.
 */
import type { Appendix, Indicator } from "../../model";
import { findTargets, isLowerBetterOp } from "../../parse/target";
import { fold } from "../_lib/fold";

export const BODY_APPENDIX_ID = "ND";

/**
 * Extract the numbered targets of the "MỤC TIÊU" section.
 *
 * @example
 * extractBodyTargets("II. MỤC TIÊU\n(1) Tỷ lệ lao động qua đào tạo đạt trên 90%.\nIII. NHIỆM VỤ").indicators[0]
 * // { code: "1", name: "Tỷ lệ lao động qua đào tạo", target: { op: ">", value: 90, percent: true, … }, … }
 */
export function extractBodyTargets(bodyText: string, opts: { planYear?: number | null } = {}): Appendix {
  const title = "Mục tiêu trong văn bản";
  const appendix: Appendix = { id: BODY_APPENDIX_ID, title, kind: "body", headers: [], indicators: [], source: { appendix: title } };
  const lines = bodyText.split("\n").map((l) => l.replace(/\s+/g, " ").trim());
  const start = lines.findIndex((l) => /^[IVX]+\.\s/.test(l) && /^muc tieu/.test(fold(l.replace(/^[IVX]+\.\s*/, ""))));
  if (start < 0) return appendix;
  appendix.title = `${title} — ${lines[start] ?? ""}`;
  appendix.source = { appendix: appendix.title, line: start + 1 };
  const items: { no: string; text: string; line: number }[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] ?? "";
    if (/^[IVX]+\.\s/.test(l)) break;
    const m = /^\((\d{1,2})\)\s*(.*)$/.exec(l);
    if (m?.[1]) items.push({ no: m[1], text: m[2] ?? "", line: i + 1 });
    else if (items.length && l) {
      const last = items[items.length - 1];
      if (last) last.text += ` ${l}`;
    }
  }
  for (const item of items) {
    const hits = findTargets(item.text, { year: opts.planYear ?? null });
    const text = item.text.replace(/\s+/g, " ").trim();
    let from = 0;
    hits.forEach((h, k) => {
      const code = hits.length > 1 ? `${item.no}.${k + 1}` : item.no;
      const name = cleanName(text.slice(from, h.start));
      from = h.end;
      const ind: Indicator = {
        key: `${BODY_APPENDIX_ID}/${code}`,
        stt: item.no,
        code,
        name,
        unit: h.target.unit ?? (h.target.percent ? "%" : null),
        baseline: h.baseline,
        rank: null,
        target: h.target,
        lowerIsBetter: isLowerBetterOp(h.target.op) === true,
        level: "indicator",
        lead: [],
        coordinating: [],
        deadline: null,
        tasks: [],
        extra: { "Nguyên văn": text },
        source: { appendix: appendix.title, line: item.line, column: "body" },
      };
      appendix.indicators.push(ind);
    });
  }
  return appendix;
}

/** The words before a target: drop the joining punctuation and the verb ("đạt", "tăng", "đến năm 2030"). */
function cleanName(text: string): string {
  let t = text.replace(/^[\s;,.]+/u, "").replace(/[\s,;]+$/u, "");
  let prev = "";
  // Peel joining words off both ends until nothing changes ("trong đó, … đạt", "đến năm 2030, … tăng").
  while (prev !== t) {
    prev = t;
    t = t
      .replace(/^(trong đó|đồng thời|đến năm \d{4}|đến cuối năm \d{4})\s*,?\s*/iu, "")
      .replace(/\s+(đạt|tăng|giảm|là|lên|ở mức|đến năm \d{4}|vào năm \d{4})$/iu, "")
      .replace(/[\s,;]+$/u, "")
      .trim();
  }
  return t;
}
