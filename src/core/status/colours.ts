/**
 * The status colours: red for Không đạt, amber for Có nguy cơ, green for Đạt,
 * blue for Đúng tiến độ (on the way, not yet judged: it must not read as Đạt).
 * Four expression rules over a whole range (never one per cell), so the
 * rule count stays 4 whatever the number of rows, and sorting or filtering
 * keeps each row's colour with its status.
 */
import type { Argb, ConditionalFormatSpec } from "../layout/types";
import { argb } from "../layout/colour";
import type { Lang } from "./labels";
import { VOCABULARY } from "./labels";

export const STATUS_FILLS = {
  missed: { fill: argb("FFF4C7CE"), fontColor: argb("FF9C0006") },
  atRisk: { fill: argb("FFFFEB9C"), fontColor: argb("FF9C5700") },
  met: { fill: argb("FFC6EFCE"), fontColor: argb("FF006100") },
  onTrack: { fill: argb("FFDDEBF7"), fontColor: argb("FF1F4E79") },
} as const;

/**
 * @param range the rows to colour ("A2:Y101")
 * @param statusCell the status cell of the range's first row, column fixed ("$R2")
 * @example
 * statusColourRules("A2:Y101", "$R2", "vi")[0].formula // '=$R2="Không đạt"'
 */
export function statusColourRules(range: string, statusCell: string, lang: Lang): ConditionalFormatSpec[] {
  const s = VOCABULARY[lang].status;
  const rule = (label: string, colours: { fill: Argb; fontColor: Argb }): ConditionalFormatSpec => ({
    range,
    formula: `=${statusCell}="${label.replace(/"/g, '""')}"`,
    ...colours,
  });
  return [rule(s.missed, STATUS_FILLS.missed), rule(s.atRisk, STATUS_FILLS.atRisk), rule(s.met, STATUS_FILLS.met), rule(s.onTrack, STATUS_FILLS.onTrack)];
}

/** Bar colours of every status chart (the workbook's Tổng hợp chart, the report's charts, the pane's SVG): the status font colours, grey for no data. */
export const STATUS_CHART_COLOURS = {
  met: STATUS_FILLS.met.fontColor,
  onTrack: STATUS_FILLS.onTrack.fontColor,
  atRisk: STATUS_FILLS.atRisk.fontColor,
  missed: STATUS_FILLS.missed.fontColor,
  noData: argb("FF9E9E9E"),
} as const;
