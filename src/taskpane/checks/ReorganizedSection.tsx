/** The checks screen's "Sắp xếp tổ chức 2025" group and its "Đổi sang đơn vị kế thừa" action (confirmed before anything is written). */
import { Badge, Button, Caption1, Checkbox, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { viDay } from "../../core/agency";
import { FindingRow } from "./FindingRow";
import { useReducer, useState } from "react";
import type { Finding } from "../../core/model";
import { useStrings, useServices } from "../context";
import { reasonOf } from "../../app/services";
import { Busy } from "../shell/Busy";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { initialReorgState, reorgByAgency, reorganizedFindings, reorgReducer } from "./reorganized";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  entry: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  toggle: { justifyContent: "flex-start", textAlign: "left", minWidth: 0, alignItems: "flex-start", height: "auto", fontWeight: tokens.fontWeightRegular },
  title: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalL, minWidth: 0 },
});
import { cellLabel } from "./state";

/**
 * One entry per dissolved or renamed agency ("Sở Kế hoạch và Đầu tư → Sở Tài chính (từ 1/3/2025)",
 * "chủ trì 12 chỉ tiêu, phối hợp 5"), its legal basis and what is unverified said once, and the cells
 * behind a disclosure, each a link to its cell with its own "Đã xem".
 */
export function ReorganizedSection(props: {
  findings: readonly Finding[];
  /** The severities the planner chose to see. */
  shown: ReadonlySet<Finding["severity"]>;
  onSelect: (finding: Finding, index: number) => void;
  onSeen: (indices: number[], seen: boolean) => void;
  /** Called after cells were rewritten, so the screen checks again. */
  onChanged: () => void;
}) {
  const t = useStrings();
  const r = t.checks.reorg;
  const f = t.findings;
  const s = useScreenStyles();
  const c = useStyles();
  const services = useServices();
  const [state, dispatch] = useReducer(reorgReducer, initialReorgState);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const items = reorganizedFindings(props.findings).filter((x) => props.shown.has(x.finding.severity));
  if (reorganizedFindings(props.findings).length === 0 && state.phase !== "done") return null;
  const lang = t.lang === "vi" ? "vi" : "en";
  const entries = reorgByAgency(items);
  // A finding without its agencies (never from our rule, but never dropped either) is listed as it is.
  const loose = items.filter((x) => !x.finding.changes || x.finding.changes.length === 0);
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

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

  const row = ({ finding, index }: { finding: Finding; index: number }) => (
    <FindingRow key={index} finding={finding} index={index} onSelect={props.onSelect} onSeen={props.onSeen} />
  );

  return (
    <section className={c.section} aria-labelledby="reorg-2025">
      <Subtitle2 as="h3" className={s.heading} id="reorg-2025">
        {r.title}{" "}
        <Badge appearance="filled" color="warning">
          {entries.length + (loose.length > 0 ? 1 : 0)}
        </Badge>
      </Subtitle2>
      <Text>{f.reorgIntro}</Text>
      <ul className={s.list}>
        {entries.map((e) => {
          const id = `reorg-${e.agency}`;
          const expanded = open.has(id);
          const seen = e.items.filter((x) => x.finding.seen).length;
          const title = e.status === "reassign" ? f.reorgReassign(e.agency, viDay(e.since)) : f.reorgReplaced(e.agency, e.successors.join("; "), viDay(e.since));
          return (
            <li key={id} className={c.entry} data-testid="reorg-entry">
              <Button appearance="subtle" className={c.toggle} aria-expanded={expanded} icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />} onClick={() => toggle(id)}>
                <span className={c.title}>
                  <span>{title}</span>
                  <Caption1>
                    {f.reorgCounts(e.lead, e.coordinating)}
                    {seen > 0 ? ` · ${f.seenCount(seen, e.items.length)}` : ""}
                  </Caption1>
                </span>
              </Button>
              {expanded ? (
                <div className={c.body}>
                  {e.basis && e.basis[lang] ? (
                    <Caption1>
                      <strong>{f.basis}:</strong> {e.basis[lang]}
                    </Caption1>
                  ) : null}
                  {e.unverified ? (
                    <Caption1 className={s.muted}>
                      <strong>{f.unverified}:</strong> {e.unverified[lang]}
                    </Caption1>
                  ) : null}
                  <div className={s.row}>
                    <Checkbox
                      label={f.markAll(e.items.length)}
                      checked={seen === e.items.length ? true : seen > 0 ? "mixed" : false}
                      onChange={(_ev, data) => props.onSeen(e.items.map((x) => x.index), data.checked === true)}
                    />
                  </div>
                  <ul className={s.list}>{e.items.map(row)}</ul>
                </div>
              ) : null}
            </li>
          );
        })}
        {loose.length > 0 ? <li>{<ul className={s.list}>{loose.map(row)}</ul>}</li> : null}
      </ul>
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
