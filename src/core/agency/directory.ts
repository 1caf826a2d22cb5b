/**
 * The provincial agency directory, as data.
 *
 * Like a date-fns locale, the directory is passed in to every function that
 * needs it and never hard-wired into the matching logic: a province that
 * names its departments differently (or has a Sở the default lacks) passes
 * its own. Province names are not listed anywhere: a trailing "tỉnh" in a
 * name stands for "tỉnh", "tỉnh Bắc Giang" or a bare "Bắc Giang", so
 * "Báo Bắc Giang" and "Báo Bình Dương" both find the "Báo tỉnh" entry.
 */
import { z } from "zod";
import { AGENCY_HISTORY, AgencyHistorySchema } from "./history";

export const AgencyEntrySchema = z.object({
  /** Stable id, used to tell whether two spellings are the same agency. */
  id: z.string().min(1),
  /** Canonical name ("Sở Kế hoạch và Đầu tư") or a catch-all group's label ("Các sở, ngành"). */
  name: z.string().min(1),
  /** agency: one accountable body; group: a catch-all kept as a group, never expanded. */
  kind: z.enum(["agency", "group"]),
  /** Other full spellings that are correct, not variants ("Hiệp hội các doanh nghiệp tỉnh"). */
  aliases: z.array(z.string().min(1)),
  /** Abbreviated forms, shown in the Cơ quan sheet ("KH&ĐT", "Ban QL các KCN"). */
  abbreviations: z.array(z.string().min(1)),
  /** The department's name without "Sở", as written after "Các sở: …" ("Kế hoạch và Đầu tư"). */
  short: z.array(z.string().min(1)),
});
export type AgencyEntry = z.infer<typeof AgencyEntrySchema>;

export const AgencyDirectorySchema = z.object({
  entries: z.array(AgencyEntrySchema).min(1),
  /**
   * Abbreviated words expanded before comparing, only when the source writes
   * them in capitals ("UBND" → "Ủy ban nhân dân", "KCN" → "Khu công nghiệp"):
   * "Ban QL các KCN" and "Ban Quản lý các Khu công nghiệp" then compare equal.
   */
  words: z.record(z.string(), z.string()),
  /**
   * Words that begin an agency's name. They end a province name ("tỉnh Ban
   * quản lý …" is two agencies) and split unknown text at "," or "và".
   */
  heads: z.array(z.string().min(1)),
  /** First words of role text after a name ("chủ trì", "đôn đốc, hướng dẫn"), kept as a note. */
  roles: z.array(z.string().min(1)),
  /**
   * Prefixes that distribute over a list after a colon ("Các sở: TN&MT, XD"),
   * with the head word an unknown item is read under ("Sở").
   */
  distributors: z.array(z.object({ prefix: z.string().min(1), head: z.string() })),
  /**
   * Validity dates and successors of entries (by id) and of bodies that
   * existed only between two changes (see history.ts). Absent: nothing changes.
   */
  history: z.array(AgencyHistorySchema).optional(),
});
export type AgencyDirectory = z.infer<typeof AgencyDirectorySchema>;

const agency = (id: string, name: string, more: Partial<Pick<AgencyEntry, "aliases" | "abbreviations" | "short">> = {}): AgencyEntry => ({
  id,
  name,
  kind: "agency",
  aliases: more.aliases ?? [],
  abbreviations: more.abbreviations ?? [],
  short: more.short ?? [],
});
const group = (id: string, name: string, aliases: string[]): AgencyEntry => ({ id, name, kind: "group", aliases, abbreviations: [], short: [] });

/** A provincial department: canonical "Sở X", bare "X" after "Các sở:", and its abbreviations. */
const so = (id: string, bare: string, abbreviations: string[] = [], aliases: string[] = []): AgencyEntry =>
  agency(id, `Sở ${bare}`, { short: [bare], abbreviations, aliases });

