/**
 * Writes the report's document model (src/core/report) as a .docx with the
 * `docx` library, in Node (CLI) and in the browser (task pane) alike. Every
 * size, margin and position comes from the model's format (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I); this file only translates.
 *
 * Charts are native Word charts (`docx/charts`: a chart part with its data
 * in an embedded workbook), not pictures. Why: Word draws them in the
 * document's font, so Vietnamese labels render whatever fonts the machine
 * has; they print crisply at any size; "Edit Data" works for the planner who
 * wants to restyle them; and no renderer or font file has to ship to the
 * browser (a pure-JS rasteriser would need a Vietnamese-capable font of a
 * few hundred KB in the pane's bundle). LibreOffice renders the same chart
 * from its cached values (the tests look at the PDF).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ISectionOptions, ITableCellBorders } from "docx";
import { ChartRun } from "docx/charts";
import type { Align, Block, ChartData, ReportDocument, Run, TableBlock } from "../core/report/model";
import type { TextStyle } from "../core/report/format";
import { MOTTO, NATIONAL_NAME } from "../core/report/format";

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Chart sizes are in pixels at 96 dpi. */
const pixels = (mm: number): number => Math.round((mm / 25.4) * 96);

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Fills of the status cell in the indicator table (the sheet's status colours, src/core/status/colours). */
const EMPHASIS_FILL = { missed: "F4C7CE", atRisk: "FFEB9C", met: "C6EFCE" } as const;

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const NO_MARGINS = { left: 0, right: 0, top: 0, bottom: 0 };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 };

function styled(text: string, s: TextStyle, extra: { bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun({ text: s.upper ? text.toUpperCase() : text, size: halfPoints(s.size), bold: extra.bold ?? s.bold, italics: extra.italic ?? s.italic });
}

function centred(text: string, s: TextStyle): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [styled(text, s)], spacing: { after: 0, before: 0 } });
}

/**
 * The short line the decree draws under the issuing body's name, the motto
 * and the subject: the bottom border of an empty, tiny paragraph indented
 * from both sides, so the text above keeps its full width.
 */
function rule(indentTwips: number): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: LINE },
    indent: { left: indentTwips, right: indentTwips },
    children: [new TextRun({ text: "", size: 2 })],
  });
}

function runs(list: Run[], size: number): TextRun[] {
  return list.map((r) => new TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false, size: halfPoints(size) }));
}

function headerBlock(doc: ReportDocument, contentTwips: number): Table {
  const f = doc.format;
  // The national name (13 pt bold capitals) needs about 100 mm on one line.
  const leftWidth = Math.round(contentTwips * 0.36);
  const rightWidth = contentTwips - leftWidth;
  const h = doc.header;
  // The rule under the issuing body is a third of the column, under the motto about the motto's width.
  const left: Paragraph[] = [
    ...(h.parentBody ? [centred(h.parentBody, f.parentBody)] : []),
    ...h.issuingBody.map((line) => centred(line, f.issuingBody)),
    rule(Math.round(leftWidth / 3)),
    new Paragraph({ spacing: { before: 120, after: 0 }, alignment: AlignmentType.CENTER, children: [styled(h.number, f.number)] }),
  ];
  const right: Paragraph[] = [
    centred(NATIONAL_NAME, f.nationalName),
    centred(MOTTO, f.motto),
    rule(Math.round(rightWidth * 0.17)),
    new Paragraph({ spacing: { before: 120, after: 0 }, alignment: AlignmentType.CENTER, children: [styled(h.placeDate, f.placeDate)] }),
  ];
  return borderlessPair(left, right, leftWidth, contentTwips, { margins: NO_MARGINS });
}

function closingBlock(doc: ReportDocument, contentTwips: number): Table {
  const f = doc.format;
  const leftWidth = Math.round(contentTwips * 0.45);
  const left = [
    new Paragraph({ children: [styled("Nơi nhận:", f.recipientsLabel)], spacing: { after: 0 } }),
    ...doc.recipients.map((r) => new Paragraph({ children: [styled(`- ${r}`, f.recipients)], spacing: { after: 0 } })),
  ];
  const right = [
    ...doc.signature.authority.map((a) => centred(a, f.authority)),
    // Room for the signature and the seal.
    ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
    centred(doc.signature.signer ?? "", f.signer),
  ];
  // The signature block stays on one page with the recipients.
  return borderlessPair(left, right, leftWidth, contentTwips, { cantSplit: true });
}

