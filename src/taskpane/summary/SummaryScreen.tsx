/**
 * "Tổng hợp": a period picker (it sets KyBaoCao, so the sheets follow), then
 * counts by status and by lead agency for that period, with a link to the
 * indicators sheet. The counts come from the core (periodSummary).
 */
import { Badge, Button, Caption1, Field, Link, Select, Switch, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { viDay, type AgencyGrouping } from "../../core/agency";
import { useStrings } from "../context";
import { reasonOf } from "../../app/services";
import { useServices } from "../context";
import type { StatusCounts, Summary } from "../../app/services";
import { Busy } from "../shell/Busy";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { ReportPanel } from "../report/ReportPanel";

const STATUS_KEYS: readonly (keyof StatusCounts)[] = ["exceeded", "met", "onTrack", "atRisk", "missed", "noData"];

const useStyles = makeStyles({
  // One card per agency: a 320 px pane has no room for a five-column table, so each agency's counts read as a line.
  cards: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  name: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function SummaryScreen() {
  const t = useStrings();
  const s = useScreenStyles();
  const c = useStyles();
  const services = useServices();
  const [state, setState] = useState<{ loading: boolean; summary: Summary | null; error: string | null }>({
    loading: true,
    summary: null,
    error: null,
  });

  const [grouping, setGrouping] = useState<AgencyGrouping>("current");

  const load = useCallback(async () => {
    setState((prev) => ({ ...prev, loading: true, error: null }));
    try {
      // Without a period id: the one KyBaoCao shows (the picker writes it there).
      const summary = await services.summarize(null, grouping);
      setState({ loading: false, summary, error: null });
    } catch (e) {
      setState({ loading: false, summary: null, error: t.summary.failed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")) });
    }
  }, [services, t, grouping]);

  const choose = async (id: string) => {
    const label = state.summary?.periods.find((p) => p.id === id)?.label;
    if (!label) return;
    setState((prev) => ({ ...prev, loading: true, error: null }));
    try {
      await services.setReportPeriod(label);
      const summary = await services.summarize(id, grouping);
      setState({ loading: false, summary, error: null });
    } catch (e) {
      setState((prev) => ({ ...prev, loading: false, error: t.summary.failed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")) }));
    }
  };

  useEffect(() => {
    void load();
  }, [load]);

  const openSheet = async (sheet: string) => {
    try {
      await services.selectCell({ sheet, cell: "A1" });
    } catch (e) {
      setState((prev) => ({ ...prev, error: t.checks.selectFailed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")) }));
    }
  };

  const { summary } = state;
  return (
    <div className={s.screen}>
      <Text>{t.summary.intro}</Text>
      <div className={s.row}>
        <Button disabled={state.loading} onClick={() => void load()}>
          {t.summary.refresh}
        </Button>
      </div>
      <Switch
        label={t.summary.groupCurrent}
        checked={grouping === "current"}
        onChange={(_, data) => setGrouping(data.checked ? "current" : "asWritten")}
      />
      {state.loading ? <Busy label={t.summary.loading} /> : null}
      {state.error ? (
        <Notice intent="error" onDismiss={() => setState((prev) => ({ ...prev, error: null }))}>
          {state.error}
        </Notice>
      ) : null}
      {summary && summary.periods.length > 0 ? (
        <Field label={t.summary.period} hint={t.summary.periodHint}>
          <Select value={summary.period?.id ?? ""} disabled={state.loading} onChange={(_e, data) => void choose(data.value)}>
            {summary.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {summary && summary.sheet !== "" && summary.periods.length === 0 ? <Notice intent="info">{t.summary.noPeriods}</Notice> : null}
      {summary && summary.total === 0 ? <Notice intent="info">{t.summary.empty}</Notice> : null}
      {summary && summary.total > 0 ? (
        <>
          <Text weight="semibold">{t.summary.total(summary.total)}</Text>
          <section aria-labelledby="sum-status">
            <Subtitle2 as="h2" className={s.heading} id="sum-status">
              {t.summary.byStatus}
            </Subtitle2>
            <ul className={s.list}>
              {STATUS_KEYS.map((key) => (
                <li key={key}>
                  <Text>
                    {t.status[key]}: <strong>{summary.byStatus[key]}</strong>
                  </Text>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="sum-lead">
            <Subtitle2 as="h2" className={s.heading} id="sum-lead">
              {t.summary.byLead}
            </Subtitle2>
            <ul className={c.cards} aria-labelledby="sum-lead">
              {summary.byLead.map((row) => {
                const counts = ([["exceeded", row.exceeded], ["met", row.met], ["onTrack", row.onTrack], ["atRisk", row.atRisk], ["missed", row.missed], ["noData", row.noData]] as const)
                  .filter(([, n]) => n > 0)
                  .map(([key, n]) => `${t.status[key]} ${n}`);
                return (
                  <li key={row.agency} className={c.card}>
                    <div className={c.name}>
                      <Text weight="semibold">{row.agency}</Text>
                      {row.reassignSince ? (
                        <Badge appearance="tint" color="warning">
                          {t.byAgency.reassignBadge}
                        </Badge>
                      ) : null}
                    </div>
                    <Caption1>{[t.byAgency.count(row.count), ...counts].join(" · ")}</Caption1>
                    {row.merged && row.merged.length > 0 ? (
                      <Caption1 className={s.muted}>{t.byAgency.merged(row.merged.map((m) => t.byAgency.since(m.name, viDay(m.since))).join("; "))}</Caption1>
                    ) : null}
                    {row.reassignSince ? <Caption1 className={s.muted}>{t.byAgency.reassign(viDay(row.reassignSince))}</Caption1> : null}
                  </li>
                );
              })}
            </ul>
          </section>
          <Link as="button" onClick={() => void openSheet(summary.sheet)}>
            {t.summary.openSheet(summary.sheet)}
          </Link>
          <ReportPanel refresh={summary} />
        </>
      ) : null}
    </div>
  );
}
