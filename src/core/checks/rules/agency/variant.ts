import { agencySpelling } from "../../../agency";
import type { Agency } from "../../../model";
import type { Rule } from "../../types";
import { agencyLists } from "./_lib";

/**
 * The same agency written two ways in one plan ("Sở Công Thương" and "Sở Công
 * thương"), or written unlike the directory. Reported once per spelling, at
 * its first use, with the directory's name.
 */
export const agencyVariant: Rule = {
  id: "agency.variant",
  severity: "info",
  description: "An agency written unlike the directory, or two ways in the plan / spelling variant",
  run(ctx) {
    const reported = new Set<string>();
    const spellings = new Map<string, Set<string>>();
    const all = agencyLists(ctx).flatMap((l) => [
      ...l.lead.map((a) => ({ l, a, field: "lead" as const })),
      ...l.coordinating.map((a) => ({ l, a, field: "coordinating" as const })),
    ]);
    const read = new Map<Agency, ReturnType<typeof agencySpelling>>();
    for (const { a } of all) {
      if (a.kind !== "agency") continue;
      const sp = agencySpelling(a, ctx.directory);
      read.set(a, sp);
      if (sp?.written) (spellings.get(a.name) ?? spellings.set(a.name, new Set()).get(a.name))?.add(sp.written);
    }
    for (const { l, a, field } of all) {
      const sp = read.get(a);
      if (!sp || sp.exact !== false || !sp.written) continue;
      const key = `${a.name}\u0000${sp.written}`;
      if (reported.has(key)) continue;
      reported.add(key);
      // Other full spellings only: "Công Thương" after "Các sở:" is a list's short form, not a rival spelling.
      const others = [...(spellings.get(a.name) ?? [])].filter((w) => w !== sp.written && w.length >= a.name.length * 0.8);
      const also = others.length ? ` (nơi khác viết "${others.join('", "')}")` : "";
      const alsoEn = others.length ? ` (elsewhere written "${others.join('", "')}")` : "";
      ctx.report(this, { ...l.subject, field }, {
        vi: `${l.label}: "${sp.written}" là cách viết khác của "${a.name}"${also}.`,
        en: `${l.labelEn}: "${sp.written}" is a variant spelling of "${a.name}"${alsoEn}.`,
      });
    }
  },
};
