/**
 * A task's deadline as its sentence states it ("trong quý II/2025", "trước
 * ngày 30/6/2025", "hoàn thành trong tháng 9 năm 2021"), or "Thường xuyên"
 * with a note saying the text gives none.
 */
import type { Deadline } from "../../../model";
import { parseDeadline } from "../../../parse/deadline";

const PHRASES: readonly RegExp[] = [
  // "Trước ngày 01 tháng 6 và ngày 01 tháng 12 năm 2025": several due days, the last one read.
  /(?:trước|chậm nhất)\s+ngày\s*\d{1,2}\s*tháng\s*\d{1,2}(?:\s*(?:,|và)\s*(?:ngày\s*)?\d{1,2}\s*tháng\s*\d{1,2})*\s*năm\s*\d{4}/iu,
  /(?:trước|chậm nhất)(?:\s+ngày)?\s+\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?/iu,
  /(?:trong\s+)?quý\s+(?:I{1,3}V?|IV|[1-4])(?:\s*[-+,]\s*(?:I{1,3}V?|IV|[1-4]))*(?:\s*(?:\/|năm)\s*\d{4})?/u,
  /(?<!\d\s?)(?:trong\s+)?tháng\s+\d{1,2}(?:\s*(?:\/|năm)\s*\d{4})/iu,
  /trong\s+năm\s+\d{4}/iu,
];

export const NO_DEADLINE_NOTE = "văn bản không nêu thời hạn (no deadline in the text)";

/**
 * @example
 * taskDeadline("Hoàn thành trong quý II/2025.", 2025) // { kind: "quarters", quarters: [2], year: 2025, … }
 * taskDeadline("Tiếp tục rà soát …", 2025)            // { kind: "ongoing", raw: "Thường xuyên", note: "văn bản không nêu thời hạn …" }
 */
export function taskDeadline(text: string, planYear: number | null): Deadline {
  for (const re of PHRASES) {
    const m = re.exec(text);
    if (!m) continue;
    const phrase = m[0].replace(/\s+/g, " ").trim();
    const days = [...phrase.matchAll(/(\d{1,2})\s*tháng\s*(\d{1,2})/gu)];
    const year = /năm\s*(\d{4})$/u.exec(phrase)?.[1];
    if (days.length > 0 && year) {
      const dates = days.map((d) => `${year}-${(d[2] ?? "").padStart(2, "0")}-${(d[1] ?? "").padStart(2, "0")}`);
      const last = dates[dates.length - 1] ?? "";
      const read = parseDeadline(`${last.slice(8)}/${last.slice(5, 7)}/${year}`, { planYear });
      if (read.kind === "byDate") return dates.length > 1 ? { ...read, raw: phrase, note: `các mốc: ${dates.join(", ")} (several due days)` } : { ...read, raw: phrase };
    }
    const read = parseDeadline(phrase.replace(/^trong\s+/iu, ""), { planYear });
    if (read.kind !== "text") return { ...read, raw: phrase };
  }
  return { kind: "ongoing", raw: "Thường xuyên", note: NO_DEADLINE_NOTE, start: null, end: null };
}