/** Two side-by-side columns without borders (header and signature blocks of Nghị định 30). */
function borderlessPair(left: Paragraph[], right: Paragraph[], leftWidth: number, contentTwips: number, options: { margins?: typeof NO_MARGINS; cantSplit?: boolean }): Table {
  const rightWidth = contentTwips - leftWidth;
  const cell = (width: number, children: Paragraph[]): TableCell =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, ...(options.margins ? { margins: options.margins } : {}), children });
  return new Table({
    width: { size: contentTwips, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [new TableRow({ ...(options.cantSplit ? { cantSplit: true } : {}), children: [cell(leftWidth, left), cell(rightWidth, right)] })],
  });
}

function tableBlock(b: TableBlock, doc: ReportDocument, contentTwips: number): Table {
  const size = doc.format.table.size;
  const widths = b.columns.map((c) => Math.round((contentTwips * c.width) / 100));
  const cell = (text: string, i: number, header: boolean, fill?: string): TableCell =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill } } : {}),
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : ALIGN[b.columns[i]?.align ?? "left"],
          spacing: { before: 0, after: 0 },
          children: [new TextRun({ text, bold: header, size: halfPoints(size) })],
        }),
      ],
    });
  const statusCol = b.columns.length - 1;
  return new Table({
    width: { size: contentTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // The header row repeats on every page the table spans.
      new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c.header, i, true, "EDEDED")) }),
      ...b.rows.map(
        (r, ri) =>
          new TableRow({
            cantSplit: true,
            children: r.map((text, i) => {
              const e = b.emphasis?.[ri];
              return cell(text, i, false, i === statusCol && e ? EMPHASIS_FILL[e] : undefined);
            }),
          }),
      ),
    ],
  });
}

function chartBlock(chart: ChartData, contentMm: number, font: string): Paragraph {
  const width = pixels(contentMm);
  const height = chart.kind === "column" ? pixels(80) : Math.min(pixels(220), pixels(30) + chart.categories.length * pixels(9));
  const categories = chart.categories.map((c) => c.label);
  // A zero segment of a stacked bar is left out (null), so it draws no "0" label.
  const series = chart.series.map((s, i) => ({
    name: s.name,
    color: s.color,
    values: chart.categories.map((c) => (c.values[i] ?? 0) || null),
    ...(chart.categories.some((c) => c.color) ? { colors: chart.categories.map((c) => c.color) } : {}),
  }));
  const max = Math.max(1, ...chart.categories.map((c) => c.values.reduce((a, b) => a + b, 0)));
  const common = {
    title: chart.title,
    categories,
    series,
    font: { name: font },
    transformation: { width, height },
    altText: { name: chart.title, description: chart.description },
    dataLabels: { value: true },
    // Counts are whole numbers: no "0,2" steps on a small axis.
    valueAxis: { minimum: 0, numberFormat: "0", ...(max <= 10 ? { interval: 1 } : {}) },
  };
  const run =
    chart.kind === "column"
      ? new ChartRun({ type: "column", ...common, stacking: "stacked", gapWidth: 60, legend: false })
      : // Word draws a bar chart's first category at the bottom; reversed, agencies read top-down as in the table.
        new ChartRun({ type: "bar", ...common, stacking: "stacked", gapWidth: 50, categoryAxis: { reverseOrder: true } });
  return new Paragraph({ alignment: AlignmentType.CENTER, keepLines: true, spacing: { before: 120, after: 120 }, children: [run] });
}

