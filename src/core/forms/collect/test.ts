import { fixturePlan, fixtureSource, formSnapshot, typeInto } from "../_test/fixture";
import type { FormSource } from "../source";
import { formRecipients } from "../recipients";
import { readReturn } from "../returns";
import type { WorkbookSnapshot } from "../../workbook";
import { collectForms, historySheet, openConflicts, readHistory, RECORD_STATE, resolveConflict } from ".";
import type { CellWrite, CollectOutcome, CollectState, HistoryRecord } from ".";

const NOW = "2024-07-05T09:00:00.000Z";
const LATER = "2024-07-08T09:00:00.000Z";

function stateOf(source: FormSource, history: HistoryRecord[] = []): CollectState {
  return { source, history, recipientsFor: () => formRecipients(source) };
}

/** The workbook after an outcome: writes applied to the grid and task statuses, history replaced. */
function applied(state: CollectState, writes: CellWrite[], history: HistoryRecord[]): CollectState {
  const results = structuredClone(state.source.results);
  const tasks = state.source.tasks.map((t) => ({ ...t }));
  for (const w of writes) {
    if (w.target === "periodResult") results[w.key] = { ...(results[w.key] ?? {}), [w.periodId]: w.value };
    else { const t = tasks.find((x) => x.key === w.key); if (t) t.status = w.value; }
  }
  return stateOf({ ...state.source, results, tasks }, history);
}
const after = (state: CollectState, o: CollectOutcome): CollectState => applied(state, o.writes, o.history);
const collect = (state: CollectState, files: Array<[string, WorkbookSnapshot]>, now = NOW): CollectOutcome =>
  collectForms(state, files.map(([file, s]) => ({ file, read: readReturn(s) })), now);

