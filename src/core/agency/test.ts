import fc from "fast-check";
import type { Agency } from "../model";
import { AgencySchema } from "../model";
import {
  DEFAULT_DIRECTORY,
  agencySpelling,
  directoryRows,
  matchAgency,
  parseAgencies,
  parseAgenciesWithSpelling,
  sameAgency,
  suggestAgency,
  type AgencyDirectory,
} from ".";

const names = (raw: string, dir?: AgencyDirectory): string[] => parseAgencies(raw, dir).map((a) => a.name);
const show = (a: Agency): string => `${a.kind === "agency" ? "" : `${a.kind}:`}${a.name}${a.note ? ` ~ ${a.note}` : ""}`;

describe("parseAgencies", () => {
  it("joins line breaks anywhere in a cell before reading it", () => {
    expect(names("Sở Kế hoạch và\n\nĐầu tư")).toEqual(["Sở Kế hoạch và Đầu tư"]);
    expect(names("Sở Thông tin\r\nvà Truyền\r\nthông")).toEqual(["Sở Thông tin và Truyền thông"]);
  });

  it("distributes 'Các Sở:' over the list and keeps the catch-all after 'và' as a group", () => {
    expect(parseAgencies("Các Sở: TN&MT, XD, Công Thương và UBND huyện, thành phố").map(show)).toEqual([
      "Sở Tài nguyên và Môi trường",
      "Sở Xây dựng",
      "Sở Công Thương",
      "group:UBND cấp huyện",
    ]);
  });

  it("stops distributing a prefix at ';'", () => {
    expect(parseAgencies("Các sở, ngành: Y tế, Nội vụ; UBND huyện, thành phố").map(show)).toEqual([
      "Sở Y tế",
      "Sở Nội vụ",
      "group:UBND cấp huyện",
    ]);
  });

  it("reads 'và' inside a name as part of it and 'và' between names as a separator", () => {
    expect(names("Sở Kế hoạch và Đầu tư và Sở Giáo dục và Đào tạo")).toEqual(["Sở Kế hoạch và Đầu tư", "Sở Giáo dục và Đào tạo"]);
    expect(names("Đài Phát thanh và Truyền hình tỉnh và Báo Bắc Giang")).toEqual(["Đài Phát thanh và Truyền hình tỉnh", "Báo tỉnh"]);
  });

  it("keeps commas inside group names ('Các sở, ngành', 'UBND huyện, thành phố')", () => {
    expect(parseAgencies("Văn phòng UBND tỉnh, các sở, ngành và UBND huyện, thành phố").map(show)).toEqual([
      "Văn phòng UBND tỉnh",
      "group:Các sở, ngành",
      "group:UBND cấp huyện",
    ]);
  });

  it("reads 'LĐTT&XH', 'LĐ-TT&XH' and 'Lao động, Thương binh và Xã hội' as the same department", () => {
    const expected = ["Sở Lao động - Thương binh và Xã hội"];
    for (const raw of ["Các sở: LĐTT&XH", "Các sở: LĐ-TT&XH", "Sở Lao động, Thương binh và Xã hội", "Sở LĐ-TB&XH"]) {
      expect(names(raw)).toEqual(expected);
    }
  });

  it("expands word abbreviations written in capitals ('Ban QL các KCN', 'Chi cục HQQL các KCN', 'CA tỉnh')", () => {
    expect(names("Ban QL các KCN, Chi cục HQQL các KCN, CA tỉnh")).toEqual([
      "Ban Quản lý các Khu công nghiệp tỉnh",
      "Chi cục Hải quan quản lý các Khu công nghiệp",
      "Công an tỉnh",
    ]);
  });

  it("does not expand a lowercase word that happens to spell an abbreviation ('cả tỉnh' is not 'CA tỉnh')", () => {
    expect(parseAgencies("cả tỉnh").map(show)).toEqual(["unknown:cả tỉnh"]);
  });

  it("moves role text after a name into the note: dash, parentheses and trailing verbs", () => {
    expect(parseAgencies("Sở Thông tin và Truyền thông – ĐV đầu mối").map(show)).toEqual(["Sở Thông tin và Truyền thông ~ ĐV đầu mối"]);
    expect(parseAgencies("Sở Thông tin và Truyền thông (đôn đốc, hướng dẫn)").map(show)).toEqual(["Sở Thông tin và Truyền thông ~ đôn đốc, hướng dẫn"]);
    expect(parseAgencies("Sở Kế hoạch và Đầu tư đôn đốc, hướng dẫn và kiểm tra việc thực hiện.").map(show)).toEqual([
      "Sở Kế hoạch và Đầu tư ~ đôn đốc, hướng dẫn và kiểm tra việc thực hiện",
    ]);
  });

  it("keeps the agencies after a parenthesised note", () => {
    expect(parseAgencies("Sở Tư pháp (đầu mối), Sở Nội vụ").map(show)).toEqual(["Sở Tư pháp ~ đầu mối", "Sở Nội vụ"]);
  });

  it("keeps both mentions when two names run together without a separator", () => {
    expect(names("Hiệp hội các doanh nghiệp tỉnh Ban quản lý các khu công nghiệp tỉnh")).toEqual([
      "Hiệp hội doanh nghiệp tỉnh",
      "Ban Quản lý các Khu công nghiệp tỉnh",
    ]);
    expect(names("Sở Tư pháp Sở Tư pháp")).toEqual(["Sở Tư pháp", "Sở Tư pháp"]);
  });

  it("matches province-specific names generically, whatever the province", () => {
    expect(names("Báo Bắc Giang")).toEqual(["Báo tỉnh"]);
    expect(names("Báo Bình Dương, Đài PT-TH Bà Rịa - Vũng Tàu")).toEqual(["Báo tỉnh", "Đài Phát thanh và Truyền hình tỉnh"]);
    expect(names("Ngân hàng Nhà nước chi nhánh Thừa Thiên Huế")).toEqual(["Ngân hàng Nhà nước chi nhánh tỉnh"]);
    expect(names("Sở Y tế tỉnh Đồng Nai")).toEqual(["Sở Y tế"]);
  });

  it("does not read 'Công an huyện' as the provincial police", () => {
    expect(parseAgencies("Công an huyện").map(show)).toEqual(["unknown:Công an huyện"]);
  });

  it("keeps names outside the directory as unknown, with their text, split at separators before a new name", () => {
    expect(parseAgencies("Phòng TM&CN Việt Nam (VCCI), Sở Tư pháp").map(show)).toEqual(["unknown:Phòng TM&CN Việt Nam (VCCI)", "Sở Tư pháp"]);
    expect(parseAgencies("Phòng Văn hóa, Thông tin huyện").map(show)).toEqual(["unknown:Phòng Văn hóa, Thông tin huyện"]);
    expect(parseAgencies("Bộ Khoa học và Công nghệ").map(show)).toEqual(["unknown:Bộ Khoa học và Công nghệ"]);
  });

  it("reads an unknown item under 'Các sở:' as a Sở, since the prefix distributes", () => {
    expect(parseAgencies("Các sở: Kế hoạch Đầu tư, Hàng hải").map(show)).toEqual(["Sở Kế hoạch và Đầu tư", "unknown:Sở Hàng hải"]);
    // Nghị định 45/2025/NĐ-CP's special departments are in the directory.
    expect(parseAgencies("Các sở: Du lịch, Dân tộc và Tôn giáo").map(show)).toEqual(["Sở Du lịch", "Sở Dân tộc và Tôn giáo"]);
  });

  it("reads decomposed (NFD) and old-font text ('ðầu', 'ñơn vị')", () => {
    expect(names("Sở Kế hoạch và Đầu tư".normalize("NFD"))).toEqual(["Sở Kế hoạch và Đầu tư"]);
    expect(names("Sở Kế hoạch và ðầu tư; các ñơn vị liên quan")).toEqual(["Sở Kế hoạch và Đầu tư", "Các cơ quan, đơn vị liên quan"]);
  });

  it("drops outline numbering and a heading's trailing colon", () => {
    expect(names("2.10. Cục Thống kê tỉnh:")).toEqual(["Cục Thống kê tỉnh"]);
    expect(names("a) Sở Y tế:")).toEqual(["Sở Y tế"]);
  });

  it("keeps the text after a heading's colon as the note, never as agencies", () => {
    expect(parseAgencies("b) Sở Y tế: Tiếp tục rà soát, đề xuất").map(show)).toEqual(["Sở Y tế ~ Tiếp tục rà soát, đề xuất"]);
  });

  it("returns nothing for a blank cell", () => {
    expect(parseAgencies("  \n ")).toEqual([]);
    expect(parseAgencies("")).toEqual([]);
  });

  it("uses the directory it is given, not a hard-wired one", () => {
    const dir: AgencyDirectory = {
      ...DEFAULT_DIRECTORY,
      entries: [{ id: "so-hang-hai", name: "Sở Hàng hải", kind: "agency", aliases: [], abbreviations: ["SHH"], short: ["Hàng hải"] }],
      history: [],
    };
    expect(parseAgencies("Các sở: Hàng hải, Y tế", dir).map(show)).toEqual(["Sở Hàng hải", "unknown:Sở Y tế"]);
    expect(names("Sở Hàng hải")).toEqual(["Sở Hàng hải"]);
    expect(parseAgencies("Sở Hàng hải").map((a) => a.kind)).toEqual(["unknown"]);
  });

  it("throws on misuse: a non-string cell or a malformed directory", () => {
    expect(() => parseAgencies(42 as unknown as string)).toThrow(TypeError);
    expect(() => parseAgencies("Sở Y tế", { ...DEFAULT_DIRECTORY, entries: [] })).toThrow(/Invalid agency directory/);
    const dup = DEFAULT_DIRECTORY.entries[0];
    if (!dup) throw new Error("empty directory");
    expect(() => parseAgencies("x", { ...DEFAULT_DIRECTORY, entries: [dup, dup] })).toThrow(/duplicate entry id/);
  });

  it("returns values that satisfy the Agency schema", () => {
    for (const a of parseAgencies("Sở Thông tin và Truyền thông – ĐV đầu mối, các đơn vị liên quan, Phòng X")) {
      expect(AgencySchema.safeParse(a).success).toBe(true);
    }
  });
});

