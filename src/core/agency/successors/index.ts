/**
 * Who an agency is on a given day: itself, its successor(s) after the 2025
 * reorganisation (following chains such as Cục Thuế tỉnh → Chi cục Thuế khu
 * vực → Thuế tỉnh), or nobody, for a level of government that no longer
 * exists (district UBNDs since 1/7/2025), whose tasks must be reassigned.
 * Pure: the day is an input and the history is the directory's data.
 */
import type { Agency } from "../../model";
import { DEFAULT_DIRECTORY, type AgencyDirectory } from "../directory";
import { PROVINCE_HISTORY, type AgencyHistory, type LegalBasis, type Note, type ProvinceHistory, type Successor } from "../history";
import { matchAgency } from "..";

export type { AgencyHistory, LegalBasis, Note, Successor } from "../history";

/** One change on the way from the agency to today's body. */
export interface SuccessionStep {
  from: { id: string; name: string };
  /** First day of the change (the day after `from` ended). */
  since: string;
  to: Successor[];
  reassign: boolean;
  basis: LegalBasis[];
  unverified: Note[];
}

export type Succession =
  /** Still exists on that day (or outside the directory: nothing known). `unverified` says what may have changed. */
  | { status: "current"; id: string | null; name: string; unverified: Note[] }
  /** Replaced: today's body (or bodies), with every step and its basis. */
  | { status: "replaced"; id: string; name: string; since: string; successors: Successor[]; steps: SuccessionStep[]; basis: LegalBasis[]; unverified: Note[] }
  /** Its level of government ended: its tasks must be given to someone again; no successor is guessed. */
  | { status: "reassign"; id: string; name: string; since: string; steps: SuccessionStep[]; basis: LegalBasis[]; unverified: Note[] };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function isoDay(date: string | Date): string {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new TypeError("successorsOn: invalid Date");
    return date.toISOString().slice(0, 10);
  }
  if (typeof date !== "string" || !ISO.test(date.slice(0, 10))) throw new TypeError(`successorsOn: date must be an ISO day (yyyy-mm-dd), got ${String(date)}`);
  return date.slice(0, 10);
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function historyOf(dir: AgencyDirectory): Map<string, AgencyHistory> {
  return new Map((dir.history ?? []).map((h) => [h.id, h]));
}

/** The directory id a name or parsed agency stands for, or null outside the directory. */
function idOf(agency: string | Agency, dir: AgencyDirectory): { id: string | null; name: string } {
  if (typeof agency !== "string" && agency.kind === "unknown") return { id: null, name: agency.name };
  const name = typeof agency === "string" ? agency : agency.name;
  const m = matchAgency(name, dir);
  return m ? { id: m.entry.id, name: m.entry.name } : { id: null, name };
}

const unique = <T>(xs: T[], key: (x: T) => string): T[] => {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
};

/**
 * The agency, its successor(s) or "must be reassigned", as of `date`.
 * A change counts from the day after the agency's last day: checked as of
 * 2025-02-28, Sở Kế hoạch và Đầu tư is still current; as of 2025-03-01 it is
 * Sở Tài chính. Names outside the directory come back "current" (nothing is
 * known about them, nothing is invented).
 *
 * @example
 * successorsOn("Sở KH&ĐT", "2026-11-30")
 * // { status: "replaced", name: "Sở Kế hoạch và Đầu tư", since: "2025-03-01",
 * //   successors: [{ id: "so-tc", name: "Sở Tài chính" }], basis: [Nghị định 45/2025/NĐ-CP …], … }
 * successorsOn("UBND huyện, thành phố", "2026-11-30") // { status: "reassign", since: "2025-07-01", … }
 * successorsOn("Sở KH&ĐT", "2023-12-31")            // { status: "current", … }
 */