describe("collectForms", () => {
  const source = fixtureSource();
  const blankForm = formSnapshot(source, "Sở Tư pháp");
  const taskKey = source.tasks.find((t) => t.indicatorKey === "1.1")?.key ?? "";

  it("takes numbers into the period grid, reading percents as the main workbook does", () => {
    let f = typeInto(blankForm, "1.1", "Kết quả kỳ này", "91,5%");
    f = typeInto(f, "1.5", "Kết quả kỳ này", 7);
    f = typeInto(f, taskKey, "Trạng thái", "Đã hoàn thành");
    const o = collect(stateOf(source), [["tu-phap.xlsx", f]]);
    expect(o.writes).toEqual([
      { target: "periodResult", key: "1.1", periodId: "2024-H1", value: 0.915 },
      { target: "periodResult", key: "1.5", periodId: "2024-H1", value: 7 },
      { target: "taskStatus", key: taskKey, value: "Hoàn thành" },
    ]);
    expect(o.accepted).toEqual([{ file: "tu-phap.xlsx", agency: "Sở Tư pháp", period: "2024-H1", values: { "1.1": 0.915, "1.5": 7, [taskKey]: "Hoàn thành" } }]);
    expect(o.rejected).toEqual([]);
    expect(o.history.filter((r) => r.state === RECORD_STATE.used)).toHaveLength(3);
    expect(o.history.find((r) => r.kind === "form")).toMatchObject({ agency: "Sở Tư pháp", file: "tu-phap.xlsx", collected: NOW, formVersion: expect.stringMatching(/^1 · /) });
  });

  it.each(["khoảng 20", "đạt", "#N/A"])("rejects the row holding %p and takes the rest of the form", (text) => {
    let f = typeInto(blankForm, "1.1", "Kết quả kỳ này", text);
    f = typeInto(f, "1.5", "Kết quả kỳ này", 7);
    const o = collect(stateOf(source), [["tu-phap.xlsx", f]]);
    expect(o.rowsRejected).toEqual([expect.objectContaining({ file: "tu-phap.xlsx", code: "form.notNumber", key: "1.1", value: text })]);
    expect(o.rowsRejected[0]?.message).toContain(`"${text}" không phải là một số`);
    expect(o.writes).toEqual([{ target: "periodResult", key: "1.5", periodId: "2024-H1", value: 7 }]);
    expect(o.accepted).toHaveLength(1);
  });

  it("changes nothing when the same form is collected twice", () => {
    const f = typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.95);
    const first = collect(stateOf(source), [["a.xlsx", f]]);
    const second = collect(after(stateOf(source), first), [["a (1).xlsx", f]], LATER);
    expect(second.changed).toBe(false);
    expect(second.writes).toEqual([]);
    expect(second.history).toEqual(first.history);
    expect(second.accepted).toHaveLength(1);
  });

  it("replaces an agency's earlier value with its corrected return and keeps the earlier one in the history", () => {
    const s1 = after(stateOf(source), collect(stateOf(source), [["a.xlsx", typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.95)]]));
    const o = collect(s1, [["a-sua.xlsx", typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.93)]], LATER);
    expect(o.writes).toEqual([{ target: "periodResult", key: "1.1", periodId: "2024-H1", value: 0.93 }]);
    expect(o.conflicts).toEqual([]);
    const values = o.history.filter((r) => r.key === "1.1").map((r) => [r.value, r.state]);
    expect(values).toEqual([[0.95, RECORD_STATE.superseded], [0.93, RECORD_STATE.used]]);
  });

  it("keeps a value typed by hand and lists the difference as a conflict, every time until the planner chooses", () => {
    const s1 = after(stateOf(source), collect(stateOf(source), [["a.xlsx", typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.95)]]));
    const handTyped = applied(s1, [{ target: "periodResult", key: "1.1", periodId: "2024-H1", value: 0.9 }], s1.history);
    const form = typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.95);
    const again = collect(handTyped, [["a.xlsx", form]], LATER);
    expect(again.writes).toEqual([]);
    expect(again.conflicts).toEqual([expect.objectContaining({ key: "1.1", code: "1.1", period: "2024-H1", workbook: 0.9, form: 0.95, agency: "Sở Tư pháp", reason: "handTyped" })]);
    const s2 = after(handTyped, again);
    expect(collect(s2, [["a.xlsx", form]], LATER).conflicts).toHaveLength(1);
    expect(openConflicts(s2)).toHaveLength(1);

    const kept = resolveConflict(s2, again.conflicts[0]!, "keep");
    expect(kept.writes).toEqual([]);
    const s3 = applied(s2, [], kept.history);
    expect(openConflicts(s3)).toEqual([]);
    expect(collect(s3, [["a.xlsx", form]], LATER).conflicts).toEqual([]);

    const used = resolveConflict(s2, again.conflicts[0]!, "useForm");
    expect(used.writes).toEqual([{ target: "periodResult", key: "1.1", periodId: "2024-H1", value: 0.95 }]);
  });

  it("updates a task's one status cell from the agency's next round, not as a conflict", () => {
    const s1 = after(stateOf(source), collect(stateOf(source), [["h1.xlsx", typeInto(blankForm, taskKey, "Trạng thái", "Đang thực hiện")]]));
    const yearForm = typeInto(formSnapshot(source, "Sở Tư pháp", "2024"), taskKey, "Trạng thái", "Đã hoàn thành");
    const o = collect(s1, [["nam.xlsx", yearForm]], LATER);
    expect(o.conflicts).toEqual([]);
    expect(o.writes).toEqual([{ target: "taskStatus", key: taskKey, value: "Hoàn thành" }]);
  });

  it("sees a figure from another agency as a conflict, not a correction", () => {
    const s1 = after(stateOf(source), collect(stateOf(source), [["tp.xlsx", typeInto(blankForm, "1.5", "Kết quả kỳ này", 7)]]));
    const yte = typeInto(formSnapshot(source, "Sở Y tế"), "1.5", "Kết quả kỳ này", 8);
    const o = collect(s1, [["yt.xlsx", yte]]);
    expect(o.writes).toEqual([]);
    expect(o.conflicts).toEqual([expect.objectContaining({ key: "1.5", workbook: 7, form: 8, agency: "Sở Y tế", reason: "otherAgency" })]);
  });

  it("rejects whole a form of another plan or of a period the workbook does not have", () => {
    const otherPlan = fixturePlan("Kế hoạch khác");
    const first = otherPlan.appendices[0]?.indicators[0];
    if (first?.target) first.target = { ...first.target, value: 95, raw: "Trên hoặc bằng 95%" };
    const other = fixtureSource({}, otherPlan);
    expect(other.fingerprint).not.toBe(source.fingerprint);
    const foreign = typeInto(formSnapshot(other, "Sở Tư pháp"), "1.1", "Kết quả kỳ này", 0.5);
    const o = collect(stateOf(source), [["khac.xlsx", foreign]]);
    expect(o.rejected).toEqual([expect.objectContaining({ file: "khac.xlsx", code: "form.otherPlan" })]);
    expect(o.changed).toBe(false);
    expect(o.writes).toEqual([]);

    const onePeriod = { ...source, periods: [{ id: "2024", label: "Năm 2024" }] };
    const p = collect(stateOf(onePeriod), [["h1.xlsx", typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.5)]]);
    expect(p.rejected).toEqual([expect.objectContaining({ code: "form.otherPeriod" })]);
    expect(p.changed).toBe(false);
  });

  it("matches rows by key whatever their order, and ignores rows the agency added, with a warning", () => {
    let f = typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.9);
    f = typeInto(f, "1.5", "Kết quả kỳ này", 4);
    const t = f.tables.find((x) => x.name === "BaoCaoChiTieu");
    if (!t) throw new Error("no table");
    t.rows.reverse();
    t.rows.push(["9.9", "Chỉ tiêu tự thêm", null, null, null, 12, null, null]);
    const o = collect(stateOf(source), [["a.xlsx", f]]);
    expect(o.writes).toEqual(expect.arrayContaining([
      { target: "periodResult", key: "1.1", periodId: "2024-H1", value: 0.9 },
      { target: "periodResult", key: "1.5", periodId: "2024-H1", value: 4 },
    ]));
    expect(o.warnings).toEqual([expect.objectContaining({ code: "form.rowAdded" })]);
  });

  it("takes what remains of a form whose rows were deleted, and says so", () => {
    const f = typeInto(blankForm, "1.5", "Kết quả kỳ này", 4);
    const t = f.tables.find((x) => x.name === "BaoCaoChiTieu");
    t?.rows.splice(0, 1);
    const o = collect(stateOf(source), [["a.xlsx", f]]);
    expect(o.writes).toEqual([{ target: "periodResult", key: "1.5", periodId: "2024-H1", value: 4 }]);
    expect(o.warnings).toEqual([expect.objectContaining({ code: "form.rowMissing" })]);
  });

  it("lists as pending every agency that has not returned its form for the period", () => {
    const o = collect(stateOf(source), [["a.xlsx", typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.9)]]);
    expect(o.pending).toEqual(["Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Y tế", expect.stringContaining("Cơ quan tổng hợp")]);
  });

  it("rejects a file that is not a form with a reason", () => {
    const o = collectForms(stateOf(source), [{ file: "x.xlsx", read: readReturn({ sheetNames: ["Sheet1"], tables: [] }) }], NOW);
    expect(o.rejected).toEqual([expect.objectContaining({ code: "notAForm", message: expect.stringContaining("x.xlsx") })]);
  });

  it("summarises a form's repeated warnings in one line after the first five", () => {
    const f = typeInto(blankForm, "1.5", "Kết quả kỳ này", 4);
    const t = f.tables.find((x) => x.name === "BaoCaoChiTieu");
    for (let i = 0; i < 200; i++) t?.rows.push([`9.${i}`, "Dòng tự thêm", null, null, null, i, null, null]);
    const o = collect(stateOf(source), [["a.xlsx", f]]);
    expect(o.warnings).toHaveLength(6);
    expect(o.warnings[5]?.message).toContain("195 lưu ý cùng loại khác");
  });

  it("refuses a form with more rows than any form can have", () => {
    const f = structuredClone(blankForm);
    const t = f.tables.find((x) => x.name === "BaoCaoChiTieu");
    for (let i = 0; i < 6_000; i++) t?.rows.push([null, null, null, null, null, null, null, null]);
    const o = collect(stateOf(source), [["a.xlsx", f]]);
    expect(o.rejected).toEqual([expect.objectContaining({ code: "form.tooManyRows" })]);
  });

  it("reports one agency's two files with different figures as a conflict naming both, and takes neither", () => {
    const o = collect(stateOf(source), [["a.xlsx", typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.95)], ["b.xlsx", typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.9)]]);
    expect(o.writes).toEqual([]);
    expect(o.conflicts).toEqual([
      expect.objectContaining({ key: "1.1", reason: "twoFiles", file: "a.xlsx", otherFile: "b.xlsx", form: 0.95 }),
      expect.objectContaining({ key: "1.1", reason: "twoFiles", file: "b.xlsx", otherFile: "a.xlsx", form: 0.9 }),
    ]);
    // The same figure in both files is simply taken.
    const same = collect(stateOf(source), [["a.xlsx", typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.95)], ["b.xlsx", typeInto(blankForm, "1.1", "Kết quả kỳ này", 0.95)]]);
    expect(same.writes).toEqual([{ target: "periodResult", key: "1.1", periodId: "2024-H1", value: 0.95 }]);
  });

  it("does not take 92 in a percent row and asks whether 92 % was meant", () => {
    const o = collect(stateOf(source), [["a.xlsx", typeInto(blankForm, "1.1", "Kết quả kỳ này", 92)]]);
    expect(o.writes).toEqual([]);
    expect(o.rowsRejected).toEqual([expect.objectContaining({ key: "1.1", code: "form.percentAsNumber", message: expect.stringContaining("bạn muốn nhập 92 %?") })]);
  });
});

