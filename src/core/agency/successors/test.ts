import { DEFAULT_DIRECTORY, parseAgencies, type AgencyDirectory } from "..";
import { AGENCY_HISTORY, AgencyHistorySchema, PROVINCE_HISTORY, ProvinceHistorySchema, type AgencyHistory } from "../history";
import { citeBasis, currentAgencyName, formRecipientsOn, provinceOn, successorsOn } from ".";

const names = (s: ReturnType<typeof successorsOn>): string[] => (s.status === "replaced" ? s.successors.map((x) => x.name) : []);

describe("successorsOn", () => {
  it("gives Sở Tài chính for Sở Kế hoạch và Đầu tư, by any of its old names, with Nghị định 45/2025/NĐ-CP", () => {
    for (const name of ["Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "SKHĐT", "Sở Kế hoạch và Đầu tư tỉnh Bắc Giang"]) {
      const s = successorsOn(name, "2026-11-30");
      expect(s.status).toBe("replaced");
      expect(names(s)).toEqual(["Sở Tài chính"]);
      if (s.status === "replaced") {
        expect(s.since).toBe("2025-03-01");
        expect(s.basis.map((b) => b.document)).toEqual(["Nghị định 45/2025/NĐ-CP"]);
      }
    }
  });

  it("gives Sở Khoa học và Công nghệ for Sở Thông tin và Truyền thông, confirmed by its sources", () => {
    const s = successorsOn("Sở TT&TT", "2026-11-30");
    expect(names(s)).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(s.unverified).toEqual([]);
  });

  it("merges two departments into one (TN&MT and NN&PTNT → Sở Nông nghiệp và Môi trường)", () => {
    expect(names(successorsOn("Sở TN&MT", "2025-12-31"))).toEqual(["Sở Nông nghiệp và Môi trường"]);
    expect(names(successorsOn("Sở NN&PTNT", "2025-12-31"))).toEqual(["Sở Nông nghiệp và Môi trường"]);
  });

  it("follows a chain to the body of the day: Cục Thuế tỉnh is Chi cục Thuế khu vực in May 2025 and Thuế tỉnh since July", () => {
    expect(names(successorsOn("Cục thuế tỉnh", "2025-05-31"))).toEqual(["Chi cục Thuế khu vực"]);
    const july = successorsOn("Cục Thuế tỉnh", "2025-07-01");
    expect(names(july)).toEqual(["Thuế tỉnh"]);
    if (july.status === "replaced") expect(july.steps.map((s) => s.since)).toEqual(["2025-03-01", "2025-07-01"]);
    // The chain's caveats travel with it: the tax dates were not confirmed by a searched text.
    expect(july.unverified.length).toBeGreaterThan(0);
  });

  it("says a district UBND must be reassigned since 1/7/2025, naming no successor", () => {
    for (const name of ["UBND huyện, thành phố", "UBND các huyện, thành phố", "UBND cấp huyện"]) {
      const s = successorsOn(name, "2026-11-30");
      expect(s.status).toBe("reassign");
      if (s.status === "reassign") {
        expect(s.since).toBe("2025-07-01");
        expect(s.basis[0]?.document).toBe("Luật Tổ chức chính quyền địa phương số 72/2025/QH15");
      }
      expect(s).not.toHaveProperty("successors");
    }
  });

  it("changes nothing before the change: the last day counts, the next day does not", () => {
    expect(successorsOn("Sở KH&ĐT", "2025-02-28").status).toBe("current");
    expect(successorsOn("Sở KH&ĐT", "2025-03-01").status).toBe("replaced");
    expect(successorsOn("UBND huyện, thành phố", "2025-06-30").status).toBe("current");
    expect(successorsOn("UBND huyện, thành phố", new Date("2025-07-01T00:00:00Z")).status).toBe("reassign");
    expect(successorsOn("Sở KH&ĐT", "2023-12-31").status).toBe("current");
  });

  it("keeps agencies that did not change, and names outside the directory, as they are", () => {
    expect(successorsOn("Sở Tư pháp", "2026-11-30")).toMatchObject({ status: "current", name: "Sở Tư pháp" });
    expect(successorsOn("Phòng TM&CN Việt Nam (VCCI)", "2026-11-30")).toMatchObject({ status: "current", id: null });
    const [unknown] = parseAgencies("Phòng Văn hóa, Thông tin huyện");
    if (!unknown) throw new Error("parse");
    expect(successorsOn(unknown, "2026-11-30").status).toBe("current");
  });

  it("says plainly what may have changed but could not be verified (Ban Dân tộc tỉnh), without reporting a change", () => {
    const s = successorsOn("Ban Dân tộc tỉnh", "2026-11-30");
    expect(s.status).toBe("current");
    expect(s.unverified[0]?.vi).toMatch(/chưa xác minh/);
  });

  it("reads the history from the directory it is given, not a hard-wired one", () => {
    const dir: AgencyDirectory = { ...DEFAULT_DIRECTORY, history: [] };
    expect(successorsOn("Sở KH&ĐT", "2026-11-30", dir).status).toBe("current");
  });

  it("throws on misuse: a date that is not an ISO day", () => {
    expect(() => successorsOn("Sở Y tế", "30/11/2026")).toThrow(/ISO day/);
    expect(() => successorsOn("Sở Y tế", new Date("nope"))).toThrow(TypeError);
  });
});

describe("currentAgencyName and citeBasis", () => {
  it("names today's body, or the agency itself when current or to be reassigned", () => {
    expect(currentAgencyName("Sở Thông tin và Truyền thông", "2026-06-30")).toBe("Sở Khoa học và Công nghệ");
    expect(currentAgencyName("Sở Tư pháp", "2026-06-30")).toBe("Sở Tư pháp");
    expect(currentAgencyName("UBND huyện, thành phố", "2026-06-30")).toBe("UBND cấp huyện");
  });
  it("cites a basis with its date and effective date as Vietnamese documents do", () => {
    const s = successorsOn("Sở KH&ĐT", "2026-01-01");
    const b = s.status === "replaced" ? s.basis[0] : undefined;
    if (!b) throw new Error("no basis");
    expect(citeBasis(b).vi).toBe("Nghị định 45/2025/NĐ-CP ngày 28/2/2025, hiệu lực 1/3/2025");
  });
});

describe("formRecipientsOn", () => {
  const leads = parseAgencies("Sở Kế hoạch và Đầu tư; Sở Tài chính; Sở Thông tin và Truyền thông; Sở Tư pháp; Các sở, ngành; UBND huyện, thành phố");

  it("sends a 2026 form to Sở Tài chính (for what Sở KH&ĐT led) and none to Sở KH&ĐT or Sở TT&TT", () => {
    const r = formRecipientsOn(leads, "2026-12-31");
    expect(r.recipients.map((x) => x.name)).toEqual(["Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Tư pháp"]);
    expect(r.recipients[0]?.predecessors).toEqual(["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]);
    expect(r.reassign).toEqual([expect.objectContaining({ name: "UBND cấp huyện", since: "2025-07-01" })]);
  });

  it("reads names as well as parsed agencies, leaving catch-all groups to the caller", () => {
    const r = formRecipientsOn(["Sở KH&ĐT", "Các sở, ngành", "UBND các huyện, thành phố"], "2026-06-30");
    expect(r.recipients.map((x) => x.name)).toEqual(["Sở Tài chính"]);
    expect(r.reassign.map((x) => x.name)).toEqual(["UBND cấp huyện"]);
  });

  it("sends a 2023 form to the agencies the plan names", () => {
    const r = formRecipientsOn(leads, "2023-12-31");
    expect(r.recipients.map((x) => x.name)).toEqual(["Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Thông tin và Truyền thông", "Sở Tư pháp"]);
    expect(r.reassign).toEqual([]);
  });
});

describe("the reorganisation data", () => {
  it("gives every change a legal basis and at least one source line, and says what it could not verify", () => {
    for (const h of AGENCY_HISTORY) {
      expect(AgencyHistorySchema.safeParse(h).success).toBe(true);
      expect(h.sources.length).toBeGreaterThan(0);
      for (const s of h.sources) expect(s.url).toMatch(/^https?:\/\//);
      expect(Array.isArray(h.unverified)).toBe(true);
    }
    for (const p of PROVINCE_HISTORY) expect(ProvinceHistorySchema.safeParse(p).success).toBe(true);
  });

  it("rejects an entry without a source line, or ended without a successor or a reassignment", () => {
    const base = AGENCY_HISTORY[0] as AgencyHistory;
    expect(AgencyHistorySchema.safeParse({ ...base, sources: [] }).success).toBe(false);
    expect(AgencyHistorySchema.safeParse({ ...base, sources: [{ url: "not a url", says: "x" }] }).success).toBe(false);
    expect(AgencyHistorySchema.safeParse({ ...base, successors: [], reassign: false }).success).toBe(false);
  });

  it("refuses a directory whose history has an entry without a source (the directory is validated as a whole)", () => {
    const bad = { ...DEFAULT_DIRECTORY, history: [{ ...(AGENCY_HISTORY[0] as AgencyHistory), sources: [] }] };
    expect(() => parseAgencies("Sở Y tế", bad)).toThrow(/Invalid agency directory/);
  });

  it("names only successors the history or the directory knows, so a chain never ends in a typo", () => {
    const ids = new Set([...DEFAULT_DIRECTORY.entries.map((e) => e.id), ...AGENCY_HISTORY.map((h) => h.id)]);
    for (const h of AGENCY_HISTORY) for (const s of h.successors) expect(s.id && ids.has(s.id) ? s.id : `missing ${String(s.id)}`).toBe(s.id);
    for (const h of AGENCY_HISTORY) {
      const entry = DEFAULT_DIRECTORY.entries.find((e) => e.id === h.id);
      if (entry) expect(entry.name).toBe(h.name);
    }
  });
});

describe("provinceOn", () => {
  it("gives Bắc Ninh for Bắc Giang and Thành phố Hồ Chí Minh for Bình Dương from 1/7/2025 (Nghị quyết 202/2025/QH15)", () => {
    expect(provinceOn("tỉnh Bắc Giang", "2026-01-01")).toMatchObject({ name: "Bắc Ninh", since: "2025-07-01", known: true });
    expect(provinceOn("Bình Dương", "2025-07-01").name).toBe("Thành phố Hồ Chí Minh");
    expect(provinceOn("Bắc Giang", "2025-06-30")).toMatchObject({ name: "Bắc Giang", since: null, known: true });
  });
  it("says when it knows nothing about a province instead of guessing", () => {
    expect(provinceOn("Nghệ An", "2026-01-01")).toEqual({ name: "Nghệ An", since: null, known: false, basis: [] });
  });
});
