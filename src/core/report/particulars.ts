/**
 * The report's particulars as the header, the signature block and the trích
 * yếu need them: what the workbook keeps (sheet "Thông tin báo cáo", table
 * ThongTinBaoCao, written from the plan at import), overridden by what a
 * caller passes (the CLI's flags), and the rules of Nghị định 30/2020 for
 * what is left: the symbol follows the issuer (BC-UBND, BC-STC), a
 * department reports "Kính gửi" the People's Committee and signs as GIÁM ĐỐC
 * (KT. GIÁM ĐỐC for a deputy), the People's Committee as TM. ỦY BAN NHÂN DÂN.
 */
import { PARTICULAR_KEYS, PARTICULARS_TABLE } from "../layout";
import type { ParticularKey } from "../layout";
import type { WorkbookSnapshot } from "../workbook";

export type Particulars = Partial<Record<ParticularKey, string>>;

export interface ResolvedParticulars {
  province: string | null;
  issuer: string;
  parentBody: string | null;
  symbol: string;
  place: string | null;
  addressee: string | null;
  signature: { authority: string[]; signer: string | null };
  recipients: string[];
  plan: { number: string | null; date: string | null; issuer: string | null };
}

const GAP = "……";

/** The People's Committee itself (not one of its departments). */
export function isPeoplesCommittee(issuer: string): boolean {
  return /^(?:ủy|uỷ) ban nhân dân|^ubnd/iu.test(issuer.trim());
}

/** Abbreviations that the initials rule would get wrong or make ambiguous. */
const SYMBOL_EXCEPTIONS: Array<[RegExp, string]> = [
  [/^sở ngoại vụ$/iu, "SNgV"],
  [/^văn phòng (?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)/iu, "VP"],
  [/^thanh tra tỉnh$/iu, "TTr"],
  [/^ban quản lý các khu công nghiệp/iu, "BQL"],
];

/**
 * The symbol of a report ("BC-" and the issuer's abbreviation): BC-UBND for
 * the People's Committee; a department's initials after "S" (Sở Tài chính →
 * BC-STC, Sở Nông nghiệp và Môi trường → BC-SNNMT), "và" and commas left out.
 * @example
 * symbolFor("Sở Tài chính") // "BC-STC"
 */
export function symbolFor(issuer: string): string {
  const name = issuer.trim().replace(/\s+/g, " ");
  if (name === "" || isPeoplesCommittee(name)) return "BC-UBND";
  for (const [re, abbr] of SYMBOL_EXCEPTIONS) if (re.test(name)) return `BC-${abbr}`;
  const words = name.replace(/[,;.()]/g, " ").split(" ").filter((w) => w !== "" && !/^(và|tỉnh|thành|phố)$/iu.test(w));
  const initials = words.map((w) => (w.charAt(0) === "&" ? "" : w.charAt(0).toUpperCase())).join("");
  return `BC-${initials}`;
}

const clean = (v: string | null | undefined): string | null => {
  const t = (v ?? "").trim();
  return t === "" ? null : t;
};

/**
 * The particulars kept in the workbook, by key; a workbook without the table gives {}.
 * @example
 * readParticulars(snapshot).province // "Bắc Giang"
 */
export function readParticulars(snapshot: WorkbookSnapshot): Particulars {
  const t = snapshot.tables.find((x) => x.name === PARTICULARS_TABLE) ?? snapshot.tables.find((x) => x.name.startsWith(PARTICULARS_TABLE));
  if (!t) return {};
  const ki = t.headers.findIndex((h) => /^(Khóa|Key)$/u.test(h.trim()));
  const vi = t.headers.findIndex((h) => /^(Giá trị|Value)$/u.test(h.trim()));
  if (ki < 0 || vi < 0) return {};
  const out: Particulars = {};
  for (const row of t.rows) {
    const key = String(row[ki] ?? "").trim() as ParticularKey;
    const value = clean(row[vi] === null || row[vi] === undefined ? null : String(row[vi]));
    if ((PARTICULAR_KEYS as readonly string[]).includes(key) && value !== null) out[key] = value;
  }
  return out;
}

/** "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" (NĐ 30/2020, Phụ lục I, Mục II.7). */
function authorityLines(committee: boolean, authority: string | null, title: string | null): string[] {
  const t = (title ?? (committee ? "CHỦ TỊCH" : "GIÁM ĐỐC")).toUpperCase();
  const head = committee ? "CHỦ TỊCH" : "GIÁM ĐỐC";
  const a = (authority ?? "").toUpperCase().replace(/\s+/g, "");
  const deputy = /^PHÓ /u.test(t);
  const lines: string[] = [];
  // The People's Committee signs on behalf of the collective (TM.) unless told otherwise.
  if (committee && a !== "KT.") lines.push("TM. ỦY BAN NHÂN DÂN");
  if (deputy || a === "KT.") lines.push(`KT. ${head}`);
  lines.push(t);
  return lines;
}

function withProvince(body: string | null, province: string | null): string | null {
  if (body === null) return province ? `UBND tỉnh ${province}` : null;
  return province && /^(?:UBND|(?:Ủy|Uỷ) ban nhân dân) tỉnh$/iu.test(body.trim()) ? `${body.trim()} ${province}` : body;
}

/**
 * What the report writes: the caller's values first, then the workbook's, then the decree's defaults.
 * @example
 * resolveParticulars({ province: "Bắc Giang" }, { issuer: "Sở Tài chính" }).symbol // "BC-STC"
 */
export function resolveParticulars(stored: Particulars, overrides: Particulars = {}): ResolvedParticulars {
  const get = (k: ParticularKey): string | null => clean(overrides[k]) ?? clean(stored[k]);
  const province = get("province");
  const committeeName = `Ủy ban nhân dân tỉnh ${province ?? GAP}`;
  // A caller naming another issuer drops the workbook's superior body and symbol only if they were for another issuer.
  const issuer = get("issuer") ?? committeeName;
  const committee = isPeoplesCommittee(issuer);
  const storedFitsIssuer = clean(overrides.issuer) === null || clean(overrides.issuer) === clean(stored.issuer);
  const pick = (k: ParticularKey): string | null => clean(overrides[k]) ?? (storedFitsIssuer ? clean(stored[k]) : null);
  const recipients = (get("recipients") ?? "")
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-–]\s*/, "").trim())
    .filter((l) => l !== "");
  return {
    province,
    issuer,
    parentBody: committee ? null : pick("parentBody") ?? committeeName,
    symbol: pick("symbol") ?? symbolFor(issuer),
    place: get("place") ?? province,
    addressee: committee ? pick("addressee") : pick("addressee") ?? committeeName,
    signature: { authority: authorityLines(committee, pick("authority"), pick("signerTitle")), signer: pick("signerName") },
    recipients,
    // "UBND tỉnh" (a plan that names no province) gains the province the workbook knows.
    plan: { number: get("planNumber"), date: get("planDate"), issuer: withProvince(get("planIssuer"), province) },
  };
}
