/**
 * statusMs5000x20: 5,000 indicators × 20 reporting periods (a 2021–2030
 * plan's halves and years) judged by the core's evaluatePeriod, from sheet
 * cells as a reader returns them; median of runs. statusTableMs5000: the
 * whole `chitieu status` table of one period for 5,000 indicators.
 */
import { evaluatePeriod, planPeriods } from "../../../src/core/period";
import { statusTable } from "../../../src/core/statusTable";
import type { PlanRow } from "../../../src/core/period";
import type { WorkbookReading } from "../../../src/core/workbook";
import { interpretSnapshot } from "../../../src/core/workbook";

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const OPS = ["≥", "≤", ">", "<", "=", "≈", "khoảng", null];
// Every kind of indicator (issue #19), so each way of computing the expected value is timed.
const KINDS = ["Mức tại thời điểm", "Lũy kế trong năm", "Tốc độ tăng", "Tổng giai đoạn", "Bình quân giai đoạn", "Xếp hạng", null];

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const periods = planPeriods({ title: "", issuer: null, number: null, date: null, dateRaw: null, period: { from: 2021, to: 2030 }, appendices: [] });
  const rows: PlanRow[] = Array.from({ length: 5000 }, (_, i) => ({
    op: OPS[i % OPS.length] ?? null, target: 60 + (i % 30), targetMax: i % 8 === 6 ? 95 : null,
    direction: i % 2 ? "Thấp hơn là tốt" : "Cao hơn là tốt", baseline: i % 5 ? 50 + (i % 40) : null, baselineYear: 2020, targetYear: 2030,
    kind: KINDS[i % KINDS.length] ?? null, unit: i % 3 ? "%" : "tỷ đồng",
  }));
  // Totals and averages read the row's full-year results.
  const yearsOf = (i: number): Map<number, unknown> => new Map(periods.flatMap((p, j) => (p.kind === "year" ? [[p.year, results[i]?.[j] ?? null] as [number, unknown]] : [])));
  const results = rows.map((_, i) => periods.map((_p, j) => ((i + j) % 4 === 0 ? null : 40 + ((i * 7 + j * 13) % 70))));
  const ms: number[] = [];
  let counted = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    counted = 0;
    rows.forEach((row, i) => {
      const years = yearsOf(i);
      periods.forEach((p, j) => {
        if (evaluatePeriod(row, p, results[i]?.[j] ?? null, 0.05, "vi", years).status === "met") counted++;
      });
    });
    ms.push(performance.now() - t0);
  }
  const statusMs = Math.round(median(ms) * 10) / 10;
  log(`statuses: 5,000 indicators × ${periods.length} periods in ${statusMs} ms (median of 5; ${counted} met)`);

  // The status table of one period, from a reading shaped like a 5,000-row workbook.
  const reading: WorkbookReading = interpretSnapshot({
    sheetNames: ["Chỉ tiêu", "Kết quả theo kỳ"],
    tables: [
      { sheet: "Chỉ tiêu", name: "ChiTieu", anchor: "A1", headers: ["Khóa", "Toán tử", "Mục tiêu", "Chiều", "Loại chỉ tiêu", "Đơn vị tính", "Giá trị gốc", "Năm gốc", "Năm mục tiêu", "Đơn vị chủ trì"],
        rows: rows.map((r, i) => [`K${i}`, r.op as string | null, r.target as number, r.direction as string, r.kind as string | null, r.unit as string, r.baseline as number | null, 2020, 2030, `Sở ${i % 20}`]) },
      { sheet: "Kết quả theo kỳ", name: "KetQuaTheoKy", anchor: "A1", headers: ["Mã", ...periods.map((p) => p.label), "Khóa"],
        rows: rows.map((_, i) => [String(i), ...(results[i] ?? []), `K${i}`]) },
    ],
  });
  const table: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const period = periods[9];
    if (period) statusTable(reading, period);
    table.push(performance.now() - t0);
  }
  const tableMs = Math.round(median(table) * 10) / 10;
  log(`chitieu status table, 5,000 indicators, one period: ${tableMs} ms`);
  return { statusMs5000x20: statusMs, statusTableMs5000: tableMs };
}
