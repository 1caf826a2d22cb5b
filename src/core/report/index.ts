/**
 * The period report (báo cáo kết quả thực hiện), built from the status table
 * of a period and written from the data only: I. results (counts "đạt và
 * vượt N/M", the chart, the exceeded and met indicators, results by lead
 * agency); II. shortcomings (missed and at-risk indicators, each with its
 * lead agency and the agency's own Giải trình); III. the tasks (statuses the
 * agencies returned, overdue tasks); IV. who has reported. The full table
 * follows as a landscape appendix. Nothing is placeholder text: a planner
 * adds their own paragraphs in Word. Pure: the .docx writer only lays it out.
 */
import type { Block, ReportDocument, Run, TableBlock } from "./model";
import { ND30_FORMAT } from "./format";
import type { ReportContext, ReportStatusKey, StatusRow, StatusTable, TaskRow } from "./input";
import { ReportContextSchema, StatusTableSchema } from "./input";
import { agencyChart, countByAgency, countByStatus, statusChart } from "./chart";
import { STATUS_ORDER, listWords, nd30Date, number, percentText, statusWord, targetText, value } from "./_lib/words";
import { unitOf } from "./_lib/unit";

export type { ReportDocument, Block, Run, ChartData, TableColumn, TableBlock } from "./model";
export type { ReportContext, StatusTable, StatusRow, ReportStatusKey, TaskRow } from "./input";
export { countedOnce } from "./restated";
export { readParticulars, resolveParticulars, symbolFor, isPeoplesCommittee } from "./particulars";
export type { Particulars, ResolvedParticulars } from "./particulars";
export { nd30Date } from "./_lib/words";
export { ReportContextSchema, StatusTableSchema, StatusRowSchema } from "./input";
export { ND30_FORMAT, ND30_BOUNDS, NATIONAL_NAME, MOTTO } from "./format";
export { chartPicture, chartSvg, agencyChart, statusChart, countByAgency, countByStatus } from "./chart";
export type { ChartPicture, Shape, AgencyCounts } from "./chart";
export { reportText } from "./text";

const NO_LEAD = "Chưa xác định đơn vị chủ trì";
const GAP = "……";
const CONCERNS: readonly ReportStatusKey[] = ["missed", "atRisk"];
const DONE_TASK = /^(hoàn thành|đã hoàn thành|done)$/iu;

const p = (runs: Run[] | string, indent = true): Block => ({
  kind: "paragraph",
  runs: typeof runs === "string" ? [{ text: runs }] : runs,
  align: "justify",
  indent,
});
const bullet = (runs: Run[] | string): Block => ({ kind: "bullet", runs: typeof runs === "string" ? [{ text: runs }] : runs });
const lowerFirst = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/** "KẾ HOẠCH … NĂM 2023" as a sentence: only the first letter kept capital when the title is all capitals. */
function sentence(title: string): string {
  const t = title.trim();
  return t !== "" && t === t.toUpperCase() ? t.charAt(0) + t.slice(1).toLowerCase() : t;
}

/** "UBND tỉnh Bắc Giang" from the issuer's full name: how a citation names a body. */
function shortBody(name: string): string {
  return name.trim().replace(/^(?:ủy|uỷ) ban nhân dân/iu, "UBND");
}

/** How the body names the issuer in a sentence: "Ủy ban nhân dân tỉnh Bắc Giang", "Sở Tài chính" (capitals kept). */
function issuerInSentence(issuer: string): string {
  const t = issuer.trim();
  if (t === t.toUpperCase()) return t.charAt(0) + t.slice(1).toLowerCase();
  return t;
}

/**
 * The plan as cited: "Kế hoạch số 125/KH-UBND ngày 14/3/2025 của UBND tỉnh Bắc Giang",
 * or "Kế hoạch <title>" when the plan's number is unknown.
 */
function planCitation(context: ReportContext): { cite: string; about: string | null } {
  const title = sentence(context.plan.title).replace(/^kế hoạch\s*/iu, "");
  const about = title === "" ? null : lowerFirst(title);
  const issuer = context.plan.issuer ?? (context.province ? `UBND tỉnh ${context.province}` : null);
  const date = context.plan.date ? (/^tháng/u.test(context.plan.date) ? ` ${context.plan.date}` : ` ngày ${context.plan.date}`) : "";
  if (context.plan.number) return { cite: `Kế hoạch số ${context.plan.number}${date}${issuer ? ` của ${issuer}` : ""}`, about };
  return { cite: about ? `Kế hoạch ${about}` : "Kế hoạch", about: null };
}

