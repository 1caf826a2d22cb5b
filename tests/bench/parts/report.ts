/** reportMs: the period report for 500 indicators, from status table to .docx bytes (core model + docx writer). */
import { buildReport } from "../../../src/core/report";
import type { StatusRow } from "../../../src/core/report";
import { writeReportDocx } from "../../../src/docx";

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const statuses = ["met", "onTrack", "atRisk", "missed", "noData"] as const;
  const agencies = Array.from({ length: 25 }, (_, i) => `Sở số ${i + 1}`);
  const indicators: StatusRow[] = Array.from({ length: 500 }, (_, i) => ({
    key: `PL1:${i + 1}`, stt: String(i + 1), code: null, name: `Chỉ tiêu thử nghiệm số ${i + 1} về cải cách hành chính`, unit: i % 3 ? "%" : "Điểm",
    target: { op: ">=", value: 50 + (i % 40), max: null, year: 2023 }, expected: null, result: i % 5 === 4 ? null : 40 + (i % 60),
    status: statuses[i % 5] ?? "noData", percentOfPlan: i % 5 === 4 ? null : 90 + (i % 20), lead: [agencies[i % 25] ?? "Sở số 1"],
  }));
  const context = { plan: { title: "Kế hoạch thử nghiệm năm 2023", number: null }, issuer: "Ủy ban nhân dân tỉnh Bắc Giang", parentBody: null, symbol: "BC-UBND", place: "Bắc Giang", date: "2024-01-10", explanations: {}, returns: null };
  const started = performance.now();
  const bytes = await writeReportDocx(buildReport({ period: { id: "2023", label: "Năm 2023", end: "2023-12-31" }, indicators }, context));
  const reportMs = Math.round(performance.now() - started);
  log(`report for 500 indicators: ${reportMs} ms, ${Math.round(bytes.length / 1024)} KB`);
  return { reportMs };
}
