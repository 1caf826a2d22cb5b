/**
 * Findings grouped the way a planner acts on them: one group per rule with a
 * count, the plan's own defects first (most serious first), then the
 * tracking findings — a reporting period over without a result — as one
 * group per period, oldest first. A 2023 plan checked in 2026 then shows its
 * real defects on top and "Năm 2023: 40 chỉ tiêu chưa có kết quả" below,
 * instead of 40 near-identical lines above everything.
 */
import type { Finding, Severity } from "../model";
import { parsePeriod, comparePeriods } from "../period";

/** The rule whose findings are tracking, not defects of the plan: grouped per period. */
export const TRACKING_RULE = "deadline.passedNoResult";

/** What each rule's group is called (Vietnamese, English). A rule missing here shows its id. */
export const RULE_TITLES: Record<string, { vi: string; en: string }> = {
  "agency.catchAllLead": { vi: "Chủ trì là nhóm chung, chưa rõ đơn vị", en: "Lead is a catch-all group" },
  "agency.leadAlsoCoordinating": { vi: "Đơn vị vừa chủ trì vừa phối hợp", en: "Agency both leads and coordinates" },
  "agency.listedTwice": { vi: "Đơn vị được ghi hai lần", en: "Agency listed twice" },
  "agency.noLead": { vi: "Chưa có đơn vị chủ trì", en: "No lead agency" },
  "agency.reorganized": { vi: "Đơn vị không còn sau sắp xếp 2025", en: "Agency gone after the 2025 reorganisation" },
  "agency.unknown": { vi: "Đơn vị không có trong danh mục", en: "Agency not in the directory" },
  "agency.variant": { vi: "Tên đơn vị viết khác nhau", en: "Agency name spelled differently" },
  "deadline.afterPeriod": { vi: "Thời hạn sau khi kế hoạch kết thúc", en: "Deadline after the plan's period" },
  "deadline.beforePlan": { vi: "Thời hạn trước ngày ban hành kế hoạch", en: "Deadline before the plan was issued" },
  "deadline.unreadable": { vi: "Thời hạn không đọc được", en: "Unreadable deadline" },
  "duplicate.conflict": { vi: "Chỉ tiêu trùng nhau nhưng số liệu khác", en: "Duplicated indicator with different figures" },
  "numbering.duplicate": { vi: "Số thứ tự bị trùng", en: "Duplicate numbering" },
  "numbering.gap": { vi: "Số thứ tự bị nhảy", en: "Gap in numbering" },
  "numbering.missingStt": { vi: "Thiếu số thứ tự", en: "Missing number" },
  "numbering.parentMismatch": { vi: "Số thứ tự không khớp mục cha", en: "Number does not match its parent" },
  "result.notNumber": { vi: "Kết quả không phải là số", en: "Result is not a number" },
  "result.outOfScale": { vi: "Kết quả nằm ngoài thang đo", en: "Result out of scale" },
  "result.wrongColumn": { vi: "Kết quả nhập nhầm cột", en: "Result in the wrong column" },
  "schedule.upstreamFirst": { vi: "Hạn báo cáo cấp trên sớm hơn hạn các đơn vị gửi", en: "Upward report due before the agencies'" },
  "schedule.beforePeriodEnd": { vi: "Hạn báo cáo trước tháng cuối của kỳ", en: "Report due before the period's last month" },
  "target.aboveBaseline": { vi: "Mục tiêu \"giảm\" nhưng cao hơn giá trị gốc", en: "Target to lower is above the baseline" },
  "target.belowBaseline": { vi: "Mục tiêu \"tăng\" nhưng thấp hơn giá trị gốc", en: "Target to raise is below the baseline" },
  "target.directionConflict": { vi: "Chiều của mục tiêu mâu thuẫn", en: "Conflicting target direction" },
  "target.implausibleJump": { vi: "Mục tiêu chênh lệch bất thường so với gốc", en: "Implausible jump from the baseline" },
  "target.missing": { vi: "Thiếu mục tiêu", en: "Missing target" },
  "target.percentOver100": { vi: "Mục tiêu phần trăm vượt 100%", en: "Percent target over 100%" },
  "history.compareMismatch": { vi: "Cột so sánh (%) tính sai", en: "Comparison column does not recompute" },
  "target.unreadable": { vi: "Mục tiêu không đọc được", en: "Unreadable target" },
  "unit.mismatch": { vi: "Đơn vị tính không khớp mục tiêu", en: "Unit does not match the target" },
  "unit.missing": { vi: "Thiếu đơn vị tính", en: "Missing unit" },
};

export interface FindingGroup {
  /** Stable id: the rule, or "deadline.passedNoResult@2023-H1" for a period's tracking group. */
  id: string;
  kind: "plan" | "tracking";
  rule: string;
  /** The period of a tracking group. */
  period: string | null;
  title: string;
  titleEn: string;
  /** The most serious severity among its findings. */
  severity: Severity;
  /** The findings, each with its index in the full list (for selection). */
  items: Array<{ finding: Finding; index: number }>;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * @param severities only findings of these severities (the planner's filter); all when omitted
 * @example
 * groupFindings(findings).map((g) => `${g.title} (${g.items.length})`)
 * // ["Số thứ tự bị nhảy (2)", …, "Chưa có kết quả — 6 tháng đầu năm 2023 (40)", "Chưa có kết quả — Năm 2023 (40)"]
 */
export function groupFindings(findings: readonly Finding[], severities?: readonly Severity[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  findings.forEach((finding, index) => {
    if (severities && !severities.includes(finding.severity)) return;
    const tracking = finding.rule === TRACKING_RULE;
    const period = tracking ? (finding.ref.period ?? null) : null;
    const id = tracking ? `${finding.rule}@${period ?? ""}` : finding.rule;
    let g = groups.get(id);
    if (!g) {
      const p = period ? parsePeriod(period) : null;
      const base = RULE_TITLES[finding.rule];
      g = {
        id,
        kind: tracking ? "tracking" : "plan",
        rule: finding.rule,
        period,
        title: tracking ? `Chưa có kết quả — ${p?.label ?? period ?? "kỳ đã qua"}` : (base?.vi ?? finding.rule),
        titleEn: tracking ? `No result — ${p?.labelEn ?? period ?? "past period"}` : (base?.en ?? finding.rule),
        severity: finding.severity,
        items: [],
      };
      groups.set(id, g);
    }
    if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[g.severity]) g.severity = finding.severity;
    g.items.push({ finding, index });
  });
  const all = [...groups.values()];
  const plan = all.filter((g) => g.kind === "plan").sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.items[0]?.index ?? 0) - (b.items[0]?.index ?? 0));
  const tracking = all.filter((g) => g.kind === "tracking").sort((a, b) => {
    const pa = a.period ? parsePeriod(a.period) : null;
    const pb = b.period ? parsePeriod(b.period) : null;
    return pa && pb ? comparePeriods(pa, pb) : (a.period ?? "").localeCompare(b.period ?? "");
  });
  return [...plan, ...tracking];
}
