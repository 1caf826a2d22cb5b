/** "Kiểm tra": run the consistency checks, see findings by severity, click one to go to its cell. */
import { Badge, Button, Caption1, Link, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useReducer, useState } from "react";
import type { Finding } from "../../core/model";
import { useStrings } from "../i18n";
import { reasonOf, useServices } from "../services";
import { Busy } from "../shell/Busy";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { cellLabel, checksReducer, groupBySeverity, initialChecksState } from "./state";
import { REORGANIZED_RULE } from "./reorganized";
import { ReorganizedSection } from "./ReorganizedSection";

const useStyles = makeStyles({
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXS },
  selected: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Long groups show their first findings and a button for the rest, so the pane stays short. */
export const GROUP_PREVIEW = 12;

const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export function ChecksScreen() {
  const t = useStrings();
  const s = useScreenStyles();
  const c = useStyles();
  const services = useServices();
  const [state, dispatch] = useReducer(checksReducer, initialChecksState);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

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

  // The 2025 reorganisation's findings have their own group (with its action) below the severity groups.
  const groups = groupBySeverity(state.findings)
    .map((g) => ({ ...g, items: g.items.filter((i) => i.finding.rule !== REORGANIZED_RULE) }))
    .filter((g) => g.items.length > 0);
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
      {groups.map((group) => (
        <section key={group.severity} className={c.group} aria-labelledby={`sev-${group.severity}`}>
          <Subtitle2 as="h2" className={s.heading} id={`sev-${group.severity}`}>
            {t.checks.severity[group.severity]}{" "}
            <Badge appearance="filled" color={BADGE_COLOR[group.severity]}>
              {group.items.length}
            </Badge>
          </Subtitle2>
          <ul className={s.list}>
            {(expanded.has(group.severity) ? group.items : group.items.slice(0, GROUP_PREVIEW)).map(({ finding, index }) => {
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
                    {where ? t.checks.goTo(where) : t.checks.noCell} · {finding.rule}
                  </Caption1>
                </li>
              );
            })}
          </ul>
          {group.items.length > GROUP_PREVIEW && !expanded.has(group.severity) ? (
            <div className={s.row}>
              <Button size="small" onClick={() => setExpanded((prev) => new Set(prev).add(group.severity))}>
                {t.checks.showAll(group.items.length)}
              </Button>
            </div>
          ) : null}
        </section>
      ))}
      <ReorganizedSection findings={state.findings} onSelect={(f, i) => void select(f, i)} onChanged={() => void run()} />
    </div>
  );
}