export function successorsOn(agency: string | Agency, date: string | Date, dir: AgencyDirectory = DEFAULT_DIRECTORY): Succession {
  if (typeof agency !== "string" && (typeof agency !== "object" || agency === null)) throw new TypeError("successorsOn: agency must be a name or an Agency");
  const day = isoDay(date);
  // Plans repeat a few names thousands of times: remember the answer per directory, name and day.
  const key = `${typeof agency === "string" ? "" : agency.kind}\u0000${typeof agency === "string" ? agency : agency.name}\u0000${day}`;
  let memo = MEMO.get(dir);
  if (!memo) MEMO.set(dir, (memo = new Map()));
  const known = memo.get(key);
  if (known) return known;
  const answer = succession(agency, day, dir);
  if (memo.size > 10_000) memo.clear();
  memo.set(key, answer);
  return answer;
}

const MEMO = new WeakMap<AgencyDirectory, Map<string, Succession>>();

function succession(agency: string | Agency, day: string, dir: AgencyDirectory): Succession {
  const history = historyOf(dir);
  const me = idOf(agency, dir);
  const first = me.id ? history.get(me.id) : undefined;
  if (!me.id || !first || first.validTo === null || first.validTo >= day) {
    return { status: "current", id: me.id, name: me.name, unverified: first && first.validTo === null ? first.unverified : [] };
  }
  const steps: SuccessionStep[] = [];
  let frontier: Successor[] = [{ id: me.id, name: me.name }];
  let reassign = false;
  // Follow each body while it has ended by `day`; a visited set guards against a cyclic history.
  const visited = new Set<string>();
  for (;;) {
    const next: Successor[] = [];
    let moved = false;
    for (const s of frontier) {
      const h = s.id ? history.get(s.id) : undefined;
      if (!h || h.validTo === null || h.validTo >= day || visited.has(h.id)) {
        next.push(s);
        continue;
      }
      visited.add(h.id);
      moved = true;
      steps.push({ from: { id: h.id, name: h.name }, since: nextDay(h.validTo), to: h.successors, reassign: h.reassign, basis: h.basis, unverified: h.unverified });
      if (h.reassign) reassign = true;
      next.push(...h.successors);
    }
    frontier = unique(next, (s) => s.id ?? s.name);
    if (!moved) break;
  }
  const since = steps[0]?.since ?? nextDay(first.validTo);
  const basis = unique(steps.flatMap((s) => s.basis), (b) => b.document);
  const stillUnverified = frontier.flatMap((s) => (s.id ? history.get(s.id)?.unverified ?? [] : []));
  const unverified = unique([...steps.flatMap((s) => s.unverified), ...stillUnverified], (n) => n.vi);
  if (reassign && frontier.length === 0) return { status: "reassign", id: me.id, name: first.name, since, steps, basis, unverified };
  return { status: "replaced", id: me.id, name: first.name, since, successors: frontier, steps, basis, unverified };
}

/**
 * The name an agency goes by on `date`: its successor's (several joined with
 * "; "), or its own when current or to be reassigned. For grouping
 * per-agency summaries by today's agency.
 *
 * @example
 * currentAgencyName("Sở Thông tin và Truyền thông", "2026-06-30") // "Sở Khoa học và Công nghệ"
 */
export function currentAgencyName(agency: string | Agency, date: string | Date, dir: AgencyDirectory = DEFAULT_DIRECTORY): string {
  const s = successorsOn(agency, date, dir);
  return s.status === "replaced" ? s.successors.map((x) => x.name).join("; ") : s.name;
}