/** The period in the subject, unless the plan's title already ends with it ("… năm 2023" reporting "Năm 2023"). */
function periodPhrase(lowerLabel: string, text: string): string {
  return text.toLowerCase().replace(/[\s.)]+$/u, "").endsWith(lowerLabel.toLowerCase()) ? "" : ` ${lowerLabel}`;
}

/** A task in a list: its first sentence, at most about 160 characters (the full text is in the workbook). */
function taskGist(text: string): string {
  const first = text.split(/(?<=[.;])\s/u)[0] ?? text;
  const t = first.replace(/[.;:…]+\s*$/u, "");
  return t.length <= 160 ? t : `${t.slice(0, 157).replace(/\s+\S*$/u, "")}…`;
}

function share(n: number, total: number): string {
  return total === 0 ? "" : percentText((n / total) * 100);
}

/** "≥ 92 %": a target with its unit. */
function withUnit(text: string, row: StatusRow): string {
  const unit = unitOf(row);
  if (text === "") return "";
  return unit ? `${text}${unit === "%" ? "" : " "}${unit}` : text;
}

function resultsBlocks(rows: StatusRow[], label: string): Block[] {
  const counts = countByStatus(rows);
  const judged = rows.filter((r) => r.status !== "none");
  const total = judged.length;
  const good = counts.exceeded + counts.met;
  const present = STATUS_ORDER.filter((k) => counts[k] > 0);
  const phrases = present.filter((k) => k !== "none").map((k) => `${counts[k]} chỉ tiêu ${statusWord(k).toLowerCase()}`);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "I. KẾT QUẢ ĐẠT ĐƯỢC" },
    { kind: "heading", level: 2, text: "1. Kết quả chung" },
    p(
      total === 0
        ? `Kế hoạch có ${rows.length} chỉ tiêu; chưa có chỉ tiêu nào có mục tiêu bằng số để đánh giá.`
        : `Kế hoạch có ${rows.length} chỉ tiêu${counts.none > 0 ? ` (${total} chỉ tiêu có mục tiêu bằng số để đánh giá)` : ""}. Kết quả ${lowerFirst(label)}: đạt và vượt ${good}/${total} chỉ tiêu (${share(good, total)}); trong đó ${listWords(phrases)}.`,
    ),
    {
      kind: "table",
      columns: [
        { header: "Kết quả đánh giá", width: 56, align: "left" },
        { header: "Số chỉ tiêu", width: 22, align: "center" },
        { header: "Tỷ lệ", width: 22, align: "center" },
      ],
      rows: [...present.filter((k) => k !== "none").map((k) => [statusWord(k), String(counts[k]), share(counts[k], total)]), ["Tổng số", String(total), total === 0 ? "" : "100%"]],
    },
  ];
  if (total > 0) blocks.push({ kind: "chart", chart: statusChart(judged, label) });
  const listed = (key: ReportStatusKey, heading: string): void => {
    const these = rows.filter((r) => r.status === key);
    if (these.length === 0) return;
    blocks.push(p([{ text: `${heading} (${these.length} chỉ tiêu):`, italic: true }]));
    for (const r of these) {
      const facts = [r.result !== null ? `thực hiện ${withUnit(value(r.result, r), r)}` : null, targetText(r) ? `kế hoạch ${withUnit(targetText(r), r)}` : null, r.percentOfPlan !== null ? `đạt ${percentText(r.percentOfPlan)} kế hoạch` : null].filter((x): x is string => x !== null);
      blocks.push(bullet(`${r.name}: ${facts.join("; ")}.`));
    }
  };
  listed("exceeded", "Các chỉ tiêu vượt kế hoạch");
  listed("met", "Các chỉ tiêu đạt kế hoạch");
  listed("onTrack", "Các chỉ tiêu đúng tiến độ");
  blocks.push(...agencyBlocks(rows, label));
  return blocks;
}

function agencyBlocks(rows: StatusRow[], label: string): Block[] {
  const judged = rows.filter((r) => r.status !== "none");
  const agencies = countByAgency(judged, NO_LEAD);
  const keys = STATUS_ORDER.filter((k) => agencies.some((a) => a.counts[k] > 0));
  const statusWidth = keys.length ? Math.floor(54 / keys.length) : 0;
  if (agencies.length === 0) return [];
  return [
    { kind: "heading", level: 2, text: "2. Kết quả theo đơn vị chủ trì" },
    {
      kind: "table",
      columns: [
        { header: "Đơn vị chủ trì", width: 100 - 12 - statusWidth * keys.length, align: "left" },
        { header: "Số chỉ tiêu", width: 12, align: "center" },
        ...keys.map((k) => ({ header: statusWord(k), width: statusWidth, align: "center" as const })),
      ],
      rows: agencies.map((a) => [a.agency, String(a.total), ...keys.map((k) => String(a.counts[k]))]),
    },
    { kind: "chart", chart: agencyChart(agencies, label) },
  ];
}

