/**
 * The words the status formulas compare and produce. They live in the sheet
 * (operator and direction cells, status results), so the formula, the
 * TypeScript evaluator and the conditional formats must share one vocabulary.
 */
import { STATUS } from "../model";
import type { TargetOp } from "../model";

export type Lang = "vi" | "en";

/**
 * What a status formula can produce; "none" is an empty cell (no target to
 * judge against). "onTrack" only comes from a period before the target's
 * year is over (a result on or ahead of the straight line to the target).
 */
export type StatusKey = "exceeded" | "met" | "missed" | "noData" | "atRisk" | "onTrack" | "none";

/** What an indicator measures, which decides what its period results are compared with (see ../judge). */
export type IndicatorKind = "level" | "flow" | "growth" | "periodTotal" | "periodAverage" | "rank";
export const INDICATOR_KINDS: readonly IndicatorKind[] = ["level", "flow", "growth", "periodTotal", "periodAverage", "rank"];
export type Direction = "higher" | "lower";

export interface StatusVocabulary {
  status: Record<Exclude<StatusKey, "none">, string>;
  /** Operator symbols as typed in the Toán tử column; the range operator is a word. */
  ops: Record<TargetOp, string>;
  higherIsBetter: string;
  lowerIsBetter: string;
  /** The words of the Loại chỉ tiêu column (a drop-down list the formulas compare with). */
  kinds: Record<IndicatorKind, string>;
}

const OPS_VI: Record<TargetOp, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "~": "≈", range: "khoảng" };

export const VOCABULARY: Record<Lang, StatusVocabulary> = {
  vi: {
    status: { exceeded: STATUS.exceeded, met: STATUS.met, missed: STATUS.missed, noData: STATUS.noData, atRisk: STATUS.atRisk, onTrack: STATUS.onTrack },
    ops: OPS_VI,
    higherIsBetter: "Cao hơn là tốt",
    lowerIsBetter: "Thấp hơn là tốt",
    kinds: {
      level: "Mức tại thời điểm",
      flow: "Lũy kế trong năm",
      growth: "Tốc độ tăng",
      periodTotal: "Tổng giai đoạn",
      periodAverage: "Bình quân giai đoạn",
      rank: "Xếp hạng",
    },
  },
  en: {
    status: { exceeded: "Exceeded", met: "Met", missed: "Not met", noData: "No data yet", atRisk: "At risk", onTrack: "On track" },
    ops: { ...OPS_VI, range: "range" },
    higherIsBetter: "Higher is better",
    lowerIsBetter: "Lower is better",
    kinds: {
      level: "Level",
      flow: "Flow within the year",
      growth: "Growth rate",
      periodTotal: "Plan-period total",
      periodAverage: "Plan-period average",
      rank: "Rank",
    },
  },
};

/** The symbol typed in the sheet for an operator of the model. */
export function opSymbol(op: TargetOp, lang: Lang = "vi"): string {
  return VOCABULARY[lang].ops[op];
}

/** Reads an operator cell back ("≥", ">=", "khoảng"…) into the model's operator; null when blank or unknown. */
export function readOpSymbol(text: string): TargetOp | null {
  const t = text.trim().toLowerCase();
  const table: Record<string, TargetOp> = {
    "≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<", "=": "=",
    "≈": "~", "~": "~", "khoảng": "range", range: "range",
  };
  return table[t] ?? null;
}

/** Reads a Loại chỉ tiêu cell back (either language, any case); null when blank or unknown. */
export function readKind(text: string): IndicatorKind | null {
  const t = text.trim().toLowerCase();
  for (const lang of ["vi", "en"] as const) {
    for (const k of INDICATOR_KINDS) if (VOCABULARY[lang].kinds[k].toLowerCase() === t) return k;
  }
  return (INDICATOR_KINDS as readonly string[]).includes(text.trim()) ? (text.trim() as IndicatorKind) : null;
}

/** Reads a Chiều cell back; null when blank or unknown. */
export function readDirection(text: string): Direction | null {
  const t = text.trim().toLowerCase();
  for (const lang of ["vi", "en"] as const) {
    if (VOCABULARY[lang].higherIsBetter.toLowerCase() === t) return "higher";
    if (VOCABULARY[lang].lowerIsBetter.toLowerCase() === t) return "lower";
  }
  return null;
}
