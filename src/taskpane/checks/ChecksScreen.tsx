/** "Kiểm tra": run the consistency checks, see findings grouped by rule and period, click one to go to its cell. */
import { Badge, Button, Caption1, Checkbox, Link, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useReducer, useState } from "react";
import type { Finding, Severity } from "../../core/model";
import { groupFindings } from "../../core/checks/group";
import { reasonOf } from "../../app/services";
import { useServices, useStrings } from "../context";
import { Busy } from "../shell/Busy";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { cellLabel, checksReducer, initialChecksState, SEVERITY_ORDER } from "./state";
import { REORGANIZED_RULE } from "./reorganized";
import { ReorganizedSection } from "./ReorganizedSection";

const useStyles = makeStyles({
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXS },
  selected: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  groupButton: { justifyContent: "flex-start", textAlign: "left", minWidth: 0 },
  filter: { border: "none", padding: 0, margin: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

/**
 * Findings grouped by rule (the core's groupFindings): the plan's own defects
 * first, then one group per reporting period over without a result. A group
 * shows its title and count; expanding it lists its findings. The planner
 * filters by severity.
 */
export function ChecksScreen() {
  const t = useStrings();
  const s = useScreenStyles();
  const c = useStyles();
  const services = useServices();
  const [state, dispatch] = useReducer(checksReducer, initialChecksState);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState<ReadonlySet<Severity>>(new Set(SEVERITY_ORDER));

  const run = async () => {
    dispatch({ type: "run/start" });
    try {
      dispatch({ type: "run/ok", findings: await services.runChecks() });
    } catch (e) {
      dispatch({ type: "run/fail", error: t.checks.failed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")) });
    }
  };

  const select = async (finding: Finding, index: number) => {
    dispatch({ type: "select", index });
    try {
      await services.selectCell(finding.ref);
    } catch (e) {
      dispatch({ type: "select/fail", error: t.checks.selectFailed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")) });
    }
  };

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // The 2025 reorganisation's findings have their own section (with its action) below.
  const groups = groupFindings(state.findings, [...shown]).filter((g) => g.rule !== REORGANIZED_RULE);
  const sections = [
    { kind: "plan" as const, title: t.checks.planDefects, groups: groups.filter((g) => g.kind === "plan") },
    { kind: "tracking" as const, title: t.checks.tracking, groups: groups.filter((g) => g.kind === "tracking") },
  ].filter((x) => x.groups.length > 0);
  const counts = Object.fromEntries(SEVERITY_ORDER.map((sev) => [sev, state.findings.filter((f) => f.severity === sev).length])) as Record<Severity, number>;
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
            {section.title}
          </Subtitle2>
          <ul className={s.list}>
            {section.groups.map((group) => {
              const open = expanded.has(group.id);
              return (
                <li key={group.id} className={c.item}>
                  <Button
                    appearance="subtle"
                    className={c.groupButton}
                    aria-expanded={open}
                    icon={<Badge appearance="filled" color={BADGE_COLOR[group.severity]}>{group.items.length}</Badge>}
                    onClick={() => toggle(group.id)}
                  >
                    {t.lang === "vi" ? group.title : group.titleEn}
                  </Button>
                  {open ? (
                    <ul className={s.list}>
                      {group.items.map(({ finding, index }) => {
                        const where = cellLabel(finding.ref);
                        const message = t.lang === "vi" ? finding.message : finding.messageEn;
                        return (
                          <li key={index} className={state.selected === index ? `${c.item} ${c.selected}` : c.item}>
                            {where ? (
                              <Link as="button" className={s.wrap} onClick={() => void select(finding, index)}>
                                {message}
                              </Link>
                            ) : (
                              <Text className={s.wrap}>{message}</Text>
                            )}
                            <Caption1 className={s.muted}>
                              {t.checks.severity[finding.severity]} · {where ? t.checks.goTo(where) : t.checks.noCell}
                            </Caption1>
                          </li>
                        );
                      })}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <ReorganizedSection findings={state.findings} onSelect={(f, i) => void select(f, i)} onChanged={() => void run()} />
    </div>
  );
}
