import { returnsForReport } from "./returns";
import type { WorkbookSnapshot } from "../workbook";

const HISTORY_HEADERS = ["Kỳ", "Đơn vị", "Mã", "Chỉ tiêu / nhiệm vụ", "Giá trị", "Giải trình / ghi chú", "Tình trạng", "Tệp", "Phiên bản biểu mẫu", "Thời điểm thu", "Loại", "Mã kỳ", "Khóa"];
const h = (agency: string, note: string | null, state: string, collected: string, key = "PL1:3.1", period = "2023"): Array<string | null> =>
  ["Năm 2023", agency, "3.1", "Tiếp cận tài liệu quy hoạch", "2,4", note, state, "so-xay-dung.xlsx", "1", collected, "Chỉ tiêu", period, key];

const snapshot = (withProgress: boolean): WorkbookSnapshot => ({
  sheetNames: ["Chỉ tiêu", "Nguồn số liệu", "Tiến độ nộp báo cáo"],
  tables: [
    {
      sheet: "Nguồn số liệu", name: "NguonSoLieu", anchor: "A2", headers: HISTORY_HEADERS,
      rows: [
        h("Sở Xây dựng", "Bản cũ", "Đã thay thế", "2024-01-02T08:00:00Z"),
        h("Sở Xây dựng", "Cổng quy hoạch bảo trì hai tháng.", "Đang dùng", "2024-01-05T08:00:00Z"),
        h("Sở Xây dựng", "Kỳ khác", "Đang dùng", "2024-01-06T08:00:00Z", "PL1:3.1", "2023-H1"),
        h("Sở Tư pháp", null, "Đang dùng", "2024-01-05T08:00:00Z", "PL1:3.2"),
      ],
    },
    ...(withProgress
      ? [{
          sheet: "Tiến độ nộp báo cáo", name: "TienDoNopBaoCao", anchor: "A2",
          headers: ["Kỳ", "Đơn vị", "Số chỉ tiêu", "Số nhiệm vụ", "Đã nộp", "Thời điểm nộp", "Tệp", "Mã kỳ"],
          rows: [
            ["Năm 2023", "Sở Xây dựng", 2, 0, "Đã nộp", "2024-01-05", "a.xlsx", "2023"],
            ["Năm 2023", "Sở Tư pháp", 1, 0, "Chưa nộp", null, null, "2023"],
            ["6 tháng đầu năm 2023", "Sở Nội vụ", 1, 0, "Chưa nộp", null, null, "2023-H1"],
          ],
        }]
      : []),
  ],
});

describe("returnsForReport", () => {
  it("takes each indicator's latest standing explanation of the period, and who has and has not returned the form", () => {
    const r = returnsForReport(snapshot(true), "2023");
    expect(r.explanations).toEqual({ "PL1:3.1": "Cổng quy hoạch bảo trì hai tháng." });
    expect(r.returns).toEqual({ pending: ["Sở Tư pháp"], returned: ["Sở Xây dựng"] });
  });

  it("gives no returns (null) for a workbook or a period without the progress table's rows", () => {
    expect(returnsForReport(snapshot(false), "2023").returns).toBeNull();
    expect(returnsForReport(snapshot(true), "2024").returns).toBeNull();
    expect(returnsForReport({ sheetNames: [], tables: [] }, "2023")).toEqual({ explanations: {}, returns: null });
  });
});