describe("signed forms", () => {
  const key = "ab".repeat(32);
  const signed: FormSource = { ...fixtureSource(), signingKey: key };
  const form = formSnapshot(signed, "Sở Tư pháp");
  const field = (s: WorkbookSnapshot, name: string, value: string): WorkbookSnapshot => {
    const copy = structuredClone(s);
    const t = copy.tables.find((x) => x.name === "ThongTinBieuMau");
    for (const r of t?.rows ?? []) if (r[0] === name) r[1] = value;
    return copy;
  };

  it("takes a form signed with the workbook's key", () => {
    const o = collect(stateOf(signed), [["a.xlsx", typeInto(form, "1.5", "Kết quả kỳ này", 4)]]);
    expect(o.rejected).toEqual([]);
    expect(o.writes).toHaveLength(1);
  });

  it.each([["donVi", "Sở Y tế"], ["maKy", "2024"], ["phatHanh", "2024-06-21T08:00:00.000Z"], ["chuKy", ""], ["chuKy", "0".repeat(64)]])("rejects the whole form when %s is changed to %p", (name, value) => {
    const o = collect(stateOf(signed), [["a.xlsx", field(typeInto(form, "1.5", "Kết quả kỳ này", 4), name, value)]]);
    expect(o.rejected).toEqual([expect.objectContaining({ code: "form.signature" })]);
    expect(o.writes).toEqual([]);
  });

  it("rejects a form whose row key was switched to another agency's row", () => {
    const f = structuredClone(typeInto(form, "1.5", "Kết quả kỳ này", 4));
    for (const t of f.tables) for (const r of t.rows) for (const [i, v] of r.entries()) if (v === "1.5") r[i] = "1.2";
    const o = collect(stateOf(signed), [["a.xlsx", f]]);
    expect(o.rejected).toEqual([expect.objectContaining({ code: "form.signature" })]);
  });

  it("never writes the key into the form", () => {
    expect(JSON.stringify(form)).not.toContain(key);
  });

  it("rejects an agency that does not report, in a workbook without a key", () => {
    const unsigned = formSnapshot(fixtureSource(), "Sở Tư pháp");
    const o = collect(stateOf(fixtureSource()), [["a.xlsx", field(typeInto(unsigned, "1.5", "Kết quả kỳ này", 4), "donVi", "Sở Không Có Thật")]]);
    expect(o.rejected).toEqual([expect.objectContaining({ code: "form.unknownAgency" })]);
  });
});

