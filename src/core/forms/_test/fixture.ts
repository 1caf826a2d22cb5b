/** A small plan with every routing case, as the workbook holds it, for the forms tests. Test-only. */
import { buildLayout } from "../../layout";
import { agency, indicator, plan, target, task } from "../../layout/_test/plan";
import type { Plan } from "../../model";
import { interpretSnapshot, layoutSnapshot } from "../../workbook";
import type { SnapshotValue } from "../../workbook";
import { formSource } from "../source";
import type { FormPeriod, FormSource } from "../source";

export const PERIODS: FormPeriod[] = [
  { id: "2024-H1", label: "6 tháng đầu năm 2024" },
  { id: "2024", label: "Năm 2024" },
];

export function fixturePlan(title = "Kế hoạch thử"): Plan {
  return plan([
    indicator("1.1", { name: "Tỷ lệ hồ sơ đúng hạn", unit: "%", target: target(">=", 92, { percent: true, raw: "Trên hoặc bằng 92%" }), lead: [agency("Sở Tư pháp")],
      tasks: [task("Rà soát thủ tục", { lead: [agency("Sở Tư pháp")] })] }),
    indicator("1.2", { name: "Số ngày chờ", target: target("<=", 3), lowerIsBetter: true, lead: [agency("Sở Kế hoạch và Đầu tư")] }),
    indicator("1.3", { name: "Chỉ số chung", lead: [agency("Các sở, ngành", "group")],
      tasks: [task("Tuyên truyền", { lead: [agency("UBND cấp huyện", "group")] })] }),
    indicator("1.4", { name: "Chất lượng website", lead: [], tasks: [task("Nâng cấp cổng", { lead: [agency("Sở Xây dựng")] })] }),
    indicator("1.5", { name: "Chỉ số y tế", lead: [agency("Sở Tư pháp"), agency("Sở Y tế")] }),
  ], title);
}

/** The source as read from a freshly written workbook, with `results` typed into the period grid. */
export function fixtureSource(results: Record<string, Record<string, SnapshotValue>> = {}, p: Plan = fixturePlan()): FormSource {
  const reading = interpretSnapshot(layoutSnapshot(buildLayout(p, { lang: "vi" })));
  return formSource(reading, { title: p.title, periods: PERIODS, results });
}

import { layoutSnapshot as snapshotOf } from "../../workbook";
import type { WorkbookSnapshot } from "../../workbook";
import { formRecipients } from "../recipients";
import { formLayout } from "../layout";

export const ISSUED = "2024-06-20T08:00:00.000Z";

/** The form an agency receives, as a reader would see it straight after writing. */
export function formSnapshot(source: FormSource, agencyName: string, periodId = "2024-H1"): WorkbookSnapshot {
  const recipient = formRecipients(source).find((r) => r.agency === agencyName);
  const period = PERIODS.find((p) => p.id === periodId);
  if (!recipient || !period) throw new Error(`no form for ${agencyName} ${periodId}`);
  return snapshotOf(formLayout({ source, recipient, period, issued: ISSUED }));
}

/** Types into a form snapshot as an agency would: `input` is the header of the column, the row is found by key. */
export function typeInto(snapshot: WorkbookSnapshot, key: string, input: string, value: SnapshotValue): WorkbookSnapshot {
  const copy: WorkbookSnapshot = structuredClone(snapshot);
  for (const t of copy.tables) {
    const k = t.headers.indexOf("Khóa");
    const c = t.headers.indexOf(input);
    if (k < 0 || c < 0) continue;
    for (const r of t.rows) if (r[k] === key) r[c] = value;
  }
  return copy;
}
