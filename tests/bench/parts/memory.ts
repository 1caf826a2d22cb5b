/**
 * Peak memory (issue 22), measured as the issue asks, with `/usr/bin/time -f %M`
 * around the built CLI: importing a 20,000-row .docx, `--update W -o W` of the
 * 6,000-row workbook that import makes from a 6,000-row .docx, and `parse` of
 * a 300,000-row CSV. Goal: every case under 1.5 GB; the update about what the
 * import costs. The documents are made here (a table, one indicator a row).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";

const ROOT = join(__dirname, "..", "..", "..");
const LIMIT_KB = 1.5 * 1024 * 1024;

async function docx(rows: number, out: string): Promise<void> {
  const cell = (t: string): string => `<w:tc><w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p></w:tc>`;
  const row = (cells: string[]): string => `<w:tr>${cells.map(cell).join("")}</w:tr>`;
  const body: string[] = [row(["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Cơ quan chủ trì"])];
  for (let i = 1; i <= rows; i++) body.push(row([String(i), `Chỉ tiêu phát triển số ${i} của tỉnh`, "%", `Trên ${50 + (i % 49)}%`, i % 2 ? "Sở Tư pháp" : "Sở Y tế"]));
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>PHỤ LỤC I. CHỈ TIÊU ĐẾN NĂM 2025</w:t></w:r></w:p><w:tbl>${body.join("")}</w:tbl></w:body></w:document>`);
  writeFileSync(out, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

/** Peak resident memory (KB) and seconds of one CLI run. */
function measure(args: string[]): { kb: number; seconds: number; code: number | null } {
  const r = spawnSync("/usr/bin/time", ["-f", "%M %e", process.execPath, join(ROOT, "bin", "chitieu.js"), ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const last = r.stderr.trim().split("\n").pop() ?? "";
  const [kb = "0", s = "0"] = last.split(" ");
  return { kb: Number(kb), seconds: Number(s), code: r.status };
}

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  if (!existsSync("/usr/bin/time")) {
    log("/usr/bin/time is missing: skipped");
    return {};
  }
  const dir = mkdtempSync(join(tmpdir(), "chitieu-bench-memory-"));
  try {
    await docx(20_000, join(dir, "d20k.docx"));
    await docx(6_000, join(dir, "d6k.docx"));
    const csv = ["STT,Chỉ tiêu,Đơn vị tính,Mục tiêu,Cơ quan chủ trì"];
    for (let i = 1; i <= 300_000; i++) csv.push(`${i},Chỉ tiêu số ${i},%,Trên ${50 + (i % 49)}%,Sở Tư pháp`);
    writeFileSync(join(dir, "big.csv"), csv.join("\n"));
    const cases: Record<string, string[]> = {
      import20k: ["import", join(dir, "d20k.docx"), "-o", join(dir, "w20k.xlsx")],
      import6k: ["import", join(dir, "d6k.docx"), "-o", join(dir, "w6k.xlsx")],
      update6k: ["import", join(dir, "d6k.docx"), "--update", join(dir, "u6k.xlsx"), "-o", join(dir, "u6k.xlsx")],
      parseCsv300k: ["parse", join(dir, "big.csv")],
    };
    const out: Record<string, unknown> = {};
    for (const [name, args] of Object.entries(cases)) {
      if (name === "update6k") copyFileSync(join(dir, "w6k.xlsx"), join(dir, "u6k.xlsx"));
      const m = measure(args);
      const mb = Math.round(m.kb / 1024);
      log(`${name}: peak ${mb} MB, ${m.seconds} s, exit ${String(m.code)}${m.kb > LIMIT_KB ? " — OVER 1.5 GB" : ""}`);
      out[`memory.${name}.peakMB`] = mb;
      out[`memory.${name}.seconds`] = m.seconds;
    }
    const imp = Number(out["memory.import6k.peakMB"]);
    const upd = Number(out["memory.update6k.peakMB"]);
    if (imp > 0) out["memory.update6kOverImport6k"] = Math.round((upd / imp) * 100) / 100;
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