/** Leading outline numbering is structure; the same rule as the parser's, restated. */
const LEADING_MARKER = /^\s*(?:\d+(?:\.\d+)*[.)]?|[a-zđ]\)|[IVX]+\.|[-+•*])(?=\s|\p{Lu}|$)/u;

describe("parseAgencies on arbitrary text", () => {
  const vocabulary = fc.constantFrom(
    "Sở", "Kế hoạch", "và", "Đầu tư", "Các sở", "ngành", ":", ",", ";", "UBND", "huyện", "thành phố", "KH&ĐT", "–",
    "(", ")", "ĐV đầu mối", "đôn đốc", "tỉnh", "Bắc Giang", "Báo", "các đơn vị liên quan", "Phòng", "X", "\n", "Ban QL các KCN",
    "Cục thuế", "chủ trì", "2.1.", "a)", "Hiệp hội DN tỉnh", "Công an", "ñơn vị", "-",
  );
  const cell = fc.oneof(fc.string({ maxLength: 60 }), fc.array(vocabulary, { maxLength: 14 }).map((ws) => ws.join(" ")));

  it("never throws and always returns schema-valid agencies", () => {
    fc.assert(
      fc.property(cell, (raw) => {
        for (const a of parseAgencies(raw)) expect(AgencySchema.safeParse(a).success).toBe(true);
      }),
      { numRuns: 2000, seed: 20250108 },
    );
  });

  it("never loses a word: every word of the input appears in some agency's raw text or note", () => {
    fc.assert(
      fc.property(cell, (raw) => {
        const text = raw.normalize("NFC").replace(LEADING_MARKER, "");
        const kept = parseAgencies(raw).flatMap((a) => [a.raw, a.note ?? ""]).join("\u0000");
        const words = text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
        for (const w of words) {
          if (/^[vV][àa]$/u.test(w)) continue; // "và", a list separator
          expect(kept).toContain(w);
        }
      }),
      { numRuns: 2000, seed: 20250108 },
    );
  });
});

