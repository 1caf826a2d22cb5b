import { readFileSync } from "fs";
import { importFile } from "./src/import";
import { inferKind } from "./src/core/judge";
async function run() {
for (const f of ["ke-hoach-nam-2026", "ke-hoach-5-nam-2026-2030"]) {
  for (const ext of ["txt", "docx"]) {
    const path = `tests/fixtures/shapes/${f}.${ext}`;
    const o = await importFile(path, new Uint8Array(readFileSync(path)));
    if (!o.ok) { console.log(path, o.error); continue; }
    const r = o.result;
    console.log("==", path, r.plan.period, r.plan.appendices.map(a => a.headers.join(" | ")));
    for (const a of r.plan.appendices) for (const i of a.indicators) console.log(i.stt, i.name.slice(0,40), "|", i.unit, "| base", i.baseline?.value, i.baseline?.year, "| t", i.target?.op, i.target?.value, i.target?.max, i.target?.year, JSON.stringify(i.target?.raw), "|", i.lowerIsBetter ? "lower" : "higher", inferKind({ name: i.name, unit: i.unit, target: i.target }), JSON.stringify(i.extra));
  }
}
}
void run();