/** The directory every importer and check uses unless a caller passes its own. */
export const DEFAULT_DIRECTORY: AgencyDirectory = {
  entries: [
    so("so-khdt", "Kế hoạch và Đầu tư", ["KH&ĐT", "Sở KH&ĐT", "SKHĐT"]),
    so("so-tc", "Tài chính", ["STC"]),
    so("so-xd", "Xây dựng", ["XD", "Sở XD", "SXD"]),
    so("so-tnmt", "Tài nguyên và Môi trường", ["TN&MT", "Sở TN&MT", "STNMT"]),
    so("so-ct", "Công Thương", ["SCT"]),
    so("so-nnptnt", "Nông nghiệp và Phát triển nông thôn", ["NN&PTNT", "Sở NN&PTNT"]),
    so("so-gddt", "Giáo dục và Đào tạo", ["GD&ĐT", "Sở GD&ĐT"]),
    so("so-gtvt", "Giao thông vận tải", ["GTVT", "Sở GTVT"]),
    so("so-yt", "Y tế", ["SYT"]),
    so("so-khcn", "Khoa học và Công nghệ", ["KH&CN", "Sở KH&CN", "KHCN"]),
    so("so-vhttdl", "Văn hóa, Thể thao và Du lịch", ["VHTT&DL", "Sở VHTT&DL", "VH,TT&DL"]),
    so("so-ldtbxh", "Lao động - Thương binh và Xã hội", ["LĐ-TB&XH", "LĐTB&XH", "LĐ-TT&XH", "LĐTT&XH", "Sở LĐ-TB&XH"]),
    so("so-nv", "Nội vụ", ["SNV"]),
    so("so-tp", "Tư pháp", ["STP"]),
    so("so-tttt", "Thông tin và Truyền thông", ["TT&TT", "Sở TT&TT"]),
    so("so-ngv", "Ngoại vụ"),
    // Created by the 2025 reorganisation (history.ts): plans written since name them.
    so("so-nnmt", "Nông nghiệp và Môi trường", ["NN&MT", "Sở NN&MT"]),
    // Special departments of Nghị định 45/2025/NĐ-CP, where a province has them.
    so("so-dttg", "Dân tộc và Tôn giáo"),
    so("so-dl", "Du lịch"),
    agency("thanh-tra", "Thanh tra tỉnh"),
    agency("ubnd-tinh", "UBND tỉnh", { aliases: ["Ủy ban nhân dân tỉnh"] }),
    agency("vp-ubnd", "Văn phòng UBND tỉnh", { aliases: ["Văn phòng Ủy ban nhân dân tỉnh"], abbreviations: ["VP UBND tỉnh"] }),
    agency("bql-kcn", "Ban Quản lý các Khu công nghiệp tỉnh", {
      abbreviations: ["Ban Quản lý các KCN tỉnh", "Ban QL các KCN", "BQL các KCN"],
    }),
    agency("cong-an", "Công an tỉnh", { abbreviations: ["CA tỉnh"] }),
    agency("cuc-thue", "Cục Thuế tỉnh"),
    agency("cuc-hq", "Cục Hải quan tỉnh"),
    agency("hq-kcn", "Chi cục Hải quan quản lý các Khu công nghiệp", {
      abbreviations: ["Chi cục HQQL các KCN", "Chi cục Hải quan quản lý các KCN"],
    }),
    agency("cuc-tk", "Cục Thống kê tỉnh"),
    agency("hq-kv", "Chi cục Hải quan khu vực"),
    agency("thue-tinh", "Thuế tỉnh"),
    agency("tk-tinh", "Thống kê tỉnh"),
    agency("nhnn", "Ngân hàng Nhà nước chi nhánh tỉnh", {
      aliases: ["Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh"],
      abbreviations: ["NHNN chi nhánh tỉnh"],
    }),
    agency("nhcsxh", "Ngân hàng Chính sách xã hội chi nhánh tỉnh", { abbreviations: ["NHCSXH chi nhánh tỉnh"] }),
    agency("kbnn", "Kho bạc Nhà nước tỉnh", { abbreviations: ["KBNN tỉnh"] }),
    agency("bhxh", "Bảo hiểm xã hội tỉnh", { abbreviations: ["BHXH tỉnh"] }),
    agency("hiep-hoi-dn", "Hiệp hội doanh nghiệp tỉnh", {
      aliases: ["Hiệp hội các doanh nghiệp tỉnh"],
      abbreviations: ["Hiệp hội DN tỉnh"],
    }),
    agency("bao", "Báo tỉnh"),
    agency("dai-ptth", "Đài Phát thanh và Truyền hình tỉnh", { abbreviations: ["Đài PT&TH tỉnh", "Đài PT-TH tỉnh", "Đài PTTH tỉnh"] }),
    agency("ttphcc", "Trung tâm Phục vụ hành chính công tỉnh"),
    agency("lhh-khkt", "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", { abbreviations: ["Liên hiệp các hội KH&KT tỉnh"] }),
    agency("tinh-doan", "Tỉnh đoàn", { aliases: ["Tỉnh đoàn thanh niên"] }),
    agency("hd-pbgdpl", "Hội đồng phối hợp PBGDPL tỉnh", { aliases: ["Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh"] }),
    agency("ban-dan-toc", "Ban Dân tộc tỉnh"),
    agency("lm-htx", "Liên minh Hợp tác xã tỉnh", { abbreviations: ["Liên minh HTX tỉnh"] }),
    agency("mttq", "Ủy ban MTTQ Việt Nam tỉnh", { aliases: ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"] }),
    agency("ldld", "Liên đoàn Lao động tỉnh"),
    agency("hoi-phu-nu", "Hội Liên hiệp Phụ nữ tỉnh"),
    agency("hoi-nong-dan", "Hội Nông dân tỉnh"),
    agency("hoi-ccb", "Hội Cựu chiến binh tỉnh"),
    group("g-so-nganh", "Các sở, ngành", [
      "Các sở, ban, ngành", "Các sở, ngành liên quan", "Các sở, ban, ngành liên quan", "Các sở, ban, ngành cấp tỉnh",
      "Các sở, ngành, cơ quan thuộc UBND tỉnh", "Các sở, cơ quan thuộc UBND tỉnh", "Các sở, cơ quan trực thuộc UBND tỉnh",
      "Các ngành", "Các ngành liên quan", "Các sở", "Sở, ban, ngành", "Sở, ngành liên quan",
      "Các cơ quan chuyên môn thuộc UBND tỉnh",
    ]),
    group("g-ubnd-huyen", "UBND cấp huyện", [
      "UBND huyện, thành phố", "UBND các huyện, thành phố", "UBND các huyện, thị xã, thành phố",
      "UBND huyện, thị xã, thành phố",
    ]),
    group("g-ubnd-xa", "UBND cấp xã", ["UBND các xã, phường, thị trấn"]),
    group("g-lien-quan", "Các cơ quan, đơn vị liên quan", [
      "Các đơn vị liên quan", "Đơn vị liên quan", "Các cơ quan, đơn vị có liên quan", "Các đơn vị có liên quan",
      "Các cơ quan liên quan", "Các cơ quan có liên quan", "Cơ quan liên quan", "Các cơ quan, đơn vị",
    ]),
    group("g-dia-phuong", "Các địa phương", ["Địa phương", "Các địa phương liên quan"]),
    group("g-hoi-dn", "Các tổ chức hội doanh nghiệp", [
      "Các tổ chức hội doanh nghiệp trên địa bàn", "Các hội, hiệp hội doanh nghiệp", "Các hiệp hội doanh nghiệp",
    ]),
    group("g-chi-cuc-thue", "Các Chi cục Thuế khu vực", []),
    group("g-uv-pbgdpl", "Ủy viên Hội đồng phối hợp PBGDPL tỉnh", ["Các ngành Ủy viên Hội đồng phối hợp PBGDPL tỉnh"]),
    group("g-pbgdpl-huyen", "Hội đồng phối hợp PBGDPL cấp huyện", []),
    group("g-co-quan-tw", "Các cơ quan Trung ương đóng trên địa bàn tỉnh", [
      "Các cơ quan TW đóng trên địa bàn tỉnh", "Các cơ quan Trung ương trên địa bàn tỉnh", "Các cơ quan TW trên địa bàn tỉnh",
    ]),
    group("g-bao-chi", "Các cơ quan thông tấn, báo chí", ["Các cơ quan báo chí"]),
    group("g-doan-the", "Các tổ chức chính trị - xã hội", ["Các đoàn thể", "Các đoàn thể chính trị - xã hội"]),
    group("g-tctd", "Các tổ chức tín dụng trên địa bàn", ["Các tổ chức tín dụng"]),
  ],
  words: {
    UBND: "Ủy ban nhân dân",
    HĐND: "Hội đồng nhân dân",
    KCN: "Khu công nghiệp",
    CCN: "Cụm công nghiệp",
    QL: "Quản lý",
    BQL: "Ban Quản lý",
    DN: "doanh nghiệp",
    HQQL: "Hải quan quản lý",
    HQ: "Hải quan",
    CA: "Công an",
    VP: "Văn phòng",
    TW: "Trung ương",
    ĐV: "đơn vị",
    CQ: "cơ quan",
    NHNN: "Ngân hàng Nhà nước",
    NHCSXH: "Ngân hàng Chính sách xã hội",
    PBGDPL: "phổ biến giáo dục pháp luật",
    "PT&TH": "Phát thanh và Truyền hình",
    "KH&KT": "Khoa học và Kỹ thuật",
    PTNT: "Phát triển nông thôn",
    MTTQ: "Mặt trận Tổ quốc",
    BHXH: "Bảo hiểm xã hội",
    KBNN: "Kho bạc Nhà nước",
    HTX: "Hợp tác xã",
  },
  heads: [
    "Sở", "Ban", "Ủy ban", "UBND", "Cục", "Chi cục", "Văn phòng", "VP", "Trung tâm", "Hội", "Hiệp hội", "Liên hiệp",
    "Liên minh", "Báo", "Đài", "Ngân hàng", "NHNN", "Công an", "CA", "Công ty", "Thanh tra", "Các", "Tỉnh đoàn",
    "Tỉnh ủy", "Phòng", "Viện", "Bộ", "Tổng cục", "Trường", "Kho bạc", "Bảo hiểm", "BHXH", "Mặt trận", "Hội đồng",
    "Ủy viên", "Tổ công tác", "Đoàn", "Đảng ủy", "Chủ tịch", "Giám đốc", "Thủ trưởng", "Bệnh viện", "Điện lực",
  ],
  roles: [
    "chủ trì", "phối hợp", "đôn đốc", "hướng dẫn", "kiểm tra", "theo dõi", "tổng hợp", "tham mưu", "thực hiện",
    "là", "làm", "đầu mối", "ĐV đầu mối", "cơ quan đầu mối", "đơn vị đầu mối",
  ],
  distributors: [
    { prefix: "Các sở", head: "Sở" },
    { prefix: "Các sở, ngành", head: "Sở" },
    { prefix: "Các sở, ban, ngành", head: "Sở" },
    { prefix: "Các ngành", head: "" },
  ],
  history: AGENCY_HISTORY,
};