function bodyBlock(b: Block, doc: ReportDocument, contentTwips: number, contentMm: number): Array<Paragraph | Table> {
  const f = doc.format;
  const spacing = { after: f.paragraph.spaceAfter * 20, line: Math.round(f.paragraph.lineSpacing * 240), lineRule: LineRuleType.AUTO };
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ keepNext: true, spacing: { ...spacing, before: 120 }, indent: { firstLine: twips(f.paragraph.firstLineIndent) }, children: [new TextRun({ text: b.text, bold: true, size: halfPoints(f.body.size) })] })];
    case "paragraph":
      return [new Paragraph({ alignment: ALIGN[b.align], spacing, ...(b.indent ? { indent: { firstLine: twips(f.paragraph.firstLineIndent) } } : {}), children: runs(b.runs, f.body.size) })];
    case "bullet":
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing, indent: { firstLine: twips(f.paragraph.firstLineIndent) }, children: runs([{ text: "- " }, ...b.runs], f.body.size) })];
    case "table":
      return [tableBlock(b, doc, contentTwips), new Paragraph({ spacing: { after: 0 }, children: [] })];
    case "chart":
      return [chartBlock(b.chart, contentMm, f.font)];
  }
}

/**
 * The appendix on landscape A4 pages (Mục I.2 allows a table appendix in landscape): its title, the line that
 * attaches it to the report, the table (header row repeated), and notes. Page numbers continue from the report.
 */
function appendixSection(doc: ReportDocument, appendix: NonNullable<ReportDocument["appendix"]>): ISectionOptions {
  const f = doc.format;
  // Landscape: the page's long side runs across; the binding margin (left) stays the decree's.
  const contentMm = f.page.height - f.margins.left - f.margins.right;
  const contentTwips = twips(contentMm);
  const [first, ...rest] = appendix.title;
  return {
    properties: {
      page: {
        size: { width: twips(f.page.width), height: twips(f.page.height), orientation: PageOrientation.LANDSCAPE },
        margin: { top: twips(f.margins.top), bottom: twips(f.margins.bottom), left: twips(f.margins.left), right: twips(f.margins.right), header: twips(10), footer: twips(10) },
      },
    },
    headers: {
      default: new Header({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(f.pageNumber.size) })] })],
      }),
    },
    children: [
      ...(first ? [centred(first, f.docType)] : []),
      ...rest.map((line) => centred(line, f.subject)),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [styled(appendix.attachedTo, f.placeDate)] }),
      // Notes above the table: after it, a note alone would print on a page of its own.
      ...appendix.notes.map((n) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: n, italics: true, size: halfPoints(f.table.size) })] })),
      tableBlock(appendix.table, doc, contentTwips),
    ],
  };
}

/**
 * @example
 * const bytes = await writeReportDocx(buildReport(table, context));
 */
export async function writeReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const f = doc.format;
  const contentMm = f.page.width - f.margins.left - f.margins.right;
  const contentTwips = twips(contentMm);
  const document = new Document({
    title: doc.properties.title,
    subject: doc.properties.subject,
    creator: "Chỉ tiêu",
    styles: {
      default: {
        document: { run: { font: f.font, size: halfPoints(f.body.size), language: { value: doc.properties.language } } },
      },
    },
    sections: [
      {
        properties: {
          // Page numbers: centred in the top margin, none on the first page (Phụ lục I, Mục I.7).
          titlePage: !f.pageNumber.firstPage,
          page: {
            size: { width: twips(f.page.width), height: twips(f.page.height), orientation: PageOrientation.PORTRAIT },
            margin: { top: twips(f.margins.top), bottom: twips(f.margins.bottom), left: twips(f.margins.left), right: twips(f.margins.right), header: twips(10), footer: twips(10) },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(f.pageNumber.size) })] })],
          }),
        },
        children: [
          headerBlock(doc, contentTwips),
          new Paragraph({ spacing: { before: 240, after: 0 }, alignment: AlignmentType.CENTER, children: [styled(doc.docType, f.docType)] }),
          ...doc.subject.map((line) => centred(line, f.subject)),
          rule(Math.round(contentTwips * 0.36)),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          // "Kính gửi:" centred under the subject when a department reports upward (Mục II.5).
          ...(doc.addressee ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [styled(`Kính gửi: ${doc.addressee}.`, f.body)] })] : []),
          ...doc.body.flatMap((b) => bodyBlock(b, doc, contentTwips, contentMm)),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          closingBlock(doc, contentTwips),
        ],
      },
      ...(doc.appendix ? [appendixSection(doc, doc.appendix)] : []),
    ],
  });
  return Packer.pack(document, "uint8array");
}
