/**
 * Plan metadata from the body text: title (after "KẾ HOẠCH"), issuing body,
 * number ("Số: 370/KH-UBND"; blank in drafts → null), date
 * ("Bình Dương, ngày 21 tháng 01 năm 2025"; "ngày   tháng 7 năm 2023" → month
 * only) and the years the plan covers.
 */
import type { Plan } from "../../model";
import { fold } from "../_lib/fold";

export type PlanMeta = Omit<Plan, "appendices">;

/** Lines that open the body after the title block. */
const BODY_OPENERS = /^(căn cứ|thực hiện|xét|trên cơ sở|nhằm|để|ủy ban nhân dân|uỷ ban nhân dân|ubnd|[IVX]+\.\s)/iu;

/**
 * Read the plan's metadata from its body text (lines separated by "\n").
 *
 * @example
 * extractPlanMeta("Số: 370/KH -UBND Bình Dương, ngày 21 tháng 01 năm 2025\nKẾ HOẠCH\nTriển khai …")
 * // { number: "370/KH-UBND", date: "2025-01-21", … }
 */
export function extractPlanMeta(bodyText: string): PlanMeta {
  if (typeof bodyText !== "string") throw new TypeError("extractPlanMeta: bodyText must be a string");
  const lines = bodyText.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
  const head = lines.slice(0, 40);
  const title = readTitle(lines);
  const { date, dateRaw } = readDate(head);
  return {
    title,
    issuer: readIssuer(head, lines),
    number: readNumber(head),
    date,
    dateRaw,
    period: readPeriod(title, date),
  };
}

function readTitle(lines: readonly string[]): string {
  const k = lines.findIndex((l) => fold(l) === "ke hoach");
  if (k < 0) return "";
  const out: string[] = [];
  for (let i = k + 1; i < lines.length && out.length < 4; i++) {
    const l = lines[i] ?? "";
    if (/^[–—\-_=]{3,}/.test(l)) break;
    if (out.length && (l === out[0] || BODY_OPENERS.test(l) || (out[0] && l.startsWith(out[0].slice(0, 30))))) break;
    out.push(l);
  }
  return out.join(" ").replace(/\s+/g, " ").trim();
}

function readIssuer(head: readonly string[], lines: readonly string[]): string | null {
  const k = head.findIndex((l) => fold(l) === "uy ban nhan dan");
  const next = k >= 0 ? head[k + 1] : undefined;
  if (next && /^TỈNH\s/u.test(next)) return `${head[k]} ${next}`;
  // Province names are two or more capitalised words ("Bắc Giang", "Bình Dương"); wrapped lines are joined first.
  const joined = lines.join(" ");
  const m = /(UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh((?: \p{Lu}\p{Ll}*){2,3})(?![\p{L}])/u.exec(joined);
  if (m?.[1] && m[2]) return `${m[1]} tỉnh${m[2]}`;
  return lines.some((l) => /UBND tỉnh/u.test(l)) ? "UBND tỉnh" : null;
}

function readNumber(head: readonly string[]): string | null {
  for (const l of head) {
    const m = /Số\s*:\s*(\d+)\s*\/\s*([A-ZĐ]+(?:\s*-\s*[A-ZĐ]+)*)/u.exec(l);
    if (m?.[1] && m[2]) return `${m[1]}/${m[2].replace(/\s+/g, "")}`;
  }
  return null;
}

function readDate(head: readonly string[]): { date: string | null; dateRaw: string | null } {
  for (const l of head) {
    const m = /\p{Lu}[\p{L} ]*,\s*(ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4}))/u.exec(l);
    if (!m?.[1]) continue;
    const day = m[2] ? Number(m[2]) : null;
    const month = Number(m[3]);
    const year = Number(m[4]);
    if (month < 1 || month > 12) continue;
    const iso = `${year}-${String(month).padStart(2, "0")}-${String(day ?? 1).padStart(2, "0")}`;
    return { date: iso, dateRaw: m[1].replace(/\s+/g, " ") };
  }
  return { date: null, dateRaw: null };
}

function readPeriod(title: string, date: string | null): PlanMeta["period"] {
  const range = /(?:giai đoạn|thời kỳ)?\s*((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)/u.exec(title);
  if (range?.[1] && range[2]) return { from: Number(range[1]), to: Number(range[2]) };
  // "năm 2024 và những năm tiếp theo": the named year; later years are open-ended and not invented.
  const year = /năm\s+((?:19|20)\d\d)/u.exec(title);
  if (year?.[1]) return { from: Number(year[1]), to: Number(year[1]) };
  if (date) return { from: Number(date.slice(0, 4)), to: Number(date.slice(0, 4)) };
  return null;
}

/**
 * The plan's date as an appendix caption states it, for drafts whose heading
 * leaves the date blank: "(Kèm theo Kế hoạch số /KH-UBND ngày tháng 7 năm
 * 2023 …)" or "ngày /01/2025". A blank day gives the first of the month; the
 * words are kept in dateRaw.
 * @example
 * dateFromCaption("(Kèm theo Kế hoạch số /KH-UBND ngày      tháng 7 năm 2023)") // { date: "2023-07-01", dateRaw: "ngày tháng 7 năm 2023" }
 */
export function dateFromCaption(caption: string): { date: string; dateRaw: string } | null {
  const text = caption.replace(/\s+/g, " ");
  if (!/kèm theo/iu.test(text)) return null;
  const words = /(ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4}))/u.exec(text);
  const slashes = /(ngày\s*(\d{1,2})?\s*\/\s*(\d{1,2})\s*\/\s*(\d{4}))/u.exec(text);
  const m = words ?? slashes;
  if (!m?.[1]) return null;
  const month = Number(m[3]);
  const day = m[2] ? Number(m[2]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { date: `${m[4]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, dateRaw: m[1].replace(/\s+/g, " ") };
}
