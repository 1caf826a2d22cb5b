/**
 * The report as a declarative document: what it says, in which order, with
 * no knowledge of Word. The .docx adapter (src/docx) and the tests' text
 * rendering both walk this model, so what a test reads is what Word shows.
 */
import type { DocumentFormat } from "./format";

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Align = "left" | "center" | "right" | "justify";

export interface TableColumn {
  header: string;
  /** Share of the table's width, in percent (the columns of a table add up to 100). */
  width: number;
  align: Align;
}

/** A bar of a chart: one value per series, in series order. */
export interface ChartCategory {
  label: string;
  values: number[];
  /** "RRGGBB": this category's own bar colour (a one-series chart colours each bar by its status). */
  color?: string;
}

export interface ChartSeries {
  name: string;
  /** "RRGGBB". */
  color: string;
}

/**
 * A bar chart's data, drawn by the writer (a native Word chart in the
 * .docx, a small SVG in the task pane): categories along one axis, one
 * stacked segment per series.
 */
export interface ChartData {
  title: string;
  /** "column": vertical bars (status counts); "barStacked": horizontal stacked bars (statuses by agency). */
  kind: "column" | "barStacked";
  series: ChartSeries[];
  categories: ChartCategory[];
  /** Alt text for screen readers: the chart's numbers in words. */
  description: string;
}

export type TableBlock = { kind: "table"; columns: TableColumn[]; rows: string[][]; emphasis?: Array<"missed" | "atRisk" | "met" | null> };

export type Block =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; runs: Run[]; align: Align; indent: boolean }
  | { kind: "bullet"; runs: Run[] }
  | TableBlock
  | { kind: "chart"; chart: ChartData };

export interface ReportHeader {
  /** Superior body, capitals, not bold ("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG" above a department); null when the issuer is the top body. */
  parentBody: string | null;
  /** Issuing body, capitals, bold: one or two lines. */
  issuingBody: string[];
  /** "Số:   /BC-UBND" — the number is left blank for the clerk to fill at registration (NĐ 30/2020, Điều 15). */
  number: string;
  /** "Bắc Giang, ngày 15 tháng 12 năm 2023". */
  placeDate: string;
}

export interface ReportDocument {
  format: DocumentFormat;
  header: ReportHeader;
  /** "BÁO CÁO". */
  docType: string;
  /** The subject, with the period's label ("Kết quả thực hiện … năm 2023"). */
  subject: string[];
  /** "Kính gửi: Ủy ban nhân dân tỉnh …" when a department reports upward; null for the People's Committee's own report. */
  addressee: string | null;
  body: Block[];
  /**
   * The appendix after the signature, on landscape pages (NĐ 30/2020, Mục I.2: a table appendix may be landscape):
   * "Phụ lục / BIỂU KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", the line that attaches it to the report, the table, and notes.
   */
  appendix: { title: string[]; attachedTo: string; table: TableBlock; notes: string[] } | null;
  recipients: string[];
  signature: { authority: string[]; signer: string | null };
  /** Document properties (title, subject) for the file. */
  properties: { title: string; subject: string; language: "vi-VN" };
}
