/**
 * xlsxWriteRatio: our .xlsx write of 5,000 indicators (tables, formulas,
 * formats, validation, colour rules) ÷ a bare exceljs write of the same cell
 * values (plain rows, same formulas, nothing else); goal ≤ 1.5. Median of
 * runs, both times printed. conditionalFormats: rule count in the layout for
 * 10 and 5,000 indicators (must not grow with N).
 */
import ExcelJS from "exceljs";
import { buildLayout } from "../../../src/core/layout";
import type { LayoutCell, WorkbookLayout } from "../../../src/core/layout/types";
import type { Indicator, Plan } from "../../../src/core/model";
import { writeWorkbook } from "../../../src/xlsx";

const agency = (name: string): Indicator["lead"][number] => ({ name, raw: name, kind: "agency" });

function bigPlan(n: number): Plan {
  const indicators: Indicator[] = Array.from({ length: n }, (_, i) => ({
    key: `PL1:${i + 1}`, stt: String(i + 1), code: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
    name: `Chỉ số thành phần số ${i + 1} về cải cách hành chính`, unit: i % 3 === 0 ? "%" : "điểm",
    baseline: { value: 50 + (i % 40), percent: i % 3 === 0, year: 2023, raw: String(50 + (i % 40)) },
    rank: { value: (i % 63) + 1, of: 63, raw: `${(i % 63) + 1}/63` },
    target: { op: i % 2 ? "<=" : ">=", value: 60 + (i % 30), max: null, percent: i % 3 === 0, year: 2025, kind: "value", of: null, unit: null, raw: `≥ ${60 + (i % 30)}` },
    lowerIsBetter: i % 2 === 1, level: "indicator",
    lead: [agency(`Sở ngành ${i % 20}`)], coordinating: [agency("Sở Tài chính"), agency("Sở Nội vụ")],
    deadline: { kind: "annual", raw: "Hằng năm", start: null, end: null },
    tasks: [], extra: {}, source: {},
  }));
  return { title: "Kế hoạch 5.000 chỉ tiêu", issuer: null, number: null, date: null, dateRaw: null, period: null,
    appendices: [{ id: "PL1", title: "Phụ lục I", kind: "indicators", headers: [], indicators, source: {} }] };
}

/** The same cell values, written the plainest way exceljs allows. */
async function bareWrite(layout: WorkbookLayout): Promise<number> {
  const wb = new ExcelJS.Workbook();
  for (const s of layout.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const t of s.tables) {
      ws.addRow(t.columns.map((c) => c.header));
      for (const r of t.rows) {
        ws.addRow(t.columns.map((c, j) => {
          const v: LayoutCell = c.formula ? { formula: c.formula } : (r[j] ?? null);
          return v !== null && typeof v === "object" ? { formula: v.formula.slice(1) } : v;
        }));
      }
    }
  }
  return ((await wb.xlsx.writeBuffer()) as ArrayBuffer).byteLength;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const layout = buildLayout(bigPlan(5000), { lang: "vi" });
  await writeWorkbook(layout);
  await bareWrite(layout);
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    ours.push(await time(() => writeWorkbook(layout)));
    bare.push(await time(() => bareWrite(layout)));
  }
  const ratio = median(ours) / median(bare);
  log(`xlsx write, 5,000 indicators: ours ${median(ours).toFixed(0)} ms, bare exceljs ${median(bare).toFixed(0)} ms (median of 5) → ratio ${ratio.toFixed(2)} (goal ≤ 1.5)`);
  const rules = (n: number): number => buildLayout(bigPlan(n), { lang: "vi" }).sheets.reduce((k, s) => k + s.conditionalFormats.length, 0);
  const conditionalFormats = { "10": rules(10), "5000": rules(5000) };
  log(`conditional-format rules: 10 indicators → ${conditionalFormats["10"]}, 5,000 → ${conditionalFormats["5000"]}`);
  return { xlsxWriteRatio: Math.round(ratio * 100) / 100, xlsxWriteMs: { ours: Math.round(median(ours)), bare: Math.round(median(bare)) }, conditionalFormats };
}
