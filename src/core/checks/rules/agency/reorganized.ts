import { agencySpelling, citeBasis, successorsOn, viDay, type Note, type Succession, type SuccessionStep } from "../../../agency";
import type { Agency } from "../../../model";
import type { Rule, RuleContext } from "../../types";
import { agencyLists } from "./_lib";

/** The day findings are judged at: the reporting period's end when given, else today. */
export function trackingDay(ctx: RuleContext): string {
  return ctx.input.periodEnd ?? ctx.input.today.toISOString().slice(0, 10);
}

const ROLE = {
  lead: { vi: "đơn vị chủ trì", en: "the lead", enMany: "the leads" },
  coordinating: { vi: "đơn vị phối hợp", en: "the coordinating agency", enMany: "the coordinating agencies" },
} as const;

/** "Sở Tài chính", or for a chain "Chi cục Thuế khu vực (từ 1/3/2025) → Thuế tỉnh (từ 1/7/2025)". */
function path(s: Extract<Succession, { status: "replaced" }>): Note {
  if (s.steps.length <= 1) {
    const to = s.successors.map((x) => x.name).join("; ");
    return { vi: to, en: to };
  }
  const hop = (st: SuccessionStep, lang: "vi" | "en"): string => `${st.to.map((x) => x.name).join("; ")} (${lang === "vi" ? `từ ${viDay(st.since)}` : `since ${st.since}`})`;
  return { vi: s.steps.map((st) => hop(st, "vi")).join(" → "), en: s.steps.map((st) => hop(st, "en")).join(" → ") };
}

type Changed = Exclude<Succession, { status: "current" }>;

function cite(s: Changed): Note {
  const cites = s.basis.map(citeBasis);
  return { vi: cites.map((c) => c.vi).join("; "), en: cites.map((c) => c.en).join("; ") };
}

/** One agency's change: "Sở KH&ĐT" → Sở Tài chính from 1/3/2025 (basis), or to be reassigned. */
function change(s: Changed, written: string): Note {
  const b = cite(s);
  if (s.status === "reassign") {
    return {
      vi: `"${written}" không còn từ ${viDay(s.since)} (${b.vi}): nhiệm vụ phải được giao lại từ ${viDay(s.since)}`,
      en: `"${written}" no longer exists since ${s.since} (${b.en}): the task must be reassigned since ${s.since}`,
    };
  }
  const to = path(s);
  return {
    vi: `"${written}" không còn từ ${viDay(s.since)}; đơn vị kế thừa: ${to.vi} (${b.vi})`,
    en: `"${written}" no longer exists since ${s.since}; successor: ${to.en} (${b.en})`,
  };
}

/** Several changes in one cell, those sharing a date and basis said together. */
function several(items: Array<{ s: Changed; written: string }>): Note {
  const groups = new Map<string, Array<{ s: Changed; written: string }>>();
  for (const i of items) {
    const key = `${i.s.status}|${i.s.since}|${i.s.basis.map((b) => b.document).join(";")}`;
    (groups.get(key) ?? groups.set(key, []).get(key))?.push(i);
  }
  const parts = [...groups.values()].map((g) => {
    const first = g[0] as { s: Changed; written: string };
    const b = cite(first.s);
    const since = first.s.since;
    if (first.s.status === "reassign") {
      const who = g.map((i) => `"${i.written}"`).join(", ");
      return { vi: `${who} không còn từ ${viDay(since)}, nhiệm vụ phải được giao lại (${b.vi})`, en: `${who} no longer exist since ${since}, the task must be reassigned (${b.en})` };
    }
    const arrows = (lang: "vi" | "en"): string => g.map((i) => `"${i.written}" → ${i.s.status === "replaced" ? path(i.s)[lang] : ""}`).join(", ");
    const chained = g.some((i) => i.s.steps.length > 1);
    // A chain carries its own dates; a plain merge is dated once for the group.
    if (chained) return { vi: `${arrows("vi")} (${b.vi})`, en: `${arrows("en")} (${b.en})` };
    return { vi: `${arrows("vi")} từ ${viDay(since)} (${b.vi})`, en: `${arrows("en")} since ${since} (${b.en})` };
  });
  return { vi: parts.map((p) => p.vi).join("; "), en: parts.map((p) => p.en).join("; ") };
}

function message(items: Array<{ s: Changed; written: string }>, role: keyof typeof ROLE): Note {
  const r = ROLE[role];
  const [only] = items;
  const body = items.length === 1 && only ? change(only.s, only.written) : several(items);
  const notes = items.flatMap((i) => i.s.unverified).filter((n, k, all) => all.findIndex((m) => m.vi === n.vi) === k);
  const list = (xs: string[]): string => `${xs.map((x) => x.replace(/\.$/, "")).join("; ")}.`;
  const more = notes.length ? { vi: ` Chưa xác minh: ${list(notes.map((n) => n.vi))}`, en: ` Not verified: ${list(notes.map((n) => n.en))}` } : { vi: "", en: "" };
  if (items.length === 1) return { vi: `${r.vi} ${body.vi}.${more.vi}`, en: `${r.en} ${body.en}.${more.en}` };
  return { vi: `${r.vi} đã thay đổi: ${body.vi}.${more.vi}`, en: `${r.enMany} changed: ${body.en}.${more.en}` };
}

const sameList = (a: Agency[], b: Agency[]): boolean => a.length === b.length && a.every((x, i) => x.name === b[i]?.name);

/**
 * A lead or coordinating agency that no longer existed on the tracking day
 * (the reporting period's end, else today): reported with its successor and
 * the legal basis, or, for a level of government that ended (UBND cấp
 * huyện since 1/7/2025), as a task to reassign, naming nobody. One finding
 * per cell, listing each changed agency. A warning for a lead, information
 * for the coordinating cell. Checked as of a day before the change, it
 * reports nothing.
 */
export const agencyReorganized: Rule = {
  id: "agency.reorganized",
  severity: "warning",
  description: "A lead/coordinating agency dissolved by the tracking date (2025 reorganisation): successor and basis, or reassign",
  run(ctx) {
    const day = trackingDay(ctx);
    // How each name was written, once per distinct cell text: plans repeat the same cells.
    const spelled = new Map<string, string>();
    const written = (a: Agency): string => {
      const key = `${a.raw}\u0000${a.name}`;
      let w = spelled.get(key);
      if (w === undefined) spelled.set(key, (w = agencySpelling(a, ctx.directory)?.written ?? a.name));
      return w;
    };
    for (const l of agencyLists(ctx)) {
      for (const field of ["lead", "coordinating"] as const) {
        const list = l[field];
        // A task sharing its indicator's cell (a merged cell) is the indicator's finding, said once.
        if (l.subject.task && sameList(list, l.subject.row.indicator[field])) continue;
        const items: Array<{ s: Changed; written: string }> = [];
        for (const a of list) {
          if (a.kind === "unknown") continue;
          const s = successorsOn(a, day, ctx.directory);
          if (s.status === "current" || items.some((i) => i.s.name === s.name)) continue;
          items.push({ s, written: written(a) });
        }
        if (items.length === 0) continue;
        const m = message(items, field);
        ctx.report(this, { ...l.subject, field }, {
          severity: field === "lead" ? "warning" : "info",
          vi: `${l.label}: ${m.vi}`,
          en: `${l.labelEn}: ${m.en}`,
        });
      }
    }
  },
};
