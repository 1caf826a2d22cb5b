/**
 * Reads what the period report needs from the open workbook: the tables (as
 * every reader does) and the plan's title from the summary sheet's A1
 * ("Tổng hợp chỉ tiêu: …", written by both writers). 3 syncs.
 */
import { TABLE_NAMES } from "../core/layout";
import { interpretSnapshot, type WorkbookReading, type WorkbookSnapshot } from "../core/workbook";
import { readWorkbook } from "./read";
import { explainError } from "./errors";

const TITLE = /^(?:Tổng hợp chỉ tiêu|Indicator summary): (.+)$/s;

export async function readReportSource(context: Excel.RequestContext): Promise<{ snapshot: WorkbookSnapshot; reading: WorkbookReading; planTitle: string }> {
  const { snapshot } = await readWorkbook(context);
  const reading = interpretSnapshot(snapshot);
  const summary = snapshot.tables.find((t) => t.name === TABLE_NAMES.summaryStatus || t.name.startsWith(TABLE_NAMES.summaryStatus));
  if (!summary) return { snapshot, reading, planTitle: "" };
  const a1 = context.workbook.worksheets.getItem(summary.sheet).getRange("A1").load("values");
  await context.sync();
  const value = a1.values[0]?.[0];
  const m = typeof value === "string" ? TITLE.exec(value) : null;
  return { snapshot, reading, planTitle: m?.[1]?.trim() ?? "" };
}

/** The same read through Excel.run, its failure explained as a read's (nothing was written). */
export async function runReportSource(
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> = (batch) => Excel.run(batch),
): Promise<{ snapshot: WorkbookSnapshot; reading: WorkbookReading; planTitle: string }> {
  try {
    return await run((context) => readReportSource(context));
  } catch (e) {
    throw explainError(e, { readOnly: true });
  }
}