describe("matchAgency", () => {
  it("matches canonical names, aliases and abbreviations exactly", () => {
    expect(matchAgency("Sở Kế hoạch và Đầu tư")).toMatchObject({ entry: { id: "so-khdt" }, exact: true });
    expect(matchAgency("Hiệp hội các doanh nghiệp tỉnh")).toMatchObject({ entry: { id: "hiep-hoi-dn" }, exact: true });
    expect(matchAgency("Hiệp hội DN tỉnh")).toMatchObject({ entry: { id: "hiep-hoi-dn" }, exact: true, form: "Hiệp hội DN tỉnh" });
    expect(matchAgency("KH&ĐT")).toMatchObject({ entry: { id: "so-khdt" }, exact: true });
  });

  it("flags spelling variants of case and diacritics as not exact ('Sở Công thương', 'Cục thuế tỉnh')", () => {
    expect(matchAgency("Sở Công thương")).toMatchObject({ entry: { name: "Sở Công Thương" }, exact: false });
    expect(matchAgency("Cục thuế tỉnh")).toMatchObject({ entry: { name: "Cục Thuế tỉnh" }, exact: false });
    expect(matchAgency("Đài phát thanh và Truyền hình tỉnh")).toMatchObject({ entry: { id: "dai-ptth" }, exact: false });
    expect(matchAgency("Sở Kế hoạch Đầu tư")).toMatchObject({ entry: { id: "so-khdt" }, exact: false });
  });

  it("treats punctuation and old or new tone placement as the same spelling", () => {
    expect(matchAgency("Sở Lao động, Thương binh và Xã hội")).toMatchObject({ exact: true });
    expect(matchAgency("Sở Văn hoá, Thể thao và Du lịch")).toMatchObject({ entry: { id: "so-vhttdl" }, exact: true });
  });

  it("matches a name followed by its province, and groups", () => {
    expect(matchAgency("Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Bắc Giang")).toMatchObject({ entry: { id: "nhnn" }, exact: true });
    expect(matchAgency("UBND các huyện, thị xã, thành phố")).toMatchObject({ entry: { kind: "group", name: "UBND cấp huyện" } });
  });

  it("returns null for a name with extra words or outside the directory", () => {
    expect(matchAgency("Sở Tư pháp chủ trì")).toBeNull();
    expect(matchAgency("Phòng Tài chính - Kế hoạch")).toBeNull();
    expect(matchAgency("")).toBeNull();
  });
});

