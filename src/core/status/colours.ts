/**
 * The status colours: deep green for Vượt, red for Không đạt, amber for Có nguy cơ, green for Đạt,
 * blue for Đúng tiến độ (on the way, not yet judged: it must not read as Đạt).
 * The layout turns them into expression rules (layout/statusRules.ts).
 */
import { argb } from "../_lib/colour";

export const STATUS_FILLS = {
  // Vượt: a stronger green than Đạt, so "beyond the target" stands apart from "met".
  exceeded: { fill: argb("FF92D050"), fontColor: argb("FF1E4620") },
  missed: { fill: argb("FFF4C7CE"), fontColor: argb("FF9C0006") },
  atRisk: { fill: argb("FFFFEB9C"), fontColor: argb("FF9C5700") },
  met: { fill: argb("FFC6EFCE"), fontColor: argb("FF006100") },
  onTrack: { fill: argb("FFDDEBF7"), fontColor: argb("FF1F4E79") },
} as const;

/** Bar colours of every status chart (the workbook's Tổng hợp chart, the report's charts, the pane's SVG): the status font colours, grey for no data. */
export const STATUS_CHART_COLOURS = {
  // Đạt's bar is its dark green font colour; Vượt's a lighter green beside it.
  exceeded: argb("FF4CAF50"),
  met: STATUS_FILLS.met.fontColor,
  onTrack: STATUS_FILLS.onTrack.fontColor,
  atRisk: STATUS_FILLS.atRisk.fontColor,
  missed: STATUS_FILLS.missed.fontColor,
  noData: argb("FF9E9E9E"),
} as const;
