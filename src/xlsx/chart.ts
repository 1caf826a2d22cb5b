/**
 * Adds the layout's charts to an .xlsx that exceljs wrote (exceljs 4.4
 * cannot write charts): for each chart a DrawingML chart part
 * (xl/charts/chartN.xml), a drawing part anchoring it on its sheet, the
 * relationships between sheet, drawing and chart, and their content types.
 *
 * The chart's series are references into the sheet (the Tổng hợp table of
 * statuses by lead agency), never copied numbers: the table's formulas count
 * for the period chosen in `KyBaoCao`, so the chart follows that cell in
 * Excel and LibreOffice alike. No cached values are written: the workbook is
 * computed on load (fullCalcOnLoad), and the chart is drawn from the cells.
 */
import JSZip from "jszip";
import type { ChartSpec, WorkbookLayout } from "../core/layout/types";
import { columnLetter, columnNumber } from "../core/layout/_lib/a1";
import { parseSheetRange, type SheetRect } from "../core/layout/chartFollow";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const EMU_PER_PIXEL = 9525;

const esc = (s: string): string => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] ?? c);

/** "'Tổng hợp'!$D$7:$H$12" → its sheet and corners (misuse throws: the range is the layout's own). */
function parseRange(range: string): SheetRect {
  const r = parseSheetRange(range);
  if (!r) throw new Error(`Chart range must be 'Sheet'!A1:B2, got "${range}"`);
  return r;
}

const ref = (r: SheetRect, col: number, top: number, bottom: number): string =>
  `'${r.sheet.replace(/'/g, "''")}'!$${columnLetter(col)}$${top}${bottom > top ? `:$${columnLetter(col)}$${bottom}` : ""}`;

function textBody(size: number, bold: boolean): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
}

/**
 * The chart part: the first column of the range is the categories (lead
 * agencies), each further column a series headed by its first cell.
 */
export function chartXml(spec: ChartSpec): string {
  if (spec.type === "pie") throw new Error("The .xlsx writer draws bar charts only; the layout has no pie chart.");
  const r = parseRange(spec.dataRange);
  const stacked = spec.type === "barStacked";
  const series: string[] = [];
  for (let col = r.left + 1, i = 0; col <= r.right; col++, i++) {
    const colour = spec.seriesColors?.[i];
    series.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${esc(ref(r, col, r.top, r.top))}</c:f></c:strRef></c:tx>` +
        (colour ? `<c:spPr><a:solidFill><a:srgbClr val="${colour.slice(2)}"/></a:solidFill></c:spPr>` : "") +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${esc(ref(r, r.left, r.top + 1, r.bottom))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(ref(r, col, r.top + 1, r.bottom))}</c:f></c:numRef></c:val>` +
        `</c:ser>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    title(spec, r.sheet) +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
    series.join("") +
    `<c:gapWidth val="60"/>${stacked ? `<c:overlap val="100"/>` : ""}<c:axId val="500010"/><c:axId val="500020"/></c:barChart>` +
    // Categories read top-down, as in the table beside the chart.
    `<c:catAx><c:axId val="500010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textBody(9, false)}<c:crossAx val="500020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500020"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textBody(9, false)}<c:crossAx val="500010"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textBody(9, false)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

/** The title: linked to its cell when the layout names one (it then follows KyBaoCao), else the text. */
function title(spec: ChartSpec, sheet: string): string {
  const font = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
  if (spec.titleCell) {
    const at = anchorCell(spec.titleCell);
    const cell = `'${sheet.replace(/'/g, "''")}'!$${columnLetter(at.col + 1)}$${at.row + 1}`;
    // The cache holds the title as written (readers that do not follow the link, like LibreOffice, show it).
    const cache = `<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(spec.title)}</c:v></c:pt></c:strCache>`;
    return `<c:title><c:tx><c:strRef><c:f>${esc(cell)}</c:f>${cache}</c:strRef></c:tx><c:overlay val="0"/>${font}</c:title>`;
  }
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${esc(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function anchorCell(address: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m || !m[1] || !m[2]) throw new Error(`Chart anchor must be an A1 cell, got "${address}"`);
  return { col: columnNumber(m[1]) - 1, row: Number(m[2]) - 1 };
}

function drawingXml(charts: Array<{ spec: ChartSpec; relId: string }>): string {
  const anchors = charts.map(({ spec, relId }, i) => {
    const at = anchorCell(spec.anchor);
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${spec.width * EMU_PER_PIXEL}" cy="${spec.height * EMU_PER_PIXEL}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(spec.name ?? `Chart ${i + 1}`)}" descr="${esc(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`;
}

function relsXml(rels: Array<{ id: string; type: string; target: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`).join("")}</Relationships>`;
}

const decodeXml = (s: string): string => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Sheet name → its part path ("xl/worksheets/sheet4.xml"), from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) parts.set(decodeXml(name), part);
  }
  return parts;
}

/** Children of <worksheet> that must come after <drawing> (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"];

function insertDrawing(sheetXml: string, relId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error("The sheet already has a drawing part; charts would replace it.");
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
  let xml = `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`;
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
  return xml;
}

function freeRelId(rels: string): string {
  const used = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  for (let n = 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
}

/**
 * @example
 * const bytes = await addCharts(await exceljsBytes, layout); // xl/charts/chart1.xml on Tổng hợp
 */
export async function addCharts(bytes: Uint8Array, layout: WorkbookLayout): Promise<Uint8Array> {
  const withCharts = layout.sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  let chartNo = 0;
  let drawingNo = 0;
  for (const sheet of withCharts) {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`Sheet "${sheet.name}" is not in the written workbook.`);
    drawingNo++;
    const drawingRels: Array<{ id: string; type: string; target: string }> = [];
    const anchored = sheet.charts.map((spec, i) => {
      chartNo++;
      const relId = `rId${i + 1}`;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(spec));
      drawingRels.push({ id: relId, type: REL_CHART, target: `../charts/chart${chartNo}.xml` });
      types = types.replace("</Types>", `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT_CHART}"/></Types>`);
      return { spec, relId };
    });
    zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(anchored));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(drawingRels));
    types = types.replace("</Types>", `<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${CT_DRAWING}"/></Types>`);

    const dir = part.slice(0, part.lastIndexOf("/"));
    const file = part.slice(part.lastIndexOf("/") + 1);
    const relsPath = `${dir}/_rels/${file}.rels`;
    let rels = (await zip.file(relsPath)?.async("string")) ?? relsXml([]);
    const relId = freeRelId(rels);
    rels = rels.replace("</Relationships>", `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`);
    zip.file(relsPath, rels);
    zip.file(part, insertDrawing((await zip.file(part)?.async("string")) ?? "", relId));
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
