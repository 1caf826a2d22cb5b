import { agencySpelling, citeBasis, successorsOn, viDay, type Note, type Succession, type SuccessionStep } from "../../../agency";
import type { Agency } from "../../../model";
import type { Report, Rule, RuleContext } from "../../types";
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

/** One agency's change in a few words: "KH&ĐT" → Sở Tài chính (từ 1/3/2025), or gone and to be reassigned. */
function change(s: Changed, written: string): Note {
  if (s.status === "reassign") {
    return { vi: `"${written}" không còn từ ${viDay(s.since)}, cần giao lại`, en: `"${written}" gone since ${s.since}, to be reassigned` };
  }
  const to = path(s);
  // A chain carries its own dates; a plain merge is dated once.
  if (s.steps.length > 1) return { vi: `"${written}" → ${to.vi}`, en: `"${written}" → ${to.en}` };
  return { vi: `"${written}" → ${to.vi} (từ ${viDay(s.since)})`, en: `"${written}" → ${to.en} (since ${s.since})` };
}

/**
 * One short sentence per cell, and apart from it the legal basis and what is unverified, each said once:
 * 20 lines of decrees and doubts repeated on every row hid the plan's real defects.
 */
function message(items: Array<{ s: Changed; written: string }>, role: keyof typeof ROLE): Required<Pick<Report, "vi" | "en" | "basis" | "changes">> & { notes: Note | null } {
  const r = ROLE[role];
  const parts = items.map((i) => change(i.s, i.written));
  const head = items.length === 1 ? { vi: r.vi, en: r.en } : { vi: `${r.vi} đã thay đổi:`, en: `${r.enMany} changed:` };
  const cites = items.flatMap((i) => i.s.basis.map(citeBasis)).filter((n, k, all) => all.findIndex((m) => m.vi === n.vi) === k);
  const notes = items.flatMap((i) => i.s.unverified).filter((n, k, all) => all.findIndex((m) => m.vi === n.vi) === k);
  const list = (xs: string[]): string => `${xs.map((x) => x.replace(/\.$/, "")).join("; ")}.`;
  return {
    vi: `${head.vi} ${parts.map((p) => p.vi).join("; ")}.`,
    en: `${head.en} ${parts.map((p) => p.en).join("; ")}.`,
    basis: { vi: cites.map((c) => c.vi).join("; "), en: cites.map((c) => c.en).join("; ") },
    notes: notes.length > 0 ? { vi: list(notes.map((n) => n.vi)), en: list(notes.map((n) => n.en)) } : null,
    changes: items.map(({ s, written }) => {
      const own = s.basis.map(citeBasis);
      return {
        agency: s.name,
        written,
        status: s.status,
        since: s.since,
        successors: s.status === "replaced" ? s.successors.map((x) => x.name) : [],
        basis: { vi: own.map((c) => c.vi).join("; "), en: own.map((c) => c.en).join("; ") },
        ...(s.unverified.length > 0 ? { unverified: { vi: list(s.unverified.map((n) => n.vi)), en: list(s.unverified.map((n) => n.en)) } } : {}),
      };
    }),
  };
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
          basis: m.basis,
          changes: m.changes,
          ...(m.notes ? { notes: m.notes } : {}),
        });
      }
    }
  },
};
