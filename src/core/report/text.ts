/**
 * The report as plain text, in reading order: what a reader of the .docx
 * reads, so tests can check the words (and that no "undefined", "NaN" or
 * "null" slipped in) without Word.
 */
import type { Block, ReportDocument } from "./model";
import { MOTTO, NATIONAL_NAME } from "./format";

function blockText(b: Block): string[] {
  switch (b.kind) {
    case "heading":
      return [b.text];
    case "paragraph":
      return [b.runs.map((r) => r.text).join("")];
    case "bullet":
      return [`- ${b.runs.map((r) => r.text).join("")}`];
    case "table":
      return [b.columns.map((c) => c.header).join(" | "), ...b.rows.map((r) => r.join(" | "))];
    case "chart":
      return [b.chart.title, b.chart.description, ...b.chart.series.map((s) => s.name), ...b.chart.categories.map((c) => `${c.label}: ${c.values.join(", ")}`)];
  }
}

/**
 * @example
 * reportText(buildReport(table, context)).includes("BÁO CÁO") // true
 */
export function reportText(doc: ReportDocument): string {
  const h = doc.header;
  const lines = [
    ...(h.parentBody ? [h.parentBody] : []),
    ...h.issuingBody,
    NATIONAL_NAME,
    MOTTO,
    h.number,
    h.placeDate,
    doc.docType,
    ...doc.subject,
    ...(doc.addressee ? [`Kính gửi: ${doc.addressee}.`] : []),
    ...doc.body.flatMap(blockText),
    "Nơi nhận:",
    ...doc.recipients.map((r) => `- ${r}`),
    ...doc.signature.authority,
    ...(doc.signature.signer ? [doc.signature.signer] : []),
    ...(doc.appendix ? [...doc.appendix.title, doc.appendix.attachedTo, ...blockText(doc.appendix.table), ...doc.appendix.notes] : []),
  ];
  return lines.join("\n");
}
