/**
 * The period report for the People's Committee (báo cáo kết quả thực hiện),
 * built from the status table of a period: counts by status with a chart,
 * every indicator's row, the indicators not met or at risk with their lead
 * agencies and explanations, results by agency, and the agencies that have
 * not reported. Pure: the .docx writer (src/docx) only lays it out.
 */
import type { Block, ReportDocument, Run } from "./model";
import { ND30_FORMAT } from "./format";
import type { ReportContext, ReportStatusKey, StatusRow, StatusTable } from "./input";
import { ReportContextSchema, StatusTableSchema } from "./input";
import { agencyChart, countByAgency, countByStatus, statusChart } from "./chart";
import { STATUS_ORDER, dateWords, listWords, number, percentText, statusWord, targetText, value } from "./_lib/words";

export type { ReportDocument, Block, Run, ChartData, TableColumn } from "./model";
export type { ReportContext, StatusTable, StatusRow, ReportStatusKey } from "./input";
export { ReportContextSchema, StatusTableSchema, StatusRowSchema } from "./input";
export { ND30_FORMAT, ND30_BOUNDS, NATIONAL_NAME, MOTTO } from "./format";
export { chartPicture, chartSvg, agencyChart, statusChart, countByAgency, countByStatus } from "./chart";
export type { ChartPicture, Shape, AgencyCounts } from "./chart";
export { reportText } from "./text";

const NO_LEAD = "Chưa xác định đơn vị chủ trì";
const CONCERNS: readonly ReportStatusKey[] = ["missed", "atRisk"];

const p = (runs: Run[] | string, indent = true): Block => ({
  kind: "paragraph",
  runs: typeof runs === "string" ? [{ text: runs }] : runs,
  align: "justify",
  indent,
});