describe("history rows a planner edited", () => {
  const source = fixtureSource();
  const o = collect(stateOf(source), [["a.xlsx", typeInto(typeInto(formSnapshot(source, "Sở Tư pháp"), "1.1", "Kết quả kỳ này", 0.95), "1.5", "Kết quả kỳ này", 4)]]);
  const sheet = historySheet(o.history, new Set(["1.1"]));
  const table = sheet.tables[0]!;
  const edited: WorkbookSnapshot = {
    sheetNames: [sheet.name],
    tables: [{ sheet: sheet.name, name: table.name, anchor: table.anchor, headers: table.columns.map((c) => c.header),
      rows: table.rows.map((r, i) => r.map((v, c) => (i === 0 && table.columns[c]?.key === "state" ? "Đã xác minh" : (v as string | number | null)))) }],
  };

  it("keeps a row whose Tình trạng is not one of ours, and writes it back where it was, ahead of new records", () => {
    const read = readHistory(edited);
    expect(read.records).toHaveLength(o.history.length - 1);
    expect(read.kept).toEqual([expect.objectContaining({ at: 0, cells: expect.objectContaining({ state: "Đã xác minh", value: 0.95 }) })]);
    const next = [...read.records, { ...read.records[0]!, key: "1.2", value: 2 }];
    const again = historySheet(next, new Set(["1.1"]), read.kept).tables[0]!;
    expect(again.rows[0]).toEqual(edited.tables[0]!.rows[0]);
    expect(again.rows.slice(1, table.rows.length)).toEqual(table.rows.slice(1));
    expect(again.rows).toHaveLength(table.rows.length + 1);
  });
});