describe("suggestAgency", () => {
  it("suggests the entry with distance 0 for a case or diacritics variant", () => {
    expect(suggestAgency("Sở Công thương")).toMatchObject({ entry: { name: "Sở Công Thương" }, distance: 0, exact: false });
  });

  it("suggests the nearest entry for a typo, with its edit distance", () => {
    expect(suggestAgency("Sở Kế hạch và Đầu tư")).toMatchObject({ entry: { id: "so-khdt" }, distance: 1, exact: false });
    expect(suggestAgency("Sở Tài nguyen Moi truong")).toMatchObject({ entry: { id: "so-tnmt" }, distance: 0 });
    expect(suggestAgency("Sở Giao thong van tai tỉnh Bắc Giang")).toMatchObject({ entry: { id: "so-gtvt" } });
    expect(suggestAgency("Cuc Thong ke")).toMatchObject({ entry: { id: "cuc-tk" }, distance: 0 });
    expect(suggestAgency("Ban Quan ly cac khu cong nghiep")).toMatchObject({ entry: { id: "bql-kcn" } });
    expect(suggestAgency("Sở Nội vu tinh")).toMatchObject({ entry: { id: "so-nv" } });
  });

  it("suggests nothing when no entry is close", () => {
    expect(suggestAgency("Phòng Thương mại và Công nghiệp Việt Nam")).toBeNull();
    expect(suggestAgency("Công ty Điện lực")).toBeNull();
    expect(suggestAgency("")).toBeNull();
  });

  it("answers repeated questions from its memo with the same result", () => {
    const a = suggestAgency("Sở Kế hạch và Đầu tư");
    expect(suggestAgency("Sở Kế hạch và Đầu tư")).toBe(a);
  });
});

describe("sameAgency", () => {
  it("recognises the same agency written two ways", () => {
    expect(sameAgency("Cục thuế tỉnh", "Cục Thuế tỉnh")).toBe(true);
    expect(sameAgency("Hiệp hội DN tỉnh", "Hiệp hội các doanh nghiệp tỉnh")).toBe(true);
    expect(sameAgency("Ban Quản lý các Khu công nghiệp", "Ban quản lý các khu công nghiệp tỉnh")).toBe(true);
    expect(sameAgency("Báo Bắc Giang", "Báo tỉnh")).toBe(true);
  });

  it("tells different agencies apart", () => {
    expect(sameAgency("Sở Tư pháp", "Sở Nội vụ")).toBe(false);
    expect(sameAgency("UBND cấp huyện", "UBND cấp xã")).toBe(false);
    expect(sameAgency("Phòng A", "Phòng B")).toBe(false);
  });

  it("compares parsed agencies, and unknown names by their words", () => {
    const [a, b] = parseAgencies("Sở Công thương; Sở Công Thương");
    if (!a || !b) throw new Error("expected two agencies");
    expect(sameAgency(a, b)).toBe(true);
    const [x, y] = parseAgencies("Phòng TM&CN; phòng tm&cn");
    if (!x || !y) throw new Error("expected two agencies");
    expect(sameAgency(x, y)).toBe(true);
  });
});