/** "Bắc Giang, ngày 05 tháng 12 năm 2023": day and month below 10 (and month 1, 2) with a leading zero (NĐ 30/2020, Phụ lục I, Mục II.4b). */
function placeDate(place: string | null, iso: string): string {
  const { day, month, year } = dateWords(iso);
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${place ?? "………"}, ngày ${two(day)} tháng ${two(month)} năm ${year}`;
}

/** "KẾ HOẠCH … NĂM 2023" as a sentence: only the first letter kept capital when the title is all capitals. */
function planName(title: string): string {
  const t = title.trim();
  if (t === "") return "Kế hoạch";
  const sentence = t === t.toUpperCase() ? t.charAt(0) + t.slice(1).toLowerCase() : t;
  return /^kế hoạch/i.test(sentence) ? sentence : `Kế hoạch ${sentence}`;
}

function shortIssuer(issuer: string): string {
  const t = issuer.trim();
  if (/^ỦY BAN NHÂN DÂN/i.test(t) || /^UBND/i.test(t)) return "Ủy ban nhân dân tỉnh";
  return t.charAt(0) + t.slice(1).toLowerCase();
}

function summaryBlocks(rows: StatusRow[], periodLabel: string): Block[] {
  const counts = countByStatus(rows);
  const total = rows.length;
  const present = STATUS_ORDER.filter((k) => counts[k] > 0);
  const share = (n: number): string => (total === 0 ? "" : percentText((n / total) * 100));
  const phrases = present.map((k) => `${counts[k]} chỉ tiêu ${statusWord(k).toLowerCase()} (${share(counts[k])})`);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "I. TỔNG HỢP KẾT QUẢ" },
    p(
      total === 0
        ? "Kế hoạch chưa có chỉ tiêu nào để đánh giá."
        : `Kế hoạch có ${total} chỉ tiêu được theo dõi. Kết quả đánh giá ${periodLabel.charAt(0).toLowerCase()}${periodLabel.slice(1)}: ${listWords(phrases)}; đạt và vượt ${counts.exceeded + counts.met}/${total} chỉ tiêu.`,
    ),
    {
      kind: "table",
      columns: [
        { header: "Kết quả đánh giá", width: 56, align: "left" },
        { header: "Số chỉ tiêu", width: 22, align: "center" },
        { header: "Tỷ lệ", width: 22, align: "center" },
      ],
      rows: [...present.map((k) => [statusWord(k), String(counts[k]), share(counts[k])]), ["Tổng số", String(total), total === 0 ? "" : "100%"]],
    },
  ];
  if (total > 0) blocks.push({ kind: "chart", chart: statusChart(rows, periodLabel) });
  return blocks;
}

const EMPHASIS: Partial<Record<ReportStatusKey, "missed" | "atRisk" | "met">> = { missed: "missed", atRisk: "atRisk", exceeded: "met", met: "met", onTrack: "met" };

function indicatorTable(rows: StatusRow[]): Block[] {
  return [
    { kind: "heading", level: 1, text: "II. KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU" },
    {
      kind: "table",
      columns: [
        { header: "STT", width: 7, align: "center" },
        { header: "Chỉ tiêu", width: 33, align: "left" },
        { header: "ĐVT", width: 11, align: "center" },
        { header: "Mục tiêu", width: 12, align: "center" },
        { header: "Kết quả", width: 11, align: "center" },
        { header: "% so với kế hoạch", width: 11, align: "center" },
        { header: "Đánh giá", width: 15, align: "center" },
      ],
      rows: rows.map((r, i) => [r.stt ?? String(i + 1), r.name, r.unit ?? "", targetText(r), value(r.result, r), percentText(r.percentOfPlan), statusWord(r.status)]),
      emphasis: rows.map((r) => EMPHASIS[r.status] ?? null),
    },
  ];
}

function concernBlocks(rows: StatusRow[], explanations: Record<string, string>, periodLabel: string): Block[] {
  const concerns = rows.filter((r) => CONCERNS.includes(r.status));
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "III. CÁC CHỈ TIÊU KHÔNG ĐẠT, CÓ NGUY CƠ KHÔNG ĐẠT" }];
  if (concerns.length === 0) {
    blocks.push(p(`Không có chỉ tiêu nào không đạt hoặc có nguy cơ không đạt trong kỳ ${periodLabel}.`));
    return blocks;
  }
  const missed = concerns.filter((r) => r.status === "missed").length;
  const atRisk = concerns.length - missed;
  const parts = [missed > 0 ? `${missed} chỉ tiêu không đạt` : null, atRisk > 0 ? `${atRisk} chỉ tiêu có nguy cơ không đạt` : null].filter((x): x is string => x !== null);
  blocks.push(p(`Có ${listWords(parts)}, cụ thể:`));
  concerns.forEach((r, i) => {
    const unit = r.unit ? ` ${r.unit}` : "";
    const facts = [
      targetText(r) ? `mục tiêu ${targetText(r)}${unit}` : null,
      r.result !== null ? `kết quả ${value(r.result, r)}${unit}` : null,
      r.status === "atRisk" && r.expected !== null ? `mức cần đạt theo tiến độ ${value(r.expected, r)}${unit}` : null,
      r.percentOfPlan !== null ? `đạt ${percentText(r.percentOfPlan)} so với kế hoạch` : null,
    ].filter((x): x is string => x !== null);
    const explanation = explanations[r.key]?.trim();
    blocks.push(p([{ text: `${i + 1}. ${r.name} ` }, { text: `(${statusWord(r.status).toLowerCase()})`, bold: true }, { text: facts.length ? `: ${facts.join("; ")}.` : "." }]));
    blocks.push(p([{ text: "Đơn vị chủ trì: ", italic: true }, { text: r.lead.length ? `${r.lead.join("; ")}.` : `${NO_LEAD}.` }]));
    blocks.push(
      p([
        { text: "Giải trình của đơn vị: ", italic: true },
        { text: explanation ? explanation : "đơn vị chưa gửi giải trình." },
      ]),
    );
  });
  return blocks;
}

function agencyBlocks(rows: StatusRow[], periodLabel: string): Block[] {
  const agencies = countByAgency(rows, NO_LEAD);
  const keys = STATUS_ORDER.filter((k) => agencies.some((a) => a.counts[k] > 0));
  const statusWidth = keys.length ? Math.floor(54 / keys.length) : 0;
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "IV. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ" },
    {
      kind: "table",
      columns: [
        { header: "Đơn vị chủ trì", width: 100 - 12 - statusWidth * keys.length, align: "left" },
        { header: "Số chỉ tiêu", width: 12, align: "center" },
        ...keys.map((k) => ({ header: statusWord(k), width: statusWidth, align: "center" as const })),
      ],
      rows: agencies.map((a) => [a.agency, String(a.total), ...keys.map((k) => String(a.counts[k]))]),
    },
  ];
  if (agencies.length > 0) blocks.push({ kind: "chart", chart: agencyChart(agencies, periodLabel) });
  return blocks;
}

function returnsBlocks(rows: StatusRow[], returns: ReportContext["returns"]): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "V. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ" }];
  if (returns === null) {
    blocks.push(p("Sổ theo dõi chưa có dữ liệu tiếp nhận báo cáo của các đơn vị (sheet “Tiến độ nộp báo cáo”), nên chưa xác định được đơn vị nào chưa gửi báo cáo kỳ này."));
  } else if (returns.pending.length === 0) {
    blocks.push(p(`Tất cả ${returns.returned.length} đơn vị đã gửi báo cáo.`));
  } else {
    blocks.push(p(`Đã có ${returns.returned.length} đơn vị gửi báo cáo; ${returns.pending.length} đơn vị chưa gửi báo cáo:`));
    for (const a of returns.pending) blocks.push({ kind: "bullet", runs: [{ text: a }] });
  }
  const noData = countByAgency(rows.filter((r) => r.status === "noData"), NO_LEAD);
  if (noData.length > 0) {
    blocks.push(p("Các đơn vị chủ trì còn chỉ tiêu chưa có số liệu kỳ này:"));
    for (const a of noData) blocks.push({ kind: "bullet", runs: [{ text: `${a.agency}: ${a.total} chỉ tiêu` }] });
  }
  return blocks;
}

function defaultRecipients(context: ReportContext): string[] {
  return context.parentBody === null
    ? ["Thường trực Tỉnh ủy (để b/c);", "Thường trực HĐND tỉnh (để b/c);", "Chủ tịch, các PCT UBND tỉnh;", "Các sở, ban, ngành tỉnh;", "Lưu: VT."]
    : ["UBND tỉnh (để b/c);", "Các sở, ban, ngành liên quan;", "Lưu: VT."];
}

/**
 * @example
 * const doc = buildReport(statusTable(reading, periodOf("2023")), { issuer: "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", … });
 * doc.subject // ["Kết quả thực hiện các chỉ tiêu của Kế hoạch …", "năm 2023"]
 */
export function buildReport(tableInput: StatusTable, contextInput: ReportContext): ReportDocument {
  // Misuse (a caller passing something that is not a status table) throws here with zod's message.
  const table = StatusTableSchema.parse(tableInput);
  const context = ReportContextSchema.parse(contextInput);
  const label = table.period.label;
  const lowerLabel = `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  const plan = planName(context.plan.title);
  const planRef = context.plan.number ? `${plan} (số ${context.plan.number})` : plan;
  const rows = table.indicators;

  const body: Block[] = [
    p(`Thực hiện ${planRef}, ${shortIssuer(context.issuer)} báo cáo kết quả thực hiện các chỉ tiêu ${lowerLabel} như sau:`),
    ...summaryBlocks(rows, label),
    ...indicatorTable(rows),
    ...concernBlocks(rows, context.explanations, lowerLabel),
    ...agencyBlocks(rows, label),
    ...returnsBlocks(rows, context.returns),
    // "./." closes the text of an administrative document.
    p(`Trên đây là báo cáo kết quả thực hiện các chỉ tiêu ${lowerLabel} của ${plan}./.`),
  ];
  const issuingBody = context.issuer.toUpperCase();
  const subject = [`Kết quả thực hiện các chỉ tiêu ${lowerLabel}`, `của ${plan}`];
  return {
    format: ND30_FORMAT,
    header: {
      parentBody: context.parentBody?.toUpperCase() ?? null,
      issuingBody: splitBody(issuingBody),
      number: `Số:        /${context.symbol}`,
      placeDate: placeDate(context.place, context.date),
    },
    docType: "BÁO CÁO",
    subject,
    body,
    recipients: context.recipients ?? defaultRecipients(context),
    signature: context.signature ?? {
      authority: context.parentBody === null ? ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] : ["GIÁM ĐỐC"],
      signer: null,
    },
    properties: { title: `Báo cáo ${subject.join(" ")}`, subject: `${label}: ${number(rows.length, 0)} chỉ tiêu`, language: "vi-VN" },
  };
}

/** "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG" on two lines, the way the header block sets it: body, then the place. */
function splitBody(name: string): string[] {
  const m = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(.+)$/u.exec(name);
  return m && m[1] && m[2] ? [m[1], m[2]] : [name];
}
