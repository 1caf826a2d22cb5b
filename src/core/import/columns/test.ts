import { recognizeColumns, splitHeaderCells } from ".";

const roles = (header: string[][]) => recognizeColumns(header).map((c) => (c.year ? `${c.role}:${c.year}` : c.role));

describe("recognizeColumns", () => {
  it("reads seed 000's header, telling the unit 'Đơn vị' from the lead 'Cơ quan chủ trì'", () => {
    expect(roles([["STT", "Chỉ tiêu", "Đơn \n vị", "Chỉ tiêu \n năm 2025", "Cơ quan chủ trì thực \n hiện"]])).toEqual(["stt", "name", "unit", "target:2025", "lead"]);
  });

  it("reads 'Đơn vị chủ trì' as the lead and 'Đơn vị tính' as the unit", () => {
    expect(roles([["Đơn vị chủ trì", "Đơn vị tính", "Đơn vị phối hợp", "Đơn vị"]])).toEqual(["lead", "unit", "coordinating", "unit"]);
  });

  it("takes the year of baseline, rank and target headers, words split over lines", () => {
    expect(roles([["Điểm \n 2022", "Xếp \n hạng \n 2022", "Mục tiêu 2023", "Mức \n điểm \n số \n năm \n 2023", "Mục tiêu phấn đấu năm 2024"]])).toEqual([
      "baseline:2022", "rank:2022", "target:2023", "baseline:2023", "target:2024",
    ]);
  });

  it("ignores case and diacritics", () => {
    expect(roles([["stt", "CHỈ SỐ THÀNH PHẦN", "Don vi tinh", "THỜI GIAN THỰC HIỆN"]])).toEqual(["stt", "name", "unit", "deadline"]);
  });

  it("makes 'Nhiệm vụ, giải pháp …' the name when no name column precedes it, and the tasks column otherwise", () => {
    expect(roles([["STT", "Nhiệm vụ, giải pháp cải thiện các chỉ số thành phần"]])).toEqual(["stt", "name"]);
    expect(roles([["STT", "Chỉ tiêu", "Nhiệm vụ, giải pháp trọng tâm"]])).toEqual(["stt", "name", "tasks"]);
  });

  it("reads two header rows with a target spanning an operator and a value sub-column", () => {
    const header = [
      ["STT", "Chỉ số thành phần", "Mục tiêu 2023", "Mục tiêu 2023", "Đơn vị chủ trì"],
      ["STT", "Chỉ số thành phần", "Toán tử", "Giá trị", "Đơn vị chủ trì"],
    ];
    expect(roles(header)).toEqual(["stt", "name", "target:2023", "target:2023", "lead"]);
    expect(recognizeColumns(header)[2]?.header).toBe("Mục tiêu 2023 Toán tử");
  });

  it("keeps a column it cannot place as unknown, with its header text", () => {
    const cols = recognizeColumns([["STT", "Ghi chú"]]);
    expect(cols[1]).toEqual({ role: "unknown", year: null, header: "Ghi chú" });
  });

  it("throws when called without header rows", () => {
    expect(() => recognizeColumns(undefined as unknown as string[][])).toThrow(TypeError);
  });
});

describe("splitHeaderCells", () => {
  it("splits seed 000's header block into five cells", () => {
    expect(splitHeaderCells(["STT Chỉ tiêu", "Đơn", "vị", "Chỉ tiêu", "năm 2025", "Cơ quan chủ trì thực", "hiện"])).toEqual([
      "STT", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2025", "Cơ quan chủ trì thực hiện",
    ]);
  });

  it("keeps 'của Chỉ số …' inside the name header of seed 004", () => {
    const cells = splitHeaderCells(["STT", "Nhiệm vụ, giải pháp cải thiện, nâng cao", "các chỉ số thành phần của Chỉ số đổi mới sáng tạo", "cấp địa phương (PII)", "Mức", "điểm", "số", "năm", "2023"]);
    expect(cells).toEqual(["STT", "Nhiệm vụ, giải pháp cải thiện, nâng cao các chỉ số thành phần của Chỉ số đổi mới sáng tạo cấp địa phương (PII)", "Mức điểm số năm 2023"]);
  });

  it("splits several cells written on one line", () => {
    expect(splitHeaderCells(["Mục tiêu 2023 Đơn vị chủ trì Đơn vị phối hợp"])).toEqual(["Mục tiêu 2023", "Đơn vị chủ trì", "Đơn vị phối hợp"]);
    expect(splitHeaderCells(["STT Chỉ tiêu Nhiệm vụ, giải pháp trọng tâm", "Cơ quan chủ", "trì thực hiện"])).toEqual(["STT", "Chỉ tiêu", "Nhiệm vụ, giải pháp trọng tâm", "Cơ quan chủ trì thực hiện"]);
  });
});

