// Every cell of every sheet of each .xlsx given, as *unpatched* exceljs 4.4 reads it, as JSON on stdout.
// A separate process on purpose: our writer patches exceljs's prototypes, and a colleague's script
// does not have that patch. Formulas come out as "=" + their text, like openpyxl's.
"use strict";
const ExcelJS = require("exceljs");

function value(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v.richText) return v.richText.map((r) => r.text).join("");
  if (v.formula !== undefined || v.sharedFormula !== undefined) return "=" + (v.formula ?? v.sharedFormula);
  if (v.hyperlink !== undefined) return v.text;
  if (v.error !== undefined) return v.error;
  return JSON.stringify(v);
}

(async () => {
  const out = {};
  for (const path of process.argv.slice(2)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(path);
    } catch (e) {
      out[path] = { error: String(e && e.message ? e.message : e) };
      continue;
    }
    const sheets = {};
    const tables = {};
    wb.eachSheet((ws) => {
      const cells = {};
      ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          // A merged range's value lives in its top-left cell (exceljs repeats it; openpyxl, Excel do not).
          if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
          const v = value(cell.value);
          if (v !== null) cells[cell.address] = v;
        });
      });
      sheets[ws.name] = cells;
      tables[ws.name] = Object.keys(ws.tables || {}).sort();
    });
    out[path] = { sheets, tables };
  }
  process.stdout.write(JSON.stringify(out));
})();