/** "1/3/2025" from "2025-03-01": how Vietnamese documents write a day. */
export function viDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}/${Number(m)}/${y}`;
}

/**
 * How the basis is cited in messages: "Nghị định 45/2025/NĐ-CP ngày 28/2/2025, hiệu lực 1/3/2025".
 * @example
 * citeBasis(step.basis[0]) // { vi: "Nghị định 45/2025/NĐ-CP ngày 28/2/2025, hiệu lực 1/3/2025", en: "Nghị định 45/2025/NĐ-CP of 2025-02-28, in force 2025-03-01" }
 */
export function citeBasis(b: LegalBasis): Note {
  const vi = [b.document, b.issued ? `ngày ${viDay(b.issued)}` : null].filter(Boolean).join(" ");
  const en = [b.document, b.issued ? `of ${b.issued}` : null].filter(Boolean).join(" ");
  return { vi: b.effective ? `${vi}, hiệu lực ${viDay(b.effective)}` : vi, en: b.effective ? `${en}, in force ${b.effective}` : en };
}

/** What should receive a reporting form for a period, per lead agency named in the plan. */
export interface FormRecipients {
  /** Today's bodies, each with the plan's names it answers for (in first-seen order). */
  recipients: Array<{ id: string | null; name: string; predecessors: string[]; basis: LegalBasis[]; unverified: Note[] }>;
  /** Leads whose level of government has ended: their indicators go to the planning office's form, to be reassigned. */
  reassign: Array<{ name: string; since: string; basis: LegalBasis[] }>;
}

/**
 * For a plan's indicator lead agencies and a period's end date, which body
 * should receive the form: the current successor of a dissolved agency (one
 * form for Sở Tài chính covering what Sở KH&ĐT led), the agency itself
 * otherwise. Catch-all groups are left to the caller (they are not a
 * recipient); a group whose level ended (UBND cấp huyện) is listed under
 * `reassign`. An agency with several successors appears under each.
 *
 * @example
 * formRecipientsOn([sokhdt, sotc, sotttt], "2026-12-31").recipients.map((r) => r.name)
 * // ["Sở Tài chính", "Sở Khoa học và Công nghệ"]
 */
export function formRecipientsOn(leads: ReadonlyArray<string | Agency>, periodEnd: string | Date, dir: AgencyDirectory = DEFAULT_DIRECTORY): FormRecipients {
  const out: FormRecipients = { recipients: [], reassign: [] };
  const byKey = new Map<string, FormRecipients["recipients"][number]>();
  const add = (id: string | null, name: string, from: string, basis: LegalBasis[], unverified: Note[]): void => {
    const key = id ?? `name:${name}`;
    let r = byKey.get(key);
    if (!r) {
      r = { id, name, predecessors: [], basis: [], unverified: [] };
      byKey.set(key, r);
      out.recipients.push(r);
    }
    if (!r.predecessors.includes(from)) r.predecessors.push(from);
    r.basis = unique([...r.basis, ...basis], (b) => b.document);
    r.unverified = unique([...r.unverified, ...unverified], (n) => n.vi);
  };
  for (const lead of leads) {
    const s = successorsOn(lead, periodEnd, dir);
    if (s.status === "reassign") {
      if (!out.reassign.some((x) => x.name === s.name)) out.reassign.push({ name: s.name, since: s.since, basis: s.basis });
      continue;
    }
    const group = typeof lead === "string" ? dir.entries.find((e) => e.id === s.id)?.kind === "group" : lead.kind === "group";
    if (group) continue;
    if (s.status === "replaced") for (const x of s.successors) add(x.id, x.name, s.name, s.basis, s.unverified);
    else add(s.id, s.name, s.name, [], []);
  }
  return out;
}

/** The last day anything is known about: "as of today" for a layout written without a date. */
export const LATEST = "9999-12-31";

export type AgencyGrouping = "current" | "asWritten";

/**
 * Groups agency names for per-agency summaries: by today's body (the
 * default: Sở KH&ĐT and Sở Tài chính are one row, "Sở Tài chính") or as the
 * plan writes them. Labels keep the order of first appearance; a group whose
 * level ended (UBND cấp huyện) keeps its own name.
 *
 * @example
 * agencyGroups(["Sở Kế hoạch và Đầu tư", "Sở Tư pháp", "Sở Tài chính"], "current")
 * // [{ label: "Sở Tài chính", names: ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"] }, { label: "Sở Tư pháp", names: ["Sở Tư pháp"] }]
 */
export function agencyGroups(
  names: readonly string[],
  grouping: AgencyGrouping = "current",
  asOf: string | Date = LATEST,
  dir: AgencyDirectory = DEFAULT_DIRECTORY,
): Array<{ label: string; names: string[] }> {
  if (grouping !== "current" && grouping !== "asWritten") throw new TypeError(`agencyGroups: grouping must be "current" or "asWritten", got ${String(grouping)}`);
  const out: Array<{ label: string; names: string[] }> = [];
  for (const name of names) {
    const label = grouping === "current" ? currentAgencyName(name, asOf, dir) : name;
    const g = out.find((x) => x.label === label);
    if (!g) out.push({ label, names: [name] });
    else if (!g.names.includes(name)) g.names.push(name);
  }
  return out;
}

/**
 * What the Cơ quan sheet says about an agency's fate, or null when nothing
 * changed (and nothing is in doubt).
 *
 * @example
 * successorText("Sở Kế hoạch và Đầu tư", "vi")
 * // "Sở Tài chính (từ 1/3/2025; Nghị định 45/2025/NĐ-CP) — có chi tiết chưa xác minh"
 * successorText("UBND cấp huyện", "vi") // "Không còn từ 1/7/2025: giao lại nhiệm vụ (Luật Tổ chức chính quyền địa phương số 72/2025/QH15)"
 */
export function successorText(agency: string | Agency, lang: "vi" | "en", asOf: string | Date = LATEST, dir: AgencyDirectory = DEFAULT_DIRECTORY): string | null {
  const s = successorsOn(agency, asOf, dir);
  const docs = s.status === "current" ? "" : s.basis.map((b) => b.document).join("; ");
  const doubt = s.unverified.length > 0 ? (lang === "vi" ? " — có chi tiết chưa xác minh" : " — some details not verified") : "";
  if (s.status === "replaced") {
    const to = s.successors.map((x) => x.name).join("; ");
    return lang === "vi" ? `${to} (từ ${viDay(s.since)}; ${docs})${doubt}` : `${to} (since ${s.since}; ${docs})${doubt}`;
  }
  if (s.status === "reassign") {
    return lang === "vi" ? `Không còn từ ${viDay(s.since)}: giao lại nhiệm vụ (${docs})${doubt}` : `Gone since ${s.since}: reassign its tasks (${docs})${doubt}`;
  }
  const first = s.unverified[0];
  return first ? (lang === "vi" ? `Chưa xác minh: ${first.vi}` : `Not verified: ${first.en}`) : null;
}

/**
 * The province a province's agencies belong to on `date` (Nghị quyết
 * 202/2025/QH15): "Bắc Giang" is "Bắc Ninh" from 1/7/2025. Provinces the data
 * does not list come back unchanged with `known: false` (nothing is guessed).
 *
 * @example
 * provinceOn("tỉnh Bắc Giang", "2026-01-01") // { name: "Bắc Ninh", since: "2025-07-01", known: true, basis: [Nghị quyết 202/2025/QH15] }
 */
export function provinceOn(
  province: string,
  date: string | Date,
  history: readonly ProvinceHistory[] = PROVINCE_HISTORY,
): { name: string; since: string | null; known: boolean; basis: LegalBasis[] } {
  const day = isoDay(date);
  const bare = province.normalize("NFC").replace(/^\s*(?:tỉnh|thành phố|tp\.?)\s+/iu, "").trim();
  const h = history.find((x) => x.name.toLocaleLowerCase("vi") === bare.toLocaleLowerCase("vi"));
  if (!h) return { name: bare, since: null, known: false, basis: [] };
  if (h.validTo >= day) return { name: h.name, since: null, known: true, basis: [] };
  return { name: h.successor, since: nextDay(h.validTo), known: true, basis: h.basis };
}

/**
 * What the data could not verify about an agency's fate, as one sentence
 * list for the Cơ quan sheet; null when nothing is in doubt.
 *
 * @example
 * unverifiedText("Sở Kế hoạch và Đầu tư", "vi") // "ngày 1/3/2025 chưa đối chiếu được …; việc hợp nhất vào Sở Tài chính suy ra …"
 */
export function unverifiedText(agency: string | Agency, lang: "vi" | "en", asOf: string | Date = LATEST, dir: AgencyDirectory = DEFAULT_DIRECTORY): string | null {
  const notes = successorsOn(agency, asOf, dir).unverified;
  if (notes.length === 0) return null;
  return `${notes.map((n) => n[lang].replace(/\.$/, "")).join("; ")}.`;
}