function concernBlocks(rows: StatusRow[], explanations: Record<string, string>, lowerLabel: string): Block[] {
  const concerns = rows.filter((r) => CONCERNS.includes(r.status));
  const noData = rows.filter((r) => r.status === "noData");
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "II. HẠN CHẾ, TỒN TẠI VÀ NGUYÊN NHÂN" }];
  if (concerns.length === 0) blocks.push(p(`Không có chỉ tiêu nào không đạt hoặc có nguy cơ không đạt ${lowerLabel}.`));
  else {
    const missed = concerns.filter((r) => r.status === "missed").length;
    const atRisk = concerns.length - missed;
    const parts = [missed > 0 ? `${missed} chỉ tiêu không đạt` : null, atRisk > 0 ? `${atRisk} chỉ tiêu có nguy cơ không đạt` : null].filter((x): x is string => x !== null);
    blocks.push(p(`Có ${listWords(parts)} kế hoạch, cụ thể:`));
    concerns.forEach((r, i) => {
      const facts = [
        targetText(r) ? `kế hoạch ${withUnit(targetText(r), r)}` : null,
        r.result !== null ? `thực hiện ${withUnit(value(r.result, r), r)}` : null,
        r.status === "atRisk" && r.expected !== null ? `mức cần đạt theo tiến độ ${withUnit(value(r.expected, r), r)}` : null,
        r.percentOfPlan !== null ? `đạt ${percentText(r.percentOfPlan)} kế hoạch` : null,
      ].filter((x): x is string => x !== null);
      const explanation = explanations[r.key]?.trim() || r.restatedAs?.map((x) => explanations[x.key]?.trim()).find((x) => !!x);
      blocks.push(p([{ text: `${i + 1}. ${r.name} ` }, { text: `(${statusWord(r.status).toLowerCase()})`, bold: true }, { text: facts.length ? `: ${facts.join("; ")}.` : "." }]));
      blocks.push(p([{ text: "Đơn vị chủ trì: ", italic: true }, { text: r.lead.length ? `${r.lead.join("; ")}.` : `${NO_LEAD}.` }]));
      blocks.push(p([{ text: "Giải trình của đơn vị: ", italic: true }, { text: explanation ? explanation : "đơn vị chưa gửi giải trình." }]));
    });
  }
  if (noData.length > 0) {
    blocks.push(p(`${noData.length} chỉ tiêu chưa có số liệu ${lowerLabel}:`));
    for (const a of countByAgency(noData, NO_LEAD)) {
      const names = noData.filter((r) => (r.lead.length ? r.lead : [NO_LEAD]).includes(a.agency)).map((r) => r.stt ?? r.name);
      blocks.push(bullet(`${a.agency}: ${a.total} chỉ tiêu (STT ${names.join(", ")}).`));
    }
  }
  return blocks;
}

function taskBlocks(tasks: TaskRow[] | undefined, periodEnd: string, lowerLabel: string): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "III. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ" }];
  if (!tasks || tasks.length === 0) {
    blocks.push(p("Kế hoạch không giao nhiệm vụ riêng ngoài các chỉ tiêu."));
    return blocks;
  }
  const byStatus = new Map<string, number>();
  for (const t of tasks) byStatus.set(t.status ?? "Chưa báo cáo", (byStatus.get(t.status ?? "Chưa báo cáo") ?? 0) + 1);
  const overdue = tasks.filter((t) => t.due !== null && t.due < periodEnd && !DONE_TASK.test(t.status ?? ""));
  const reported = tasks.filter((t) => t.status !== null).length;
  blocks.push(
    p(
      `Kế hoạch giao ${tasks.length} nhiệm vụ; các đơn vị đã báo cáo tình trạng ${reported}/${tasks.length} nhiệm vụ ${lowerLabel}: ${listWords([...byStatus.entries()].map(([s, n]) => `${lowerFirst(s)} ${n}`))}.`,
    ),
  );
  if (overdue.length === 0) blocks.push(p("Không có nhiệm vụ nào quá thời hạn mà chưa hoàn thành."));
  else {
    blocks.push(p(`${overdue.length} nhiệm vụ đã quá thời hạn mà chưa hoàn thành:`));
    for (const t of overdue) {
      blocks.push(bullet(`${taskGist(t.text)} (chủ trì: ${t.lead.length ? t.lead.join("; ") : NO_LEAD}; thời hạn: ${t.deadline ?? ""}; tình trạng: ${lowerFirst(t.status ?? "chưa báo cáo")}${t.note ? `; ${t.note}` : ""}).`));
    }
  }
  return blocks;
}

