/** Filling forms as an agency does: cell edits with exceljs, or typing in LibreOffice (python3-uno). Test-only. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

export interface Entry {
  key: string;
  /** Header of the input column: "Kết quả kỳ này", "Giải trình", "Trạng thái", "Ghi chú". */
  column: string;
  value: string | number;
}

/** Edits the input cells of a form with exceljs (found by the hidden key and the header) and saves it to `out`. */
export async function fillWithExceljs(form: string, out: string, entries: Entry[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(form);
  const ws = wb.getWorksheet("Báo cáo");
  if (!ws) throw new Error("no Báo cáo sheet");
  let done = 0;
  let headers: string[] = [];
  ws.eachRow((row) => {
    const texts = (row.values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
    if (texts.includes("Khóa")) {
      headers = texts;
      return;
    }
    if (!headers.includes("Khóa")) return; // the title block above the first table
    const key = row.getCell(headers.indexOf("Khóa")).value;
    for (const e of entries) {
      const col = headers.indexOf(e.column);
      if (key === e.key && col > 0) {
        row.getCell(col).value = e.value;
        done++;
      }
    }
  });
  if (done !== entries.length) throw new Error(`${form}: filled ${done} of ${entries.length} cells`);
  await wb.xlsx.writeFile(out);
}

/** Types into forms in LibreOffice Calc (one soffice for all jobs) and saves them as .xlsx. */
export function fillWithLibreOffice(jobs: Array<{ form: string; out: string; entries: Entry[] }>, dir: string): void {
  const spec = join(dir, `jobs-${process.pid}-${Date.now()}.json`);
  writeFileSync(spec, JSON.stringify(jobs.map((j) => ({ in: j.form, out: j.out, cells: j.entries.map((e) => ({ key: e.key, column: e.column, text: String(e.value) })) }))));
  const r = spawnSync("/usr/bin/python3", [join(__dirname, "fill_forms.py"), spec], { encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`fill_forms.py failed (${String(r.status)}): ${r.stderr}`);
}
