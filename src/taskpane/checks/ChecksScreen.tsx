/** "Kiểm tra": run the consistency checks, see findings grouped by what to do, click one to go to its cell, mark it "Đã xem". */
import { Badge, Button, Caption1, Checkbox, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useReducer, useState } from "react";
import type { Finding, Severity } from "../../core/model";
import { groupFindings, type FindingGroup } from "../../core/checks/group";
import { findingIds } from "../../core/layout/checksSheet";
import { reasonOf } from "../../app/services";
import { useServices, useStrings } from "../context";
import { Busy } from "../shell/Busy";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { checksReducer, initialChecksState, SEVERITY_ORDER } from "./state";
import { REORGANIZED_RULE, reorgByAgency, reorganizedFindings } from "./reorganized";
import { FindingRow } from "./FindingRow";
import { ReorganizedSection } from "./ReorganizedSection";

const useStyles = makeStyles({
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXS, minWidth: 0 },
  selected: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  groupButton: { justifyContent: "flex-start", textAlign: "left", minWidth: 0, height: "auto" },
  groupTitle: { display: "flex", flexDirection: "column", minWidth: 0 },
  filter: { border: "none", padding: 0, margin: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

type SectionKind = "plan" | "act" | "info";

/**
 * Findings sorted by what the planner does with them: the plan's own defects
 * first (errors and warnings of the rules), then what to act on this round
 * (periods over without a result, agencies gone in the 2025 reorganisation),
 * then what is only information. Each group shows its count and expands;
 * the severity filter applies to all; each finding can be marked "Đã xem",
 * a mark kept in the Kiểm tra sheet across re-checks.
 */
export function ChecksScreen() {
  const t = useStrings();
  const s = useScreenStyles();
  const c = useStyles();
  const services = useServices();
  const [state, dispatch] = useReducer(checksReducer, initialChecksState);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState<ReadonlySet<Severity>>(new Set(SEVERITY_ORDER));
  const lang = t.lang === "vi" ? "vi" : "en";

  const run = async () => {
    dispatch({ type: "run/start" });
    try {
      dispatch({ type: "run/ok", findings: await services.runChecks() });
    } catch (e) {
      dispatch({ type: "run/fail", error: t.checks.failed(reasonOf(e, t.unknownError, lang)) });
    }
  };

  const select = async (finding: Finding, index: number) => {
    dispatch({ type: "select", index });
    try {
      await services.selectCell(finding.ref);
    } catch (e) {
      dispatch({ type: "select/fail", error: t.checks.selectFailed(reasonOf(e, t.unknownError, lang)) });
    }
  };

  // Marked at once in the pane; put back if the workbook could not keep the mark.
  const markSeen = async (indices: number[], seen: boolean) => {
    const ids = findingIds(state.findings);
    const before = indices.map((i) => state.findings[i]?.seen === true);
    dispatch({ type: "seen", indices, seen });
    try {
      await services.markSeen(indices.map((i) => ids[i] ?? ""), seen);
    } catch (e) {
      indices.forEach((i, k) => dispatch({ type: "seen", indices: [i], seen: before[k] ?? false }));
      dispatch({ type: "select/fail", error: t.findings.markFailed(reasonOf(e, t.unknownError, lang)) });
    }
  };

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // The 2025 reorganisation's findings are one entry per agency (with its action) in "act this round".
  const groups = groupFindings(state.findings, [...shown]).filter((g) => g.rule !== REORGANIZED_RULE);
  const reorg = reorganizedFindings(state.findings);
  const sectionOf = (g: FindingGroup): SectionKind => (g.kind === "tracking" ? "act" : g.severity === "info" ? "info" : "plan");
  const sections = [
    { kind: "plan" as const, title: t.checks.planDefects, groups: groups.filter((g) => sectionOf(g) === "plan") },
    { kind: "act" as const, title: t.findings.actNow, groups: groups.filter((g) => sectionOf(g) === "act") },
    { kind: "info" as const, title: t.findings.information, groups: groups.filter((g) => sectionOf(g) === "info") },
  ].filter((x) => x.groups.length > 0 || (x.kind === "act" && reorg.length > 0));
  const counts = Object.fromEntries(SEVERITY_ORDER.map((sev) => [sev, state.findings.filter((f) => f.severity === sev).length])) as Record<Severity, number>;
  const total = (kind: SectionKind): number =>
    (sections.find((x) => x.kind === kind)?.groups ?? []).reduce((n, g) => n + g.items.length, 0) +
    (kind === "act" ? reorgByAgency(reorg.filter((x) => shown.has(x.finding.severity))).length : 0);
  return (
    <div className={s.screen}>
      <Text>{t.checks.intro}</Text>
      <div className={s.row}>
        <Button appearance="primary" disabled={state.phase === "running"} onClick={() => void run()}>
          {state.phase === "idle" ? t.checks.run : t.checks.rerun}
        </Button>
        {state.phase === "done" ? <Text weight="semibold">{t.checks.total(state.findings.length)}</Text> : null}
      </div>
      {state.phase === "running" ? <Busy label={t.checks.running} /> : null}
      {state.error ? (
        <Notice intent="error" onDismiss={() => dispatch({ type: "error/dismiss" })}>
          {state.error}
        </Notice>
      ) : null}
      {state.phase === "done" && state.findings.length === 0 ? <Notice intent="success">{t.checks.none}</Notice> : null}
      {state.findings.length > 0 ? (
        <fieldset className={c.filter}>
          <legend>{t.checks.filter}</legend>
          {SEVERITY_ORDER.map((sev) => (
            <Checkbox
              key={sev}
              label={`${t.checks.severity[sev]} (${counts[sev]})`}
              checked={shown.has(sev)}
              onChange={(_e, data) =>
                setShown((prev) => {
                  const next = new Set(prev);
                  if (data.checked) next.add(sev);
                  else next.delete(sev);
                  return next;
                })
              }
            />
          ))}
        </fieldset>
      ) : null}
      {sections.map((section) => (
        <section key={section.kind} className={c.group} aria-labelledby={`sec-${section.kind}`}>
          <Subtitle2 as="h2" className={s.heading} id={`sec-${section.kind}`}>
            {section.title}{" "}
            <Badge appearance="outline" color="informative">
              {total(section.kind)}
            </Badge>
          </Subtitle2>
          {section.groups.length > 0 ? (
            <ul className={s.list}>
              {section.groups.map((group) => {
                const open = expanded.has(group.id);
                const seen = group.items.filter((x) => x.finding.seen).length;
                return (
                  <li key={group.id} className={c.item}>
                    <Button
                      appearance="subtle"
                      className={c.groupButton}
                      aria-expanded={open}
                      icon={<Badge appearance="filled" color={BADGE_COLOR[group.severity]}>{group.items.length}</Badge>}
                      onClick={() => toggle(group.id)}
                    >
                      <span className={c.groupTitle}>
                        <span>{lang === "vi" ? group.title : group.titleEn}</span>
                        {seen > 0 ? <Caption1>{t.findings.seenCount(seen, group.items.length)}</Caption1> : null}
                      </span>
                    </Button>
                    {open ? (
                      <ul className={s.list}>
                        {group.items.map(({ finding, index }) => (
                          <FindingRow
                            key={index}
                            finding={finding}
                            index={index}
                            selected={state.selected === index}
                            selectedClass={c.selected}
                            onSelect={(f, i) => void select(f, i)}
                            onSeen={(i, v) => void markSeen(i, v)}
                          />
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
          {section.kind === "act" ? (
            <ReorganizedSection findings={state.findings} shown={shown} onSelect={(f, i) => void select(f, i)} onSeen={(i, v) => void markSeen(i, v)} onChanged={() => void run()} />
          ) : null}
        </section>
      ))}
    </div>
  );
}
