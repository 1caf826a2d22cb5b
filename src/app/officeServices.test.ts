import type { ColumnDetection } from "../core/highlight";
import type { HighlightTarget } from "../excel/highlight";
import { toChoices, toProbe, todayIso } from "./officeServices";

const detection = (ready: boolean): ColumnDetection => ({
  mapping: {
    target: { index: 1, header: "Chỉ tiêu KH 2025", score: 0.9 },
    result: ready ? { index: 2, header: "Thực hiện", score: 0.9 } : null,
    result6m: null,
    operator: null,
    lead: { index: 3, header: "Cơ quan", score: 0.6 },
    baseline: null,
    direction: null,
    status: null,
  },
  confidence: ready ? 0.9 : 0,
  needsConfirmation: ready ? [] : ["result"],
  ready,
});

describe("office services glue", () => {
  it("gives the checks today's date in the user's own calendar day", () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 59))).toBe("2025-01-05");
  });

  it("shows a user's table with its header row in the address and the detected header per role", () => {
    const target: HighlightTarget = {
      kind: "userTable",
      sheet: "Theo dõi",
      table: "Bang1",
      headers: ["Nội dung", "Chỉ tiêu KH 2025", "Thực hiện", "Cơ quan"],
      body: { row: 2, col: 1, rows: 3, cols: 4 },
      rows: [],
      detection: detection(false),
      statusColumn: null,
    };
    expect(toProbe(target)).toEqual({
      kind: "userTable",
      sheet: "Theo dõi",
      address: "B2:E5",
      headers: target.headers,
      mapping: { target: "Chỉ tiêu KH 2025", result: null, operator: null, lead: "Cơ quan" },
      confident: false,
    });
  });

  it("passes every role the user saw back as a choice, cleared ones as null", () => {
    expect(toChoices({ target: "A", result: "B", operator: null, lead: null })).toEqual({ target: "A", result: "B", operator: null, lead: null });
    expect(toProbe({ kind: "none", sheet: "Sheet1" })).toEqual({ kind: "none" });
  });
});
