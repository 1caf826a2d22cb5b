/** Shared by the numbering rules: the numbered rows of each appendix, in order. */
import type { Row, RuleContext } from "../../types";
import { sttSegments } from "../../_lib/stt";

export interface NumberedRow {
  row: Row;
  segments: number[] | null;
}

/** Rows grouped by appendix, in document order, with their STT read. */
export function byAppendix(ctx: RuleContext): NumberedRow[][] {
  const groups: NumberedRow[][] = [];
  for (const row of ctx.rows) {
    // Targets read from the plan's prose carry the paragraph's number, shared by every target in it.
    if (row.appendix.kind === "body") continue;
    const g = (groups[row.appendixIndex] ??= []);
    g.push({ row, segments: sttSegments(row.indicator.stt) });
  }
  return groups.filter((g) => g !== undefined);
}
