/**
 * "Tô màu chỉ tiêu chưa đạt": on a Chỉ tiêu sheet, re-apply status and colours;
 * on the user's own table, show the recognised columns, let them confirm or
 * pick, then add the status column and colours without touching other data.
 */
import { Button, Field, Select, Text } from "@fluentui/react-components";
import { useReducer } from "react";
import { useStrings } from "../context";
import { MAPPING_ROLES, reasonOf } from "../../app/services";
import { useServices } from "../context";
import { Busy } from "../shell/Busy";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { canApply, highlightReducer, initialHighlightState } from "./state";

/** The value of the "(không có)" option; real headers are never this string. */
const NONE = "\u0000none";

export function HighlightScreen() {
  const t = useStrings();
  const s = useScreenStyles();
  const services = useServices();
  const [state, dispatch] = useReducer(highlightReducer, initialHighlightState);

  const detect = async () => {
    dispatch({ type: "detect/start" });
    try {
      dispatch({ type: "detect/ok", probe: await services.probeHighlight() });
    } catch (e) {
      dispatch({ type: "detect/fail", error: t.highlight.failed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")) });
    }
  };

  const apply = async () => {
    if (!state.probe || !canApply(state)) return;
    dispatch({ type: "apply/start" });
    try {
      dispatch({ type: "apply/ok", counts: await services.applyHighlight(state.probe, state.mapping) });
    } catch (e) {
      dispatch({ type: "apply/fail", error: t.highlight.failed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")) });
    }
  };

  const probe = state.probe;
  const busy = state.phase === "detecting" || state.phase === "applying";
  return (
    <div className={s.screen}>
      <Text>{t.highlight.intro}</Text>
      <div className={s.row}>
        <Button appearance={probe && probe.kind !== "none" ? "secondary" : "primary"} disabled={busy} onClick={() => void detect()}>
          {t.highlight.detect}
        </Button>
      </div>
      {state.phase === "detecting" ? <Busy label={t.highlight.detecting} /> : null}
      {state.error ? (
        <Notice intent="error" onDismiss={() => dispatch({ type: "error/dismiss" })}>
          {state.error}
        </Notice>
      ) : null}
      {probe?.kind === "none" ? <Notice intent="warning">{probe.several ? t.office.severalTables : t.highlight.noTable}</Notice> : null}
      {probe?.kind === "chitieu" ? <Text className={s.wrap}>{t.highlight.onChiTieu(probe.sheet)}</Text> : null}
      {probe?.kind === "userTable" && state.mapping ? (
        <>
          <Text className={s.wrap}>{t.highlight.userTable(`${probe.sheet}!${probe.address}`)}</Text>
          <Notice intent={probe.confident ? "info" : "warning"}>{probe.confident ? t.highlight.confident : t.highlight.unsure}</Notice>
          {MAPPING_ROLES.map((role) => (
            <Field key={role} label={t.highlight.roles[role]}>
              <Select
                value={state.mapping?.[role] ?? NONE}
                disabled={busy}
                onChange={(_, data) => dispatch({ type: "map", role, header: data.value === NONE ? null : data.value })}
              >
                <option value={NONE}>{t.highlight.noneOption}</option>
                {probe.headers.map((header) => (
                  <option key={header} value={header}>
                    {header}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          {!canApply(state) ? <Text role="status">{t.highlight.needColumns}</Text> : null}
        </>
      ) : null}
      {probe && probe.kind !== "none" ? (
        <div className={s.row}>
          <Button appearance="primary" disabled={busy || !canApply(state)} onClick={() => void apply()}>
            {t.highlight.apply}
          </Button>
        </div>
      ) : null}
      {state.phase === "applying" ? <Busy label={t.highlight.applying} /> : null}
      {state.phase === "done" && state.counts ? (
        <Notice intent="success">
          {t.highlight.done(state.counts.met + state.counts.exceeded, state.counts.missed, state.counts.atRisk, state.counts.noData)}
          {probe?.kind === "userTable" ? ` ${t.highlight.untouched}` : ""}
        </Notice>
      ) : null}
    </div>
  );
}