function returnsBlocks(returns: ReportContext["returns"]): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "IV. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ" }];
  if (returns === null) {
    blocks.push(p("Sổ theo dõi chưa ghi nhận báo cáo nào của các đơn vị cho kỳ này (sheet “Tiến độ nộp báo cáo”)."));
    return blocks;
  }
  const total = returns.returned.length + returns.pending.length;
  if (returns.pending.length === 0) blocks.push(p(`Tất cả ${total} đơn vị đã gửi báo cáo: ${listWords(returns.returned)}.`));
  else {
    blocks.push(p(`${returns.returned.length}/${total} đơn vị đã gửi báo cáo${returns.returned.length ? `: ${listWords(returns.returned)}` : ""}.`));
    blocks.push(p(`${returns.pending.length} đơn vị chưa gửi báo cáo:`));
    for (const a of returns.pending) blocks.push(bullet(a));
  }
  return blocks;
}

const EMPHASIS: Partial<Record<ReportStatusKey, "missed" | "atRisk" | "met">> = { missed: "missed", atRisk: "atRisk", met: "met", exceeded: "met", onTrack: "met" };

/** A 6- or 9-month report adds the full-year estimate ("Ước cả năm"). */
function partYear(periodId: string): boolean {
  return /-(?:H1|6M|9M|Q[1-3])$/u.test(periodId);
}

/** "Ước cả năm": the number, or the estimate the status table gives with its outlook. */
function fullYear(r: StatusRow): string {
  const f = r.fullYearEstimate;
  if (f === null || f === undefined) return "";
  return typeof f === "number" ? value(f, r) : value(f.value, r);
}

/** The appendix table real reports use: plan, same period last year, this period, both ratios, verdict. */
function appendixTable(rows: StatusRow[], periodId: string): TableBlock {
  const full = partYear(periodId);
  const columns: TableBlock["columns"] = [
    { header: "STT", width: 5, align: "center" },
    { header: "Chỉ tiêu", width: full ? 27 : 31, align: "left" },
    { header: "ĐVT", width: 8, align: "center" },
    { header: "Kế hoạch", width: 9, align: "center" },
    { header: "Thực hiện cùng kỳ", width: 9, align: "center" },
    { header: "Thực hiện (ước) kỳ báo cáo", width: 10, align: "center" },
    ...(full ? [{ header: "Ước cả năm", width: 8, align: "center" as const }] : []),
    { header: "So với cùng kỳ (%)", width: 8, align: "center" },
    { header: "So với kế hoạch (%)", width: 8, align: "center" },
    { header: "Đánh giá", width: 12, align: "center" },
  ];
  const body = rows.map((r, i) => {
    const previous = r.previous?.value ?? null;
    const previousMark = r.previous?.nature === "estimate" ? " (ước)" : r.previous?.nature === "preliminary" ? " (sơ bộ)" : "";
    const current = r.result === null ? "" : `${value(r.result, r)}${r.nature === "estimate" ? " (ước)" : r.nature === "preliminary" ? " (sơ bộ)" : ""}`;
    const cross = r.restatedAs?.length ? ` (nhắc lại tại ${listWords(r.restatedAs.map((x) => `${x.appendix.replace(/^PL-/, "Phụ lục ")}${x.stt ? ` STT ${x.stt}` : ""}`))})` : "";
    return [
      r.stt ?? String(i + 1),
      `${r.name}${cross}`,
      unitOf(r) ?? "",
      targetText(r),
      previous === null ? "" : `${value(previous, r)}${previousMark}`,
      current,
      ...(full ? [fullYear(r)] : []),
      // The headers say "(%)": the cells hold the number.
      r.percentOfPrevious === null || r.percentOfPrevious === undefined ? "" : number(r.percentOfPrevious, 1),
      r.percentOfPlan === null ? "" : number(r.percentOfPlan, 1),
      statusWord(r.status),
    ];
  });
  return { kind: "table", columns, rows: body, emphasis: rows.map((r) => EMPHASIS[r.status] ?? null) };
}

