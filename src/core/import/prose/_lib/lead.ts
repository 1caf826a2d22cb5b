/**
 * Who a paragraph assigns work to, as plans write it: "Sở Kế hoạch và Đầu tư
 * chủ trì, phối hợp với …", "Giao Sở Tài chính tham mưu …", "Các sở, ngành
 * có trách nhiệm …", "b) Sở Y tế: …", or a heading that is only a name
 * ("2.1. Sở Kế hoạch và Đầu tư").
 */
import { parseAgencies } from "../../../agency";
import type { Agency } from "../../../model";

export interface LeadReading {
  lead: Agency[];
  coordinating: Agency[];
  /** The words the lead was read from. */
  leadText: string;
  /**
   * The work the heading itself states: the text after "X:" ("" when the
   * heading ends with ":"), or the whole sentence when the lead is its subject.
   */
  rest: string;
}

/** Words an agency name can start with (a subject, not a topic like "Tháo gỡ bất cập …"). */
const AGENCY_START = /^(?:Các|các|Sở|Cơ quan|Ban|UBND|Ủy ban|Uỷ ban|Trung tâm|Thủ trưởng|Giám đốc|Chủ tịch|Công an|Cục|Chi cục|Ngân hàng|Thanh tra|Văn phòng|Đài|Báo|Hiệp hội|Liên hiệp|Bộ|Tỉnh đoàn|Hội|Kho bạc|Bảo hiểm|Viện|Trường|Bộ Chỉ huy|Đơn vị|Cơ quan)(?![\p{L}\p{M}])/u;

/**
 * Verbs that end a subject ("… tập trung thực hiện", "… có trách nhiệm"). Lower case only:
 * inside a name they are capitalised ("Sở Xây dựng", "Trung tâm Phục vụ hành chính công").
 */
const VERBS = [
  "chủ trì", "là cơ quan đầu mối", "là đơn vị đầu mối", "có trách nhiệm", "chịu trách nhiệm", "tham mưu", "tập trung", "chủ động", "thực hiện",
  "triển khai", "theo dõi", "căn cứ", "gửi", "báo cáo", "tổ chức", "tiếp tục", "rà soát", "xây dựng", "phối hợp", "thường xuyên", "hướng dẫn",
  "đôn đốc", "nghiên cứu", "khẩn trương", "quán triệt", "bố trí", "đề xuất", "kiểm tra", "tăng cường", "đẩy mạnh", "nâng cao", "hỗ trợ",
  "theo chức năng", "lãnh đạo", "chỉ đạo", "cung cấp", "thu thập",
];
const VERB_RE = new RegExp(`\\s(?:${VERBS.join("|")})(?![\\p{L}\\p{M}])`, "u");

/** Agencies in a phrase, when it reads as agencies (at least one known agency or group, nothing but names). */
function agenciesIn(text: string): Agency[] | null {
  // "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện": the bodies they head are the leads.
  const t = text.replace(/^giao\s+/iu, "").replace(/[\s,;:.]+$/u, "").replace(/(^|[,;]\s*)(?:giám đốc|thủ trưởng|chủ tịch)\s+(?=\p{L})/giu, "$1").replace(/(^|[,;]\s*)(sở|cơ quan)(?=\s*[,;]|\s+thuộc|$)/giu, "$1các $2").trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  if (!t || t.length > 400 || !AGENCY_START.test(t)) return null;
  const found = parseAgencies(t);
  // A bare determiner ("Các" before "tổ chức …") is no subject: at least one name must be known, or a leader's title.
  if (found.length === 0 || found.every((a) => a.kind === "unknown")) return null;
  return found;
}