describe("history columns", () => {
  it("reads the annual plan's two-row header: Thực hiện 2024 | Năm 2025 over Kế hoạch, Ước thực hiện | So sánh (%) | Kế hoạch năm 2026", () => {
    const cols = recognizeColumns([
      ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Năm 2025", "Năm 2025", "So sánh (%)", "Kế hoạch năm 2026", "Cơ quan chủ trì"],
      ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Kế hoạch", "Ước thực hiện", "So sánh (%)", "Kế hoạch năm 2026", "Cơ quan chủ trì"],
    ]);
    expect(cols.map((c) => c.role)).toEqual(["stt", "name", "unit", "history", "history", "history", "compare", "target", "lead"]);
    expect(cols.slice(3, 7).map((c) => c.figure)).toEqual([
      { kind: "actual", from: 2024, to: 2024 },
      { kind: "plan", from: 2025, to: 2025 },
      { kind: "estimate", from: 2025, to: 2025 },
      { kind: "compare", from: null, to: null },
    ]);
  });

  it("keeps the latest of several Kế hoạch columns as the target and the earlier one as history", () => {
    const cols = recognizeColumns([["TT", "Chỉ tiêu", "Kế hoạch năm 2025", "Ước thực hiện năm 2025", "Kế hoạch năm 2026"]]);
    expect(cols.map((c) => c.role)).toEqual(["stt", "name", "history", "history", "target"]);
    expect(cols[2]?.figure).toEqual({ kind: "plan", from: 2025, to: 2025 });
  });

  it("reads a plan period's result and 'Tăng, giảm (%)'", () => {
    const cols = recognizeColumns([["TT", "Chỉ tiêu", "Thực hiện giai đoạn 2021-2025", "Ước thực hiện năm 2025", "Tăng, giảm (%)", "Mục tiêu giai đoạn 2026 - 2030"]]);
    expect(cols.map((c) => c.figure ?? c.role)).toEqual(["stt", "name", { kind: "actual", from: 2021, to: 2025 }, { kind: "estimate", from: 2025, to: 2025 }, { kind: "compare", from: null, to: null }, "target"]);
  });

  it("leaves a lone score column of an earlier year as the baseline ('Điểm 2022')", () => {
    expect(recognizeColumns([["STT", "Chỉ số", "Điểm 2022", "Mục tiêu 2023"]]).map((c) => c.role)).toEqual(["stt", "name", "baseline", "target"]);
  });
});

describe("splitHeaderCells with a two-row header copied as text", () => {
  it("puts the second row's sub-headers under their group ('Năm 2025' over 'Kế hoạch', 'Ước thực hiện')", () => {
    const lines = ["TT Chỉ tiêu Đơn vị tính", "Thực hiện năm", "2024", "Năm 2025 So sánh (%)", "Kế hoạch năm", "2026", "Cơ quan chủ trì", "Kế", "hoạch", "Ước thực hiện"];
    expect(splitHeaderCells(lines)).toEqual([
      "TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Năm 2025 Kế hoạch", "Năm 2025 Ước thực hiện", "So sánh (%)", "Kế hoạch năm 2026", "Cơ quan chủ trì",
    ]);
  });
});
