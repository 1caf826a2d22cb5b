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
export type StatusKey = "met" | "missed" | "noData" | "atRisk" | "onTrack" | "none";

export interface StatusVocabulary {
  status: Record<Exclude<StatusKey, "none">, string>;
  /** Operator symbols as typed in the Toán tử column; the range operator is a word. */
  ops: Record<TargetOp, string>;
  higherIsBetter: string;
  lowerIsBetter: string;
}

const OPS_VI: Record<TargetOp, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "~": "≈", range: "khoảng" };

export const VOCABULARY: Record<Lang, StatusVocabulary> = {
  vi: {
    status: { met: STATUS.met, missed: STATUS.missed, noData: STATUS.noData, atRisk: STATUS.atRisk, onTrack: STATUS.onTrack },
    ops: OPS_VI,
    higherIsBetter: "Cao hơn là tốt",
    lowerIsBetter: "Thấp hơn là tốt",
  },
  en: {
    status: { met: "Met", missed: "Not met", noData: "No data yet", atRisk: "At risk", onTrack: "On track" },
    ops: { ...OPS_VI, range: "range" },
    higherIsBetter: "Higher is better",
    lowerIsBetter: "Lower is better",
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
