/**
 * The presentation rules of a Vietnamese administrative document (văn bản
 * hành chính), as data: Nghị định 30/2020/NĐ-CP về công tác văn thư,
 * Phụ lục I "Thể thức, kỹ thuật trình bày văn bản hành chính và bản sao văn
 * bản", Phần I. Every writer of the report (the .docx adapter today) reads
 * sizes and positions from here instead of choosing its own.
 *
 * Where the decree gives a range ("13 đến 14"), the value chosen is noted.
 */

/** Millimetres; writers convert to their own unit (twips, points). */
export type Millimetres = number & { readonly __unit?: "mm" };

export interface TextStyle {
  /** Points. */
  size: number;
  bold: boolean;
  italic: boolean;
  upper: boolean;
}

export interface DocumentFormat {
  /** Phụ lục I, Phần I, Mục I.1: "Khổ A4 (210 mm x 297 mm)". */
  page: { width: Millimetres; height: Millimetres; name: "A4" };
  /**
   * Mục I.2: portrait ("theo chiều dài của khổ A4"); a document with tables
   * that are not separate appendices may be landscape. Our tables have seven
   * columns and fit portrait.
   */
  orientation: "portrait";
  /** Mục I.3: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
  margins: { top: Millimetres; bottom: Millimetres; left: Millimetres; right: Millimetres };
  /** Mục I.4: "Phông chữ tiếng Việt Times New Roman, bộ mã Unicode (TCVN 6909:2001), màu đen". */
  font: "Times New Roman";
  /** Body text, Mục II.6 (nội dung): 13–14 pt; 14 chosen, the common choice of provincial offices. */
  body: TextStyle;
  /** Mục II.6: first-line indent 1–1.27 cm; spacing between paragraphs at least 6 pt; line spacing from single to 1.5 lines. */
  paragraph: { firstLineIndent: Millimetres; spaceAfter: number; lineSpacing: number };
  /**
   * Mục I.7: page numbers from 1, Arabic digits, 13–14 pt, upright, centred
   * in the top margin, and not shown on the first page.
   */
  pageNumber: { position: "top-center"; size: number; firstPage: false };
  /** Mục II.1a: Quốc hiệu in capitals, 12–13 pt, upright, bold, top right of the first page. */
  nationalName: TextStyle;
  /** Mục II.1b: Tiêu ngữ, 13–14 pt, upright, bold, centred under the Quốc hiệu, with a rule as long as the line below it. */
  motto: TextStyle;
  /** Mục II.2: name of the superior body in capitals 12–13 pt upright; the issuing body's name in capitals 12–13 pt bold, with a rule of 1/3–1/2 of its length below. */
  parentBody: TextStyle;
  issuingBody: TextStyle;
  /** Mục II.3: "Số:" and the number/symbol, 13 pt upright, centred under the issuing body. */
  number: TextStyle;
  /** Mục II.4: place and date, 13–14 pt italic, centred under the Tiêu ngữ. */
  placeDate: TextStyle;
  /** Mục II.5: the document type ("BÁO CÁO") in capitals 13–14 pt bold, centred; the subject below, 13–14 pt bold, with a rule below. */
  docType: TextStyle;
  subject: TextStyle;
  /** Mục II.7: the signing authority (TM., KT., chức vụ) in capitals 13–14 pt bold; the signer's name 13–14 pt bold. */
  authority: TextStyle;
  signer: TextStyle;
  /** Mục II.8: "Nơi nhận:" 12 pt italic bold; each recipient 11 pt upright, starting with "-" and ending with ";" (the last with "."). */
  recipientsLabel: TextStyle;
  recipients: TextStyle;
  /** Not fixed by the decree; 12 pt keeps a seven-column table readable on portrait A4. */
  table: TextStyle;
}

const style = (size: number, bold = false, italic = false, upper = false): TextStyle => ({ size, bold, italic, upper });

/** The format of every report we write. */
export const ND30_FORMAT: DocumentFormat = {
  page: { width: 210, height: 297, name: "A4" },
  orientation: "portrait",
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  font: "Times New Roman",
  body: style(14),
  paragraph: { firstLineIndent: 12.7, spaceAfter: 6, lineSpacing: 1.15 },
  pageNumber: { position: "top-center", size: 14, firstPage: false },
  nationalName: style(13, true, false, true),
  motto: style(14, true),
  parentBody: style(13, false, false, true),
  issuingBody: style(13, true, false, true),
  number: style(13),
  placeDate: style(14, false, true),
  docType: style(14, true, false, true),
  subject: style(14, true),
  authority: style(14, true, false, true),
  signer: style(14, true),
  recipientsLabel: style(12, true, true),
  recipients: style(11),
  table: style(12),
};

/** The fixed words of the header block (Mục II.1). */
export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** The decree's bounds, for a test that the chosen format stays inside them. */
export const ND30_BOUNDS = {
  margins: { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] },
  bodySize: [13, 14],
  nationalNameSize: [12, 13],
  mottoSize: [13, 14],
  firstLineIndent: [10, 12.7],
} as const;
