/**
 * A tracking workbook of `agencies` × `rows` indicators in the Excel
 * stand-in, with its period grid, and the forms those agencies return filled:
 * what the Office.js collect test and the bench measure. Test-only.
 */
import { buildLayout } from "../../../src/core/layout";
import { indicator, plan, target } from "../../../src/core/layout/_test/plan";
import type { Agency } from "../../../src/core/model";
import { DEFAULT_DIRECTORY } from "../../../src/core/agency";
import { formLayout, formRecipients, formSourceFromWorkbook, readReturn } from "../../../src/core/forms";
import type { CollectedForm } from "../../../src/core/forms";
import { interpretSnapshot, layoutSnapshot } from "../../../src/core/workbook";
import type { WorkbookSnapshot } from "../../../src/core/workbook";
import { writeLayout } from "../../../src/excel/write";
import { readWorkbook } from "../../../src/excel/read";
import { addUserTable, createStandInContext, createWorkbookState } from "../../support/excel-standin";
import type { WorkbookState } from "../../support/excel-standin";

export const asExcel = (c: ReturnType<typeof createStandInContext>) => c as unknown as Excel.RequestContext;
export const PERIOD_LABELS = ["6 tháng đầu năm 2023", "Năm 2023", "6 tháng đầu năm 2024", "Ước cả năm 2024 (kỳ 6 tháng)", "Năm 2024"];

/** The workbook in the stand-in, and the forms each agency sends back with every row filled. */
export async function officeWorkbookWithReturns(agencies: number, rows: number): Promise<{ state: WorkbookState; forms: CollectedForm[] }> {
  const names = DEFAULT_DIRECTORY.entries.filter((e) => e.kind === "agency").map((e) => e.name).slice(0, agencies);
  if (names.length < agencies) throw new Error(`only ${names.length} agencies in the directory`);
  const lead = (name: string): Agency => ({ name, raw: name, kind: "agency" });
  const p = plan(names.flatMap((name, a) => Array.from({ length: rows }, (_, i) =>
    indicator(`PL1:${a + 1}.${i + 1}`, { name: `Chỉ tiêu ${i + 1} của ${name}`, lead: [lead(name)], coordinating: [], target: target(">=", 10 + i) }))));
  const state = createWorkbookState(["Sheet1"]);
  await writeLayout(asExcel(createStandInContext(state)), buildLayout(p, { lang: "vi" }));
  const keys = p.appendices.flatMap((x) => x.indicators.map((i) => i.key));
  addUserTable(state, "Kết quả theo kỳ", "A1", "KetQuaTheoKy", ["Mã", "Chỉ tiêu", ...PERIOD_LABELS, "Khóa"], keys.map((k) => [k, k, ...PERIOD_LABELS.map(() => null), k]));

  const snapshot = await readWorkbook(asExcel(createStandInContext(state))).then((r) => r.snapshot);
  const source = formSourceFromWorkbook(snapshot, interpretSnapshot(snapshot), "Kế hoạch thử");
  const period = source.periods.find((x) => x.id === "2024");
  if (!period) throw new Error("no 2024 period");
  const forms = formRecipients(source).map((recipient, a): CollectedForm => {
    const form: WorkbookSnapshot = layoutSnapshot(formLayout({ source, recipient, period, issued: "2024-12-20T08:00:00.000Z" }));
    for (const t of form.tables) {
      const k = t.headers.indexOf("Khóa");
      const v = t.headers.indexOf("Kết quả kỳ này");
      if (k >= 0 && v >= 0) t.rows.forEach((r, i) => (r[v] = 10 + ((a + i) % 13)));
    }
    return { file: `bao-cao-2024-${a + 1}.xlsx`, read: readReturn(form) };
  });
  return { state, forms };
}
