/**
 * The history columns that annual and 5-year plans carry before their target
 * column: "Thực hiện năm 2024", "Ước thực hiện năm 2025", "Kế hoạch năm 2025",
 * a group "Năm 2025" over "Kế hoạch | Ước thực hiện | Thực hiện", "Thực hiện
 * giai đoạn 2021-2025", and the comparison columns "So sánh (%)" / "Tăng,
 * giảm (%)". Read on folded header text (group and sub-header joined).
 */
import { fold } from "../_lib/fold";

/** What a history column holds: a result (official), an estimate (ước), an earlier plan's target, or a comparison (%). */
export type FigureKind = "actual" | "estimate" | "plan" | "compare";

export interface ColumnFigure {
  kind: FigureKind;
  /** First and last year the column covers (one year, or a plan period "2021-2025"); null for a comparison without years. */
  from: number | null;
  to: number | null;
}

const YEAR = "((?:19|20)\\d\\d)";
const PERIOD = `(?:giai doan )?${YEAR}(?: ${YEAR})?`;
const ACTUAL = "(?:thuc hien|ket qua thuc hien|th)";
const ESTIMATE = "(?:uoc thuc hien|uoc th|uoc tinh|uoc dat|uoc|uth)";
const PLAN = "(?:ke hoach|kh|chi tieu ke hoach|muc tieu)";

/** Patterns in priority order; each yields the kind and the years found by its groups. */
const PATTERNS: Array<{ kind: FigureKind; re: RegExp }> = [
  // A group header over its sub-header: "Năm 2025 Ước thực hiện", "Giai đoạn 2021 2025 Thực hiện".
  { kind: "estimate", re: new RegExp(`^(?:nam |giai doan )?${YEAR}(?: ${YEAR})? ${ESTIMATE}$`) },
  { kind: "actual", re: new RegExp(`^(?:nam |giai doan )?${YEAR}(?: ${YEAR})? ${ACTUAL}$`) },
  { kind: "plan", re: new RegExp(`^(?:nam |giai doan )?${YEAR}(?: ${YEAR})? ${PLAN}$`) },
  { kind: "estimate", re: new RegExp(`^${ESTIMATE} (?:nam )?${PERIOD}$`) },
  { kind: "actual", re: new RegExp(`^${ACTUAL} (?:nam )?${PERIOD}$`) },
];

const COMPARE_RE = /^(?:so sanh|tang giam|tang giam so voi|ty le so sanh|ty le tang giam)\b/;

/**
 * The figure a history or comparison header names, else null. Plan columns
 * ("Kế hoạch năm 2025") are returned for the group form only; a stand-alone
 * "Kế hoạch năm N" is a target column, and which target column is the plan's
 * own is decided over the whole header (see recognizeColumns).
 *
 * @example
 * columnFigure("Năm 2025 Ước thực hiện") // { kind: "estimate", from: 2025, to: 2025 }
 * columnFigure("Thực hiện giai đoạn 2021-2025") // { kind: "actual", from: 2021, to: 2025 }
 * columnFigure("So sánh (%)") // { kind: "compare", from: null, to: null }
 */
export function columnFigure(header: string): ColumnFigure | null {
  const f = fold(header).replace(/ %$/, "").trim();
  if (!f) return null;
  if (COMPARE_RE.test(f)) return { kind: "compare", from: null, to: null };
  for (const p of PATTERNS) {
    const m = p.re.exec(f);
    if (!m) continue;
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    return { kind: p.kind, from, to };
  }
  return null;
}

/** Years of a target header ("Mục tiêu giai đoạn 2026 - 2030" → 2026..2030; "Kế hoạch năm 2026" → 2026), else null. */
export function headerYears(header: string): { from: number; to: number } | null {
  const years = fold(header).split(" ").filter((w) => /^(19|20)\d\d$/.test(w)).map(Number);
  if (years.length === 0) return null;
  return { from: Math.min(...years), to: Math.max(...years) };
}
