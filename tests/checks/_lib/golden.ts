/** Renders findings as the human-readable golden file kept per seed (reviewed by reading the document). */
import type { Finding } from "../../../src/core/model";

export function renderGolden(seed: string, findings: Finding[]): string {
  const lines = [`# Kiểm tra — ${seed}`, "", `${findings.length} phát hiện / findings.`, ""];
  for (const f of findings) {
    const where = [f.ref.appendix, f.ref.stt ? `STT ${f.ref.stt}` : null, f.ref.code ? `mã ${f.ref.code}` : null, f.ref.field].filter(Boolean).join(" · ");
    lines.push(`- **${f.severity}** \`${f.rule}\` (${where})`);
    lines.push(`  - ${f.message}`);
    lines.push(`  - ${f.messageEn}`);
  }
  return `${lines.join("\n")}\n`;
}