/** The agencies named after "phối hợp (với|cùng)", up to the verb or clause that follows. */
export function coordinatingIn(text: string): Agency[] {
  const m = /phối hợp(?:\s+(?:với|cùng))?\s+(.+)$/u.exec(text);
  if (!m?.[1]) return [];
  let phrase = m[1];
  const stop = /[:;.(]/u.exec(phrase);
  if (stop) phrase = phrase.slice(0, stop.index);
  const verb = VERB_RE.exec(` ${phrase}`);
  if (verb && verb.index > 0) phrase = phrase.slice(0, verb.index - 1);
  return agenciesIn(phrase) ?? [];
}

/**
 * Read a heading as an assignment, or null when it names no lead (a topic heading).
 * @example
 * readLead("Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các Sở, ban, ngành và đơn vị liên quan:")
 * // { lead: [Sở Kế hoạch và Đầu tư], coordinating: [Các sở, ngành; Các cơ quan, đơn vị liên quan], rest: "" }
 */
export function readLead(heading: string): LeadReading | null {
  const text = heading.trim();
  const known = memo.get(text);
  if (known !== undefined) return known;
  const read = readLeadUncached(text);
  if (memo.size > 2_000) memo.clear();
  memo.set(text, read);
  return read;
}

/** Headings are read more than once while lines are joined (is this heading complete?): read each text once. */
const memo = new Map<string, LeadReading | null>();

function readLeadUncached(text: string): LeadReading | null {
  const body = text.replace(/^(?:giao|đề nghị)\s+/iu, "");
  // "Đơn vị đầu mối: Sở Thông tin và Truyền thông", "Cơ quan, đơn vị chủ trì: …"
  const labelled = /^(?:đơn vị|cơ quan)(?:,\s*đơn vị)?\s+(?:đầu mối|chủ trì)\s*:\s*(.+)$/iu.exec(body);
  if (labelled?.[1]) {
    const lead = agenciesIn(labelled[1]);
    if (lead) return { lead, coordinating: [], leadText: labelled[1].trim(), rest: "" };
  }
  // "X: …" — the name before the first colon.
  const colon = body.indexOf(":");
  if (colon > 0) {
    const name = body.slice(0, colon);
    const lead = !VERB_RE.test(` ${name}`) || /^Các sở\s*$/iu.test(name.trim()) ? agenciesIn(name) : null;
    // "Các sở: Công Thương, Khoa học và Công nghệ, …:" — the names run on after the first colon.
    if (/^các sở\s*$/iu.test(name.trim())) {
      const end = body.indexOf(":", colon + 1);
      const list = end > 0 ? body.slice(0, end) : body;
      const all = agenciesIn(list);
      if (all) return { lead: all, coordinating: [], leadText: list.trim(), rest: end > 0 ? body.slice(end + 1).trim() : "" };
    }
    if (lead) return { lead, coordinating: coordinatingIn(body.slice(colon + 1)), leadText: name.trim(), rest: body.slice(colon + 1).trim() };
  }
  // "X chủ trì, phối hợp với Y: …", "X có trách nhiệm …": the subject before the first verb.
  // The subject ends at the first verb that leaves a subject of names ("các tổ chức Hội doanh nghiệp" holds "tổ chức").
  const verbs = new RegExp(VERB_RE.source, "gu");
  for (const verb of ` ${body}`.matchAll(verbs)) {
    if (verb.index === 0) continue;
    const subject = body.slice(0, verb.index - 1);
    const lead = agenciesIn(subject);
    if (lead) {
      const restOfHeading = body.slice(verb.index - 1).trim();
      const coordinating = coordinatingIn(restOfHeading);
      // A heading ending in ":" introduces its tasks; otherwise the sentence is itself the task.
      const rest = /:\s*$/u.test(body) ? "" : text;
      return { lead, coordinating, leadText: subject.trim(), rest };
    }
  }
  // "2.1. Sở Kế hoạch và Đầu tư": a heading that is only a name.
  if (!/[.:;]$/u.test(body) || /tỉnh\.?$/u.test(body)) {
    const lead = body.length <= 160 ? agenciesIn(body) : null;
    if (lead?.every((a) => a.kind !== "unknown")) return { lead, coordinating: [], leadText: body, rest: "" };
  }
  return null;
}

/**
 * The subject inside a sentence that does not open with it ("Định kỳ trước ngày 10 tháng 6 … các đơn vị tổ
 * chức sơ kết …", "Trong quá trình …, các cơ quan, đơn vị chủ động báo cáo …").
 */
export function subjectInside(sentence: string): LeadReading | null {
  const re = /(?:^|[,;]\s|\s)((?:các|Các)\s+(?:sở|Sở|cơ quan|đơn vị|ngành|địa phương)[^.;:]*?)(?=\s(?:tổ chức|gửi|báo cáo|thực hiện|chủ động|có trách nhiệm|căn cứ|triển khai|chỉ đạo|rà soát|tập trung))/u;
  const m = re.exec(sentence);
  if (!m?.[1]) return null;
  const phrase = m[1].trim();
  // "các đơn vị" alone, as a subject, is every agency the plan addresses: the directory's catch-all, with the words kept.
  const lead = /^các\s+(?:đơn vị|cơ quan)$/iu.test(phrase) ? parseAgencies("các cơ quan, đơn vị").map((a) => ({ ...a, raw: phrase })) : parseAgencies(phrase);
  if (lead.length === 0) return null;
  return { lead, coordinating: coordinatingIn(sentence), leadText: phrase, rest: sentence.trim() };
}
