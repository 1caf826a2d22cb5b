import fc from "fast-check";
import { buildLayout } from "../layout";
import { agency, indicator, plan, task } from "../layout/_test/plan";
import { interpretSnapshot, layoutSnapshot } from "../workbook";
import { parseAgencies, successorsOn } from "../agency";
import { rewriteAgencyCell, successorEdits } from ".";

const names = (text: string): string[] => parseAgencies(text).map((a) => a.name);

describe("rewriteAgencyCell", () => {
  it("replaces a dissolved agency, written any way, by its successor", () => {
    expect(rewriteAgencyCell("Sở Kế hoạch và Đầu tư", "2026-11-30").text).toBe("Sở Tài chính");
    expect(rewriteAgencyCell("Sở KH&ĐT", "2026-11-30")).toEqual({ text: "Sở Tài chính", changes: [{ from: "Sở KH&ĐT", to: "Sở Tài chính" }], reassign: [] });
    expect(rewriteAgencyCell("Sở Thông tin và Truyền thông – ĐV đầu mối", "2026-11-30").text).toBe("Sở Khoa học và Công nghệ – ĐV đầu mối");
  });

  it("writes a department without 'Sở' inside a 'Các sở: …' list, and never names a successor twice", () => {
    const r = rewriteAgencyCell("Các sở: TN&MT, NN&PTNT, Xây dựng, GTVT", "2026-11-30");
    expect(r.text).toBe("Các sở: Nông nghiệp và Môi trường, Xây dựng");
    expect(names(r.text)).toEqual(["Sở Nông nghiệp và Môi trường", "Sở Xây dựng"]);
    expect(rewriteAgencyCell("Sở Tài chính, Sở Kế hoạch và Đầu tư", "2026-11-30").text).toBe("Sở Tài chính");
    expect(rewriteAgencyCell("Sở Kế hoạch và Đầu tư và Sở Tài chính", "2026-11-30").text).toBe("Sở Tài chính");
  });

  it("leaves a district UBND as written and lists it for the planner to reassign", () => {
    const r = rewriteAgencyCell("Các sở, ngành; UBND huyện, thành phố", "2026-11-30");
    expect(r).toEqual({ text: "Các sở, ngành; UBND huyện, thành phố", changes: [], reassign: ["UBND huyện, thành phố"] });
  });

  it("reads back as today's agencies on seed 002's longest cell", () => {
    const cell = "Các sở, ngành: KH&ĐT, XD, TN&MT,\nLĐTT&XH, Công Thương, NN&PTNT,\nBan QL các KCN, GD&ĐT, GTVT, Y tế,\nKH&CN, VHTT&DL, CA tỉnh, Cục Thuế\ntỉnh, Chi cục HQQL các KCN; UBND\nhuyện, thành phố";
    const r = rewriteAgencyCell(cell, "2026-11-30");
    expect(names(r.text)).toEqual([
      "Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Nội vụ", "Sở Công Thương", "Ban Quản lý các Khu công nghiệp tỉnh",
      "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh", "Thuế tỉnh",
      "Chi cục Hải quan khu vực", "UBND cấp huyện",
    ]);
    expect(r.reassign).toEqual(["UBND huyện, thành phố"]);
  });

  it("changes nothing before the reorganisation", () => {
    expect(rewriteAgencyCell("Sở Kế hoạch và Đầu tư", "2024-12-31").changes).toEqual([]);
  });
});

describe("successorEdits", () => {
  const p = plan([
    indicator("1", { lead: [agency("Sở Kế hoạch và Đầu tư")], coordinating: [agency("Sở Tư pháp")], tasks: [task("Rà soát", { lead: [agency("UBND cấp huyện", "group")], coordinating: [agency("Sở Thông tin và Truyền thông")] })] }),
    indicator("2", { lead: [agency("Sở Tư pháp")], coordinating: [] }),
  ]);
  const reading = interpretSnapshot(layoutSnapshot(buildLayout(p, { lang: "vi" })));

  it("lists the cells to rewrite with sheet, address, before and after, and the district cells apart", () => {
    const r = successorEdits(reading, "2026-11-30");
    expect(r.edits.map((e) => [e.sheet, e.cell, e.field, e.before, e.after])).toEqual([
      ["Chỉ tiêu", "P2", "lead", "Sở Kế hoạch và Đầu tư", "Sở Tài chính"],
      ["Nhiệm vụ", expect.stringMatching(/^[A-Z]+2$/), "coordinating", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"],
    ]);
    expect(r.reassign).toEqual([expect.objectContaining({ sheet: "Nhiệm vụ", names: ["UBND cấp huyện"] })]);
  });

  it("has nothing to rewrite as of a day before the change", () => {
    expect(successorEdits(reading, "2023-12-31")).toEqual({ edits: [], reassign: [] });
  });
});

describe("rewriteAgencyCell, for any list of agencies", () => {
  // Names as plans write them: full names, abbreviations, catch-all groups; joined by the separators plans use.
  const written = [
    "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "Sở Tài chính", "Sở Thông tin và Truyền thông", "Sở TT&TT", "Sở Khoa học và Công nghệ",
    "Sở Giao thông vận tải", "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở NN&PTNT", "Sở Tư pháp", "Sở Y tế", "Cục Thuế tỉnh",
    "Cục Thống kê tỉnh", "Công an tỉnh", "Các sở, ngành", "UBND huyện, thành phố",
  ];

  it("reads back as today's agencies of what it was given, each once, in order, with district UBNDs kept", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...written), { minLength: 1, maxLength: 6 }), fc.constantFrom("; ", ", ", " và "), (picked, sep) => {
        // "và" and "," inside group names would change how a list reads; keep groups behind ";".
        const cell = picked.map((n, i) => (i > 0 && /^(Các|UBND)/.test(n) ? `; ${n}` : i > 0 ? `${sep}${n}` : n)).join("");
        const before = parseAgencies(cell);
        const expected: string[] = [];
        for (const a of before) {
          const s = successorsOn(a, "2026-11-30");
          const now = s.status === "replaced" ? s.successors.map((x) => x.name) : [a.name];
          for (const n of now) if (!expected.includes(n)) expected.push(n);
        }
        const after = [...new Set(names(rewriteAgencyCell(cell, "2026-11-30").text))];
        expect(after).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