describe("directoryRows", () => {
  it("lists every entry once with its abbreviations and kind, for the Cơ quan sheet", () => {
    const rows = directoryRows();
    expect(rows).toHaveLength(DEFAULT_DIRECTORY.entries.length);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    expect(rows).toContainEqual({ name: "Sở Kế hoạch và Đầu tư", abbreviations: ["KH&ĐT", "Sở KH&ĐT", "SKHĐT"], kind: "agency" });
    expect(rows).toContainEqual({ name: "Các sở, ngành", abbreviations: [], kind: "group" });
  });

  it("lists every department the brief names", () => {
    const rows = new Set(directoryRows().map((r) => r.name));
    for (const n of [
      "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Công Thương",
      "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giáo dục và Đào tạo", "Sở Giao thông vận tải", "Sở Y tế",
      "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ",
      "Sở Tư pháp", "Sở Thông tin và Truyền thông", "Sở Ngoại vụ", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
      "Ban Quản lý các Khu công nghiệp tỉnh", "Công an tỉnh", "Cục Thuế tỉnh", "Cục Hải quan tỉnh",
      "Chi cục Hải quan quản lý các Khu công nghiệp", "Cục Thống kê tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh",
      "Ngân hàng Chính sách xã hội chi nhánh tỉnh", "Hiệp hội doanh nghiệp tỉnh", "Báo tỉnh", "Đài Phát thanh và Truyền hình tỉnh",
      "Trung tâm Phục vụ hành chính công tỉnh", "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", "Tỉnh đoàn", "Hội đồng phối hợp PBGDPL tỉnh",
    ]) {
      expect(rows).toContain(n);
    }
  });

  it("finds each canonical name, alias and abbreviation in the directory as written", () => {
    for (const e of DEFAULT_DIRECTORY.entries) {
      for (const form of [e.name, ...e.aliases, ...e.abbreviations]) {
        expect([form, matchAgency(form)?.entry.id, matchAgency(form)?.exact]).toEqual([form, e.id, true]);
      }
    }
  });
});

describe("parseAgenciesWithSpelling and agencySpelling", () => {
  it("reports how each name was written and whether it is the directory's spelling", () => {
    expect(parseAgenciesWithSpelling("Các Sở: TN&MT, Công thương; Cục thuế tỉnh, Phòng X").map((p) => [p.agency.name, p.written, p.exact])).toEqual([
      ["Sở Tài nguyên và Môi trường", "TN&MT", true],
      ["Sở Công Thương", "Công thương", false],
      ["Cục Thuế tỉnh", "Cục thuế tỉnh", false],
      ["Phòng X", null, null],
    ]);
  });

  it("keeps the province in the written name and the role text out of it", () => {
    expect(parseAgenciesWithSpelling("Báo Bắc Giang – ĐV đầu mối").map((p) => [p.written, p.exact, p.agency.note])).toEqual([["Báo Bắc Giang", true, "ĐV đầu mối"]]);
  });

  it("recovers the spelling of an agency from its raw text, including a distributed list item", () => {
    const [first, second] = parseAgencies("Các sở, ngành: KH&ĐT, Công thương");
    if (!first || !second) throw new Error("expected two agencies");
    expect(agencySpelling(first)).toMatchObject({ written: "KH&ĐT", exact: true });
    expect(agencySpelling(second)).toMatchObject({ written: "Công thương", exact: false });
    expect(agencySpelling({ name: "Phòng X", raw: "Phòng X", kind: "unknown" })).toBeNull();
    expect(agencySpelling({ name: "Sở Y tế", raw: "Sở Nội vụ", kind: "agency" })).toBeNull();
  });

  it("keeps a stray parenthesis in raw without making it a note", () => {
    expect(parseAgencies("Sở Y tế (")).toEqual([{ name: "Sở Y tế", raw: "Sở Y tế (", kind: "agency" }]);
  });
});

describe("parseAgencies and lowercase words in role text", () => {
  it("does not read a lowercase word that spells a department as a new agency inside a note or an unknown name", () => {
    expect(parseAgencies("Sở Tư pháp – hướng dẫn, xây dựng").map(show)).toEqual(["Sở Tư pháp ~ hướng dẫn, xây dựng"]);
    expect(parseAgencies("Phòng Kinh tế, hạ tầng và xây dựng").map(show)).toEqual(["unknown:Phòng Kinh tế, hạ tầng và xây dựng"]);
  });
});

describe("round trip through a workbook cell", () => {
  it("reads back any list of canonical names joined with '; ', as the workbook writes them", () => {
    const entries = DEFAULT_DIRECTORY.entries;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...entries), { maxLength: 8 }), (picked) => {
        const cell = picked.map((e) => e.name).join("; ");
        expect(parseAgencies(cell).map((a) => [a.name, a.kind])).toEqual(picked.map((e) => [e.name, e.kind]));
      }),
      { numRuns: 500, seed: 20250108 },
    );
  });
});
