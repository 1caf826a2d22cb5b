/**
 * The 2025 reorganisation as data: when each agency stopped existing, what
 * took over, the legal basis, the public sources read to confirm it, and in
 * plain words what those sources did not confirm.
 *
 * Every record was checked with the project's search tool (pages and docs
 * corpora) on 2026-11-30; `sources` quotes what each page states. Where no
 * searched text states a fact, the record still carries it (the issue and
 * common knowledge agree) but lists it in `unverified`, which the checks and
 * the Cơ quan sheet show to the planner. A record without a source fails the
 * schema (see test.ts), so nothing enters without one.
 */
import { z } from "zod";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ISO date yyyy-mm-dd");

/** A Vietnamese-first sentence with its English. */
export const NoteSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type Note = z.infer<typeof NoteSchema>;

export const LegalBasisSchema = z.object({
  /** The document's number as cited ("Nghị định 45/2025/NĐ-CP"). */
  document: z.string().min(1),
  /** What it is about, in Vietnamese. */
  title: z.string().min(1),
  /** Null when no searched text gave the date. */
  issued: IsoDate.nullable(),
  /** The day it took effect; null when no searched text gave it. */
  effective: IsoDate.nullable(),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const SourceSchema = z.object({
  url: z.string().url(),
  /** What the page states, in a few words (paraphrased, not copied). */
  says: z.string().min(1),
});

export const SuccessorSchema = z.object({
  /** Directory entry id, or a history record id for an intermediate body; null when only the name is known. */
  id: z.string().min(1).nullable(),
  name: z.string().min(1),
});
export type Successor = z.infer<typeof SuccessorSchema>;

export const AgencyHistorySchema = z
  .object({
    /** The directory entry id (or, for a body that existed only between two changes, its own id). */
    id: z.string().min(1),
    name: z.string().min(1),
    /** First day the body existed under this name, when it was created by the reorganisation. */
    validFrom: IsoDate.nullable(),
    /** Last day it existed; null while it still exists or when its end could not be confirmed. */
    validTo: IsoDate.nullable(),
    /**
     * Who took over from the day after validTo. Empty with `reassign` for a
     * level of government that no longer exists: nobody inherits its tasks as
     * a body, so they must be given to someone again, and we don't guess whom.
     */
    successors: z.array(SuccessorSchema),
    reassign: z.boolean(),
    basis: z.array(LegalBasisSchema).min(1),
    sources: z.array(SourceSchema).min(1),
    /** What the sources did not confirm, said plainly; empty when all of it was confirmed. */
    unverified: z.array(NoteSchema),
  })
  .superRefine((h, ctx) => {
    if (h.validTo !== null && h.successors.length === 0 && !h.reassign) {
      ctx.addIssue({ code: "custom", message: `${h.id}: ended without successors must say reassign` });
    }
    if (h.reassign && h.successors.length > 0) ctx.addIssue({ code: "custom", message: `${h.id}: reassign and successors exclude each other` });
    if (h.validFrom && h.validTo && h.validFrom > h.validTo) ctx.addIssue({ code: "custom", message: `${h.id}: validFrom after validTo` });
  });
export type AgencyHistory = z.infer<typeof AgencyHistorySchema>;

export const ProvinceHistorySchema = z.object({
  name: z.string().min(1),
  /** Last day the province existed on its own. */
  validTo: IsoDate,
  successor: z.string().min(1),
  basis: z.array(LegalBasisSchema).min(1),
  sources: z.array(SourceSchema).min(1),
  unverified: z.array(NoteSchema),
});
export type ProvinceHistory = z.infer<typeof ProvinceHistorySchema>;

// ── Legal bases ────────────────────────────────────────────────────────────

const ND45: LegalBasis = {
  document: "Nghị định 45/2025/NĐ-CP",
  title: "Quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương",
  issued: "2025-02-28",
  effective: "2025-03-01",
};
const LUAT72: LegalBasis = {
  document: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
  title: "Chính quyền địa phương hai cấp (tỉnh và xã), không tổ chức cấp huyện",
  issued: "2025-06-16",
  effective: "2025-07-01",
};
const NQ202: LegalBasis = {
  document: "Nghị quyết 202/2025/QH15",
  title: "Sắp xếp đơn vị hành chính cấp tỉnh năm 2025 (63 còn 34)",
  issued: "2025-06-12",
  effective: "2025-06-12",
};
const QD382: LegalBasis = {
  document: "Quyết định 382/QĐ-BTC",
  title: "Chức năng, nhiệm vụ, cơ cấu tổ chức của Cục Hải quan thuộc Bộ Tài chính",
  issued: "2025-02-26",
  effective: "2025-03-01",
};
const QD384: LegalBasis = {
  document: "Quyết định 384/QĐ-BTC",
  title: "Chức năng, nhiệm vụ, cơ cấu tổ chức của Cục Thống kê thuộc Bộ Tài chính",
  issued: "2025-02-26",
  effective: null,
};
const QD1378: LegalBasis = {
  document: "Quyết định 1378/QĐ-CT",
  title: "Tên gọi, trụ sở, địa bàn quản lý của Thuế cơ sở thuộc Thuế tỉnh, thành phố",
  issued: null,
  effective: null,
};

// ── Sources read ───────────────────────────────────────────────────────────

const SRC_ND45 = {
  url: "http://hdnd.dongnai.gov.vn/Pages/glp-quydinhmoivecoquanchuyenmonthu-glpnd-34299-glpnc-4-glpsite-1.html",
  says: "Nghị định 45/2025/NĐ-CP ngày 28/2/2025: 12 sở thống nhất (Nội vụ, Tư pháp, Tài chính, Công Thương, Nông nghiệp và Môi trường, Xây dựng, Khoa học và Công nghệ, VHTT&DL, GD&ĐT, Y tế, Thanh tra tỉnh, Văn phòng UBND) và sở đặc thù (Ngoại vụ, Dân tộc và Tôn giáo, Du lịch, Quy hoạch - Kiến trúc).",
};
const SRC_KHCN = {
  url: "https://ictvietnam.vn/print/69097.html",
  says: "Sở KH&CN và Sở TT&TT hợp nhất thành Sở KH&CN mới ở các tỉnh; các Sở KH&CN sau hợp nhất hoạt động từ 1/3/2025.",
};
const SRC_HCM_MERGES = {
  url: "http://hoinhabaohcm.vn/index/search?keyword=Thanh+tra+ch%C3%ADnh+ph%E1%BB%A7",
  says: "Trung ương đề nghị hợp nhất Sở GTVT và Sở Xây dựng thành Sở Xây dựng; hợp nhất Sở NN&PTNT và Sở TN&MT thành Sở Nông nghiệp và Môi trường (TP.HCM).",
};
const SRC_MINISTRIES = {
  url: "https://home.vn/threads/trong-5-bo-moi-duoc-hinh-thanh-con-2-bo-dang-phan-van-ten-goi.8340",
  says: "Ở cấp bộ: hợp nhất Bộ KH&ĐT với Bộ Tài chính; Bộ GTVT với Bộ Xây dựng; Bộ TN&MT với Bộ NN&PTNT; Bộ TT&TT với Bộ KH&CN; Bộ LĐ-TB&XH với Bộ Nội vụ.",
};
const SRC_DISTRICT = {
  url: "https://ngoisao.vn/theo-dong-su-kien/kien-thuc/ba-thang-nua-696-huyen-cham-dut-hoat-dong-451893.htm",
  says: "Từ 1/7/2025 các cơ quan, đơn vị thuộc chính quyền cấp huyện chấm dứt hoạt động (696 huyện); mô hình hai cấp tỉnh và cơ sở.",
};
const SRC_LUAT72 = {
  url: "https://thuviennhadat.vn/phap-luat/quy-dinh-chuyen-tiep-cua-luat-to-chuc-chinh-quyen-dia-phuong-so-72-2025-qh15-ngay-16-6-2025-685804.html?trang=2",
  says: "Quốc hội thông qua Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025, tổ chức chính quyền địa phương cấp tỉnh và cấp xã.",
};
const SRC_DISTRICT_END = {
  url: "https://nhansu.vn/tim-kiem-bai-viet?tukhoa=k%E1%BA%BFt+th%C3%BAc+%C4%91%C6%A1n+v%E1%BB%8B+h%C3%A0nh+ch%C3%ADnh+c%E1%BA%A5p+huy%E1%BB%87n",
  says: "Trung ương đồng ý kết thúc hoạt động đơn vị hành chính cấp huyện từ ngày 1/7/2025; Nghị quyết 203/2025/QH15 kết thúc đơn vị hành chính cấp huyện.",
};
const SRC_CUSTOMS = {
  url: "https://vietnam.vn/en/chi-cuc-hai-quan-khu-vuc-v-quan-ly-cac-dia-phuong-nao",
  says: "Quyết định 382/QĐ-BTC ngày 26/2/2025, hiệu lực 1/3/2025: 35 Cục Hải quan tỉnh, thành phố tổ chức lại thành 20 Chi cục Hải quan khu vực, kế thừa nhiệm vụ của Cục Hải quan tỉnh; các Chi cục Hải quan tổ chức lại thành Hải quan cửa khẩu/ngoài cửa khẩu. Chi cục Hải quan khu vực V quản lý Bắc Ninh, Bắc Giang, Tuyên Quang, Thái Nguyên, Bắc Kạn.",
};
const SRC_STATS = {
  url: "https://defzone.net/wiki/T%E1%BB%95ng_c%E1%BB%A5c_Th%E1%BB%91ng_k%C3%AA_(Vi%E1%BB%87t_Nam)",
  says: "Cục Thống kê là cơ quan trực thuộc Bộ Tài chính; chức năng, nhiệm vụ theo Quyết định 384/QĐ-BTC ngày 26/2/2025.",
};
const SRC_TAX = {
  url: "https://huggingface.co/datasets/DANGDOCAO/GeneratingQuestions/viewer/default/train?p=286",
  says: "Theo Quyết định 1378/QĐ-CT năm 2025, Thuế cơ sở (ví dụ Thuế cơ sở 10 Thành phố Hồ Chí Minh) thuộc Thuế thành phố Hồ Chí Minh.",
};
const SRC_PROVINCES = {
  url: "https://vietnamnet.vn/cuoc-sap-xep-don-vi-hanh-chinh-lich-su-2472602.html",
  says: "Ngày 12/6/2025 Quốc hội thông qua Nghị quyết sắp xếp đơn vị hành chính cấp tỉnh năm 2025: từ 63 còn 34 (28 tỉnh, 6 thành phố).",
};
const SRC_NQ202_EFFECT = {
  url: "https://www.tuoitrephuyen.vn/tag/bi%E1%BB%83u-quy%E1%BA%BFt",
  says: "Kỳ họp thứ 9 Quốc hội khóa XV thông qua Nghị quyết về sắp xếp đơn vị hành chính cấp tỉnh năm 2025, có hiệu lực ngay từ ngày được thông qua (12/6).",
};
const SRC_NQ202 = {
  url: "https://github.com/thanglequoc/vietnamese-provinces-database/releases/tag/v3.0.2",
  says: "Cập nhật theo Nghị quyết 202/2025/QH15: còn lại 34 tỉnh thành.",
};
const SRC_BAC_NINH = {
  url: "http://www.didulich.net/T%c3%acm-ki%e1%ba%bfm/s/du%20l%e1%bb%8bch%20B%e1%ba%afc%20Ninh",
  says: "Ngày 01/7/2025 Bắc Giang và Bắc Ninh chính thức sáp nhập thành tỉnh Bắc Ninh.",
};
const SRC_HCM = {
  url: "https://thuviennhadat.vn/phap-luat/tai-file-toan-bo-34-nghi-quyet-sap-xep-don-vi-hanh-chinh-cap-xa-nam-2025-685791.html",
  says: "Thành phố Hồ Chí Minh (Bình Dương + TPHCM + Bà Rịa - Vũng Tàu); Thành phố Hải Phòng (Hải Dương + TP. Hải Phòng).",
};

// ── Shared caveats ─────────────────────────────────────────────────────────

const ND45_DATE: Note = {
  vi: "ngày 1/3/2025 chưa đối chiếu được với văn bản gốc (mỗi tỉnh tự định ngày hợp nhất).",
  en: "the date 1 March 2025 was not checked against the text itself (each province set its own merger date).",
};
const MERGE_INFERRED = (what: string, whatEn: string): Note => ({
  vi: `${what} suy ra từ danh sách sở của Nghị định 45/2025/NĐ-CP, chưa thấy văn bản nêu trực tiếp.`,
  en: `${whatEn} is inferred from Nghị định 45/2025/NĐ-CP's list of departments; no text found says it directly.`,
});

// ── Agencies ───────────────────────────────────────────────────────────────

const ENDED_MARCH = "2025-02-28";
const ENDED_JUNE = "2025-06-30";

export const AGENCY_HISTORY: AgencyHistory[] = [
  {
    id: "so-khdt", name: "Sở Kế hoạch và Đầu tư", validFrom: null, validTo: ENDED_MARCH,
    successors: [{ id: "so-tc", name: "Sở Tài chính" }], reassign: false,
    basis: [ND45], sources: [SRC_ND45, SRC_MINISTRIES],
    unverified: [ND45_DATE, MERGE_INFERRED("việc hợp nhất vào Sở Tài chính", "the merger into Sở Tài chính")],
  },
  {
    id: "so-tttt", name: "Sở Thông tin và Truyền thông", validFrom: null, validTo: ENDED_MARCH,
    successors: [{ id: "so-khcn", name: "Sở Khoa học và Công nghệ" }], reassign: false,
    basis: [ND45], sources: [SRC_KHCN, SRC_ND45], unverified: [],
  },
  {
    id: "so-gtvt", name: "Sở Giao thông vận tải", validFrom: null, validTo: ENDED_MARCH,
    successors: [{ id: "so-xd", name: "Sở Xây dựng" }], reassign: false,
    basis: [ND45], sources: [SRC_HCM_MERGES, SRC_ND45], unverified: [ND45_DATE],
  },
  {
    id: "so-tnmt", name: "Sở Tài nguyên và Môi trường", validFrom: null, validTo: ENDED_MARCH,
    successors: [{ id: "so-nnmt", name: "Sở Nông nghiệp và Môi trường" }], reassign: false,
    basis: [ND45], sources: [SRC_HCM_MERGES, SRC_ND45], unverified: [ND45_DATE],
  },
  {
    id: "so-nnptnt", name: "Sở Nông nghiệp và Phát triển nông thôn", validFrom: null, validTo: ENDED_MARCH,
    successors: [{ id: "so-nnmt", name: "Sở Nông nghiệp và Môi trường" }], reassign: false,
    basis: [ND45], sources: [SRC_HCM_MERGES, SRC_ND45], unverified: [ND45_DATE],
  },
  {
    id: "so-nnmt", name: "Sở Nông nghiệp và Môi trường", validFrom: "2025-03-01", validTo: null,
    successors: [], reassign: false, basis: [ND45], sources: [SRC_ND45, SRC_HCM_MERGES], unverified: [ND45_DATE],
  },
  {
    id: "so-dttg", name: "Sở Dân tộc và Tôn giáo", validFrom: "2025-03-01", validTo: null,
    successors: [], reassign: false, basis: [ND45], sources: [SRC_ND45], unverified: [ND45_DATE],
  },
  {
    id: "so-ldtbxh", name: "Sở Lao động - Thương binh và Xã hội", validFrom: null, validTo: ENDED_MARCH,
    successors: [{ id: "so-nv", name: "Sở Nội vụ" }], reassign: false,
    basis: [ND45], sources: [SRC_ND45, SRC_MINISTRIES],
    unverified: [
      ND45_DATE,
      MERGE_INFERRED("việc chuyển vào Sở Nội vụ", "the move into Sở Nội vụ"),
      {
        vi: "một số nhiệm vụ (giáo dục nghề nghiệp, bảo trợ xã hội…) sang sở khác: sở nào nhận chưa xác minh, xem theo nội dung chỉ tiêu.",
        en: "some duties (vocational training, social protection…) went elsewhere: which department took them is not verified; judge by the indicator.",
      },
    ],
  },
  {
    id: "cuc-hq", name: "Cục Hải quan tỉnh", validFrom: null, validTo: ENDED_MARCH,
    successors: [{ id: "hq-kv", name: "Chi cục Hải quan khu vực" }], reassign: false,
    basis: [QD382], sources: [SRC_CUSTOMS],
    // The regional branch's number depends on the province (Bắc Giang, Bắc Ninh: region V), as the source lists.
    unverified: [],
  },
  {
    id: "hq-kv", name: "Chi cục Hải quan khu vực", validFrom: "2025-03-01", validTo: null,
    successors: [], reassign: false, basis: [QD382], sources: [SRC_CUSTOMS], unverified: [],
  },
  {
    id: "hq-kcn", name: "Chi cục Hải quan quản lý các Khu công nghiệp", validFrom: null, validTo: ENDED_MARCH,
    successors: [{ id: "hq-kv", name: "Chi cục Hải quan khu vực" }], reassign: false,
    basis: [QD382], sources: [SRC_CUSTOMS],
    unverified: [{
      vi: "đơn vị Hải quan cửa khẩu/ngoài cửa khẩu cụ thể thay Chi cục này chưa xác minh, nên ghi Chi cục Hải quan khu vực.",
      en: "the exact border/inland customs office that replaced this branch is not verified, so the regional branch is given.",
    }],
  },
  {
    id: "cuc-tk", name: "Cục Thống kê tỉnh", validFrom: null, validTo: ENDED_MARCH,
    successors: [{ id: "cc-tk", name: "Chi cục Thống kê tỉnh" }], reassign: false,
    basis: [QD384], sources: [SRC_STATS],
    unverified: [{
      vi: "tên và ngày của đơn vị thống kê cấp tỉnh (Chi cục Thống kê tỉnh từ 1/3/2025) chưa thấy trong văn bản đã tra.",
      en: "the provincial statistics unit's name and date (Chi cục Thống kê tỉnh from 1 March 2025) were not found in a searched text.",
    }],
  },
  {
    id: "cc-tk", name: "Chi cục Thống kê tỉnh", validFrom: "2025-03-01", validTo: ENDED_JUNE,
    successors: [{ id: "tk-tinh", name: "Thống kê tỉnh" }], reassign: false,
    basis: [QD384], sources: [SRC_STATS],
    unverified: [{
      vi: "tên \"Thống kê tỉnh\" từ 1/7/2025 chưa thấy trong văn bản đã tra.",
      en: "the name \"Thống kê tỉnh\" from 1 July 2025 was not found in a searched text.",
    }],
  },
  {
    id: "tk-tinh", name: "Thống kê tỉnh", validFrom: "2025-07-01", validTo: null,
    successors: [], reassign: false, basis: [QD384], sources: [SRC_STATS],
    unverified: [{ vi: "tên và ngày thành lập Thống kê tỉnh chưa xác minh.", en: "Thống kê tỉnh's name and start date are not verified." }],
  },
  {
    id: "cuc-thue", name: "Cục Thuế tỉnh", validFrom: null, validTo: ENDED_MARCH,
    successors: [{ id: "cc-thue-kv", name: "Chi cục Thuế khu vực" }], reassign: false,
    basis: [QD1378], sources: [SRC_TAX],
    unverified: [{
      vi: "Cục Thuế tỉnh thành Chi cục Thuế khu vực từ 1/3/2025: chưa thấy trong văn bản đã tra.",
      en: "Cục Thuế tỉnh becoming a regional branch from 1 March 2025 was not found in a searched text.",
    }],
  },
  {
    id: "cc-thue-kv", name: "Chi cục Thuế khu vực", validFrom: "2025-03-01", validTo: ENDED_JUNE,
    successors: [{ id: "thue-tinh", name: "Thuế tỉnh" }], reassign: false,
    basis: [QD1378], sources: [SRC_TAX],
    unverified: [{
      vi: "ngày 1/7/2025 thành Thuế tỉnh chưa thấy trong văn bản đã tra (đã xác minh Thuế tỉnh và Thuế cơ sở tồn tại).",
      en: "the 1 July 2025 date of Thuế tỉnh was not found in a searched text (that Thuế tỉnh and Thuế cơ sở exist was verified).",
    }],
  },
  {
    id: "thue-tinh", name: "Thuế tỉnh", validFrom: "2025-07-01", validTo: null,
    successors: [], reassign: false, basis: [QD1378], sources: [SRC_TAX],
    unverified: [{ vi: "ngày bắt đầu 1/7/2025 của Thuế tỉnh chưa xác minh.", en: "Thuế tỉnh's start date 1 July 2025 is not verified." }],
  },
  {
    id: "g-ubnd-huyen", name: "UBND cấp huyện", validFrom: null, validTo: ENDED_JUNE,
    successors: [], reassign: true, basis: [LUAT72], sources: [SRC_DISTRICT, SRC_LUAT72, SRC_DISTRICT_END], unverified: [],
  },
  {
    id: "g-pbgdpl-huyen", name: "Hội đồng phối hợp PBGDPL cấp huyện", validFrom: null, validTo: ENDED_JUNE,
    successors: [], reassign: true, basis: [LUAT72], sources: [SRC_DISTRICT, SRC_LUAT72],
    unverified: [{
      vi: "hội đồng cấp huyện thôi hoạt động cùng cấp huyện (suy ra, chưa thấy văn bản riêng).",
      en: "the district council ends with the district level (inferred; no specific text found).",
    }],
  },
  {
    id: "g-chi-cuc-thue", name: "Các Chi cục Thuế khu vực", validFrom: null, validTo: null,
    successors: [], reassign: false, basis: [QD1378], sources: [SRC_TAX],
    unverified: [{
      vi: "Các Chi cục Thuế khu vực cũ nay có thể là Thuế cơ sở; chưa xác minh được đơn vị nào thay đơn vị nào nên chưa báo thay đổi.",
      en: "The former regional tax branches may now be Thuế cơ sở offices; which replaced which could not be verified, so no change is reported.",
    }],
  },
  {
    id: "ban-dan-toc", name: "Ban Dân tộc tỉnh", validFrom: null, validTo: null,
    successors: [], reassign: false, basis: [ND45], sources: [SRC_ND45],
    unverified: [{
      vi: "Nghị định 45/2025/NĐ-CP có Sở Dân tộc và Tôn giáo ở một số tỉnh; Ban Dân tộc tỉnh đã chuyển sang đâu ở tỉnh này chưa xác minh nên chưa báo thay đổi.",
      en: "Nghị định 45/2025/NĐ-CP has a Sở Dân tộc và Tôn giáo in some provinces; where this province's Ban Dân tộc went was not verified, so no change is reported.",
    }],
  },
];

export const PROVINCE_HISTORY: ProvinceHistory[] = [
  {
    name: "Bắc Giang", validTo: ENDED_JUNE, successor: "Bắc Ninh", basis: [NQ202], sources: [SRC_BAC_NINH, SRC_PROVINCES, SRC_NQ202, SRC_NQ202_EFFECT],
    unverified: [{
      vi: "Số hiệu 202/2025/QH15 chỉ thấy ở nguồn thứ ba (kho dữ liệu tỉnh thành), không thấy trên văn bản gốc; tỉnh mới hoạt động từ 1/7/2025.",
      en: "The number 202/2025/QH15 was seen only in a third-party source (a provinces dataset), not the text itself; the merged province operates from 1 July 2025.",
    }],
  },
  { name: "Bình Dương", validTo: ENDED_JUNE, successor: "Thành phố Hồ Chí Minh", basis: [NQ202], sources: [SRC_HCM, SRC_NQ202], unverified: [] },
  { name: "Bà Rịa - Vũng Tàu", validTo: ENDED_JUNE, successor: "Thành phố Hồ Chí Minh", basis: [NQ202], sources: [SRC_HCM, SRC_NQ202], unverified: [] },
  { name: "Hải Dương", validTo: ENDED_JUNE, successor: "Thành phố Hải Phòng", basis: [NQ202], sources: [SRC_HCM, SRC_NQ202], unverified: [] },
];
