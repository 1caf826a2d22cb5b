/**
 * An official figure returned by an agency replaces the plan's own estimate
 * ("Ước thực hiện năm 2025" from the appendix, in the grid since the import);
 * "Nguồn số liệu" keeps both. A figure typed by hand is still never
 * overwritten: it stays a conflict for the planner.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importFile } from "../../src/import";
import type { Plan } from "../../src/core/model";
import { buildLayout } from "../../src/core/layout";
import { interpretSnapshot, layoutSnapshot } from "../../src/core/workbook";
import type { WorkbookSnapshot } from "../../src/core/workbook";
import { formLayout, formRecipients, formSourceFromWorkbook, readReturn } from "../../src/core/forms";
import type { CollectedForm } from "../../src/core/forms";
import { collectForms, ESTIMATE_SOURCE, historySheet, RECORD_STATE } from "../../src/core/forms/collect";

let plan: Plan;
beforeAll(async () => {
  const o = await importFile("ke-hoach-nam-2026.docx", new Uint8Array(readFileSync(join(__dirname, "../fixtures/shapes/ke-hoach-nam-2026.docx"))));
  if (!o.ok) throw new Error(o.error.messageEn);
  plan = o.result.plan;
});

function grid(s: WorkbookSnapshot, key: string, header: string, value: number): void {
  const t = s.tables.find((x) => x.name === "KetQuaTheoKy");
  const row = t?.rows.find((r) => r[t.headers.indexOf("Khóa")] === key);
  if (!t || !row) throw new Error(key);
  row[t.headers.indexOf(header)] = value;
}

/** Sở Tài chính's form for the year 2025, with the budget revenue (PL/4) filled in. */
function returned(s: WorkbookSnapshot, value: number) {
  const source = formSourceFromWorkbook(s, interpretSnapshot(s), "Kế hoạch 2026");
  const period = source.periods.find((p) => p.id === "2025");
  const recipient = formRecipients(source).find((r) => r.agency === "Sở Tài chính");
  if (!period || !recipient) throw new Error("no 2025 period or no Sở Tài chính");
  const form = layoutSnapshot(formLayout({ source, recipient, period, issued: "2026-01-20T08:00:00.000Z" }));
  for (const t of form.tables) {
    const k = t.headers.indexOf("Khóa");
    const v = t.headers.indexOf("Kết quả kỳ này");
    if (k >= 0 && v >= 0) for (const r of t.rows) if (r[k] === "PL/4") r[v] = value;
  }
  const forms: CollectedForm[] = [{ file: "stc-2025.xlsx", read: readReturn(form) }];
  return collectForms({ source, history: [], recipientsFor: () => formRecipients(source) }, forms, "2026-03-31T09:00:00.000Z");
}

describe("an official figure and the plan's estimate", () => {
  it("replaces the 2025 estimate in the grid with the returned figure, and Nguồn số liệu shows both", () => {
    const out = returned(layoutSnapshot(buildLayout(plan, { lang: "vi" })), 6210);
    expect(out.conflicts).toEqual([]);
    expect(out.writes).toContainEqual({ target: "periodResult", key: "PL/4", periodId: "2025", value: 6210 });
    const rows = out.history.filter((h) => h.key === "PL/4" && h.periodId === "2025").map((h) => [h.agency, h.value, h.state, h.note]);
    expect(rows).toEqual([
      [ESTIMATE_SOURCE, 6150, RECORD_STATE.superseded, "Ước thực hiện (phụ lục kế hoạch)"],
      ["Sở Tài chính", 6210, RECORD_STATE.used, null],
    ]);
    const sheet = historySheet(out.history, new Set());
    const values = sheet.tables[0]?.rows.map((r) => r[4]);
    expect(values).toEqual(expect.arrayContaining([6150, 6210]));
  });

  it("leaves a figure typed by hand over the estimate, as a conflict for the planner", () => {
    const s = layoutSnapshot(buildLayout(plan, { lang: "vi" }));
    grid(s, "PL/4", "Năm 2025", 6180);
    const out = returned(s, 6210);
    expect(out.writes.filter((w) => w.key === "PL/4")).toEqual([]);
    expect(out.conflicts).toEqual([expect.objectContaining({ key: "PL/4", workbook: 6180, form: 6210, reason: "handTyped" })]);
  });
});
