/**
 * The status colours as conditional formats: five expression rules over a
 * whole range (never one per cell), so the rule count stays 5 whatever the
 * number of rows, and sorting or filtering keeps each row's colour with its status.
 */
import type { Argb, ConditionalFormatSpec } from "./types";
import { STATUS_FILLS, VOCABULARY, type Lang } from "../status";

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
  return [rule(s.missed, STATUS_FILLS.missed), rule(s.atRisk, STATUS_FILLS.atRisk), rule(s.met, STATUS_FILLS.met), rule(s.exceeded, STATUS_FILLS.exceeded), rule(s.onTrack, STATUS_FILLS.onTrack)];
}
