/** The checks screen's "Sắp xếp tổ chức 2025" group and its "Đổi sang đơn vị kế thừa" action (confirmed before anything is written). */
import { Badge, Button, Caption1, Link, Subtitle2, Text } from "@fluentui/react-components";
import { useReducer, useState } from "react";
import type { Finding } from "../../core/model";
import { useStrings, useServices } from "../context";
import { reasonOf } from "../../app/services";
import { Busy } from "../shell/Busy";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { initialReorgState, reorganizedFindings, reorgReducer } from "./reorganized";
import { cellLabel } from "./state";

const PREVIEW = 8;

export function ReorganizedSection(props: {
  findings: readonly Finding[];
  onSelect: (finding: Finding, index: number) => void;
  /** Called after cells were rewritten, so the screen checks again. */
  onChanged: () => void;
}) {
  const t = useStrings();
  const r = t.checks.reorg;
  const s = useScreenStyles();
  const services = useServices();
  const [state, dispatch] = useReducer(reorgReducer, initialReorgState);
  const [all, setAll] = useState(false);
  const items = reorganizedFindings(props.findings);
  if (items.length === 0 && state.phase !== "done") return null;
  const lang = t.lang === "vi" ? "vi" : "en";

  const preview = async () => {
    dispatch({ type: "preview/start" });
    try {
      dispatch({ type: "preview/ok", preview: await services.previewSuccessors() });
    } catch (e) {
      dispatch({ type: "fail", error: r.failed(reasonOf(e, t.unknownError, lang)) });
    }
  };
  const apply = async () => {
    if (state.phase !== "confirm") return;
    const { edits } = state.preview;
    dispatch({ type: "apply/start" });
    try {
      const result = await services.applySuccessors(edits);
      dispatch({ type: "apply/ok", ...result });
      props.onChanged();
    } catch (e) {
      dispatch({ type: "fail", error: r.failed(reasonOf(e, t.unknownError, lang)) });
    }
  };

  return (
    <section className={s.screen} aria-labelledby="reorg-2025">
      <Subtitle2 as="h2" className={s.heading} id="reorg-2025">
        {r.title}{" "}
        <Badge appearance="filled" color="warning">
          {items.length}
        </Badge>
      </Subtitle2>
      <Text>{r.intro}</Text>
      <ul className={s.list}>
        {(all ? items : items.slice(0, PREVIEW)).map(({ finding, index }) => {
          const where = cellLabel(finding.ref);
          const message = lang === "vi" ? finding.message : finding.messageEn;
          return (
            <li key={index}>
              {where ? (
                <Link as="button" className={s.wrap} onClick={() => props.onSelect(finding, index)}>
                  {message}
                </Link>
              ) : (
                <Text className={s.wrap}>{message}</Text>
              )}
              <Caption1 className={s.muted}>{where ? t.checks.goTo(where) : t.checks.noCell}</Caption1>
            </li>
          );
        })}
      </ul>
      {items.length > PREVIEW && !all ? (
        <div className={s.row}>
          <Button size="small" onClick={() => setAll(true)}>
            {t.checks.showAll(items.length)}
          </Button>
        </div>
      ) : null}
      {state.phase === "idle" || state.phase === "failed" || state.phase === "done" ? (
        <div className={s.row}>
          <Button onClick={() => void preview()}>{r.switchTo}</Button>
        </div>
      ) : null}
      {state.phase === "preparing" ? <Busy label={r.preparing} /> : null}
      {state.phase === "applying" ? <Busy label={r.applying} /> : null}
      {state.phase === "confirm" ? (
        <div role="group" aria-label={r.switchTo}>
          {state.preview.edits.length === 0 ? (
            <Notice intent="info">{r.nothing}</Notice>
          ) : (
            <>
              <Text weight="semibold">{r.confirmTitle(state.preview.edits.length)}</Text>
              <ul className={s.list}>
                {state.preview.edits.map((e) => (
                  <li key={`${e.sheet}!${e.cell}`}>
                    <Caption1>
                      {cellLabel({ sheet: e.sheet, cell: e.cell })}: {e.changes.map((c) => r.change(c.from, c.to)).join("; ")}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </>
          )}
          {state.preview.reassign.length > 0 ? <Notice intent="warning">{r.reassign(state.preview.reassign.length)}</Notice> : null}
          <div className={s.row}>
            {state.preview.edits.length > 0 ? (
              <Button appearance="primary" onClick={() => void apply()}>
                {r.confirm}
              </Button>
            ) : null}
            <Button onClick={() => dispatch({ type: "cancel" })}>{r.cancel}</Button>
          </div>
        </div>
      ) : null}
      {state.phase === "done" ? <Notice intent="success">{r.done(state.applied, state.skipped)}</Notice> : null}
      {state.phase === "failed" ? <Notice intent="error">{state.error}</Notice> : null}
    </section>
  );
}