function defaultRecipients(context: ReportContext): string[] {
  return context.parentBody === null
    ? ["Thường trực Tỉnh ủy (để b/c);", "Thường trực HĐND tỉnh (để b/c);", "Chủ tịch, các PCT UBND tỉnh;", "Các sở, ban, ngành tỉnh;", "Lưu: VT."]
    : [`${shortBody(context.parentBody)} (để b/c);`, "Các sở, ban, ngành liên quan;", "Lưu: VT."];
}

/** One recipient a line, each ending ";" and the last "." (Mục II.8). */
function punctuated(list: string[]): string[] {
  return list.map((r, i) => {
    const t = r.trim().replace(/[;.,]+$/u, "");
    return `${t}${i === list.length - 1 ? "." : ";"}`;
  });
}

/**
 * @example
 * const doc = buildReport(statusTable(reading, periodOf("2023")), { issuer: "Ủy ban nhân dân tỉnh Bắc Giang", … });
 * doc.subject // ["Kết quả thực hiện Kế hoạch số 125/KH-UBND ngày 14/3/2025", "của UBND tỉnh Bắc Giang năm 2025"]
 */
export function buildReport(tableInput: StatusTable, contextInput: ReportContext): ReportDocument {
  // Misuse (a caller passing something that is not a status table) throws here with zod's message.
  const table = StatusTableSchema.parse(tableInput);
  const context = ReportContextSchema.parse(contextInput);
  const label = table.period.label;
  const lowerLabel = lowerFirst(label);
  const rows = table.indicators;
  const { cite, about } = planCitation(context);
  const issuerName = issuerInSentence(context.issuer);

  const subjectFirst = `Kết quả thực hiện ${cite}`;
  const subjectRest = about ? `về ${about}` : "";
  const tail = periodPhrase(lowerLabel, `${subjectFirst} ${subjectRest}`);
  const subject = [subjectFirst, `${subjectRest}${tail}`.trim()].filter((x) => x !== "");

  const body: Block[] = [
    p(`Thực hiện ${cite}${about ? ` về ${about}` : ""}, ${issuerName} báo cáo kết quả thực hiện ${lowerLabel} như sau:`),
    ...resultsBlocks(rows, label),
    ...concernBlocks(rows, context.explanations, lowerLabel),
    ...taskBlocks(context.tasks, table.period.end, lowerLabel),
    ...returnsBlocks(context.returns),
    p("Chi tiết kết quả thực hiện từng chỉ tiêu tại Phụ lục kèm theo."),
    // "./." closes the text of an administrative document.
    p(`Trên đây là báo cáo kết quả thực hiện ${cite}${periodPhrase(lowerLabel, cite)}./.`),
  ];
  const restated = rows.flatMap((r) => (r.restatedAs ?? []).map((x) => ({ of: r, x })));
  const notes = restated.length
    ? [`Ghi chú: ${restated.length} chỉ tiêu của ${listWords([...new Set(restated.map((r) => r.x.appendix.replace(/^PL-/, "Phụ lục ")))])} nhắc lại chỉ tiêu đã giao tại phụ lục khác; mỗi chỉ tiêu được tính một lần, tại phụ lục giao chỉ tiêu.`]
    : [];
  const number = `Số:        /${context.symbol}`;
  const placeDate = `${context.place ?? GAP}, ${nd30Date(context.date)}`;
  return {
    format: ND30_FORMAT,
    header: {
      parentBody: context.parentBody?.toUpperCase() ?? null,
      issuingBody: splitBody(context.issuer.toUpperCase()),
      number,
      placeDate,
    },
    docType: "BÁO CÁO",
    subject,
    addressee: context.addressee ?? null,
    body,
    appendix: {
      title: ["Phụ lục", "BIỂU KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", label.toUpperCase()],
      attachedTo: `(Kèm theo Báo cáo số        /${context.symbol} ${nd30Date(context.date)} của ${issuerName})`,
      table: appendixTable(rows, table.period.id),
      notes,
    },
    recipients: punctuated(context.recipients && context.recipients.length > 0 ? context.recipients : defaultRecipients(context)),
    signature: context.signature ?? {
      authority: context.parentBody === null ? ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] : ["GIÁM ĐỐC"],
      signer: null,
    },
    properties: { title: `Báo cáo ${subject.join(" ")}`, subject: `${label}: ${number_(rows.length)} chỉ tiêu`, language: "vi-VN" },
  };
}

const number_ = (n: number): string => number(n, 0);

/** "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG" on two lines, the way the header block sets it: body, then the place. */
function splitBody(name: string): string[] {
  const m = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(.+)$/u.exec(name);
  return m && m[1] && m[2] ? [m[1], m[2]] : [name];
}
