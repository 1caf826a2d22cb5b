/**
 * "Báo cáo đơn vị": make one form per agency for a period; drop returned
 * forms (several at once) and see what was taken; choose, for each figure
 * that differs from a hand-typed one, "dùng số của đơn vị" or "giữ số hiện
 * tại"; see which agencies have not returned their form. Decisions are the
 * core's (src/core/forms); this screen only shows them.
 */
import { Button, Field, Select, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { DragEvent } from "react";
import { showValue } from "../../core/forms/format";
import type { SnapshotValue } from "../../core/workbook/snapshot";
import { reasonOf } from "../../app/services";
import { useServices, useStrings } from "../context";
import { Busy } from "../shell/Busy";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { bytesOf, useDropStyles } from "../shell/fileDrop";
import { conflictKey, initialReturnsState, returnsReducer } from "./state";

/** "2023-10-02" → "02/10/2023", as planners write days. */
const viDay = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // A tighter zone than the import screen's: this screen has more below it.
  dropCompact: { padding: tokens.spacingVerticalM },
  conflict: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export function ReturnsScreen() {
  const t = useStrings();
  const s = useScreenStyles();
  const c = useStyles();
  const d = useDropStyles();
  const services = useServices();
  const [state, dispatch] = useReducer(returnsReducer, initialReturnsState);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const lang = t.lang === "vi" ? "vi" : "en";
  const fail = useCallback((e: unknown) => dispatch({ type: "fail", error: t.returns.failed(reasonOf(e, t.unknownError, lang)) }), [t, lang]);
  /** The status read that follows a write that succeeded: its failure says so, never that the write failed. */
  const statusAfterWrite = useCallback(
    () => services.returnsStatus().catch((e: unknown) => (dispatch({ type: "fail", error: t.office.statusUnread(reasonOf(e, t.unknownError, lang)) }), null)),
    [services, t, lang],
  );

  useEffect(() => {
    let live = true;
    Promise.all([services.formPeriods(), services.returnsStatus()]).then(
      ([periods, status]) => live && dispatch({ type: "load/ok", periods, status }),
      (e: unknown) => live && dispatch({ type: "load/fail", error: t.returns.failed(reasonOf(e, t.unknownError, lang)) }),
    );
    return () => {
      live = false;
    };
  }, [services, t, lang]);

  const show = (v: SnapshotValue, percent: boolean): string => showValue(v, percent, t.returns.empty);

  const makeForms = async () => {
    if (!state.periodId) return;
    dispatch({ type: "make/start" });
    try {
      const made = await services.makeForms(state.periodId);
      // One file however many agencies (a zip when several): browsers ask before each of many downloads, and Office on Mac takes one at a time.
      const outcome = await services.offerFile(made.file);
      dispatch({ type: "make/ok", count: made.forms.length, fileName: made.file.fileName, outcome });
    } catch (e) {
      fail(e);
    }
  };

  const collect = async (files: File[]) => {
    if (files.length === 0) return;
    dispatch({ type: "collect/start" });
    try {
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await bytesOf(f) })));
      const report = await services.collectForms(read);
      const status = await statusAfterWrite();
      dispatch({ type: "collect/ok", report, status });
    } catch (e) {
      fail(e);
    }
  };

  const resolve = async (index: number, choice: "useForm" | "keep") => {
    const conflict = state.conflicts[index];
    if (!conflict) return;
    dispatch({ type: "resolve/start" });
    try {
      await services.resolveConflict(conflict, choice);
      const status = await statusAfterWrite();
      dispatch({ type: "resolve/ok", status });
    } catch (e) {
      fail(e);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void collect([...event.dataTransfer.files]);
  };

  const busy = state.phase !== "idle";
  const report = state.report;
  return (
    <div className={s.screen}>
      <Text>{t.returns.intro}</Text>
      {state.error ? (
        <Notice intent="error" onDismiss={() => dispatch({ type: "error/dismiss" })}>
          {state.error}
        </Notice>
      ) : null}
      {state.phase === "loading" ? <Busy label={t.busy} /> : null}

      <section aria-labelledby="ret-forms" className={c.section}>
        <Subtitle2 as="h2" className={s.heading} id="ret-forms">
          {t.returns.formsTitle}
        </Subtitle2>
        {state.phase !== "loading" && state.periods.length === 0 ? <Notice intent="info">{t.returns.noPeriods}</Notice> : null}
        {state.periods.length > 0 ? (
          <div className={s.row}>
            <Field label={t.returns.periodLabel}>
              <Select value={state.periodId ?? ""} onChange={(_, data) => dispatch({ type: "period", id: data.value })}>
                {state.periods.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Button appearance="secondary" disabled={busy || !state.periodId} onClick={() => void makeForms()}>
              {t.returns.makeForms}
            </Button>
          </div>
        ) : null}
        {state.phase === "making" ? <Busy label={t.returns.making} /> : null}
        {state.madeForms !== null ? (
          <Notice intent={state.madeForms.outcome === "cancelled" ? "info" : "success"}>
            {/* Opened as workbooks (Mac, iPad): there is no package file to name. */}
            {state.madeForms.outcome === "openedAsWorkbooks" ? "" : `${t.returns.made(state.madeForms.count, state.madeForms.fileName)} `}
            {t.returns.handedOver[state.madeForms.outcome](state.madeForms.fileName)}
          </Notice>
        ) : null}
      </section>

      <section aria-labelledby="ret-collect" className={c.section}>
        <Subtitle2 as="h2" className={s.heading} id="ret-collect">
          {t.returns.collectTitle}
        </Subtitle2>
        <div
          className={mergeClasses(d.drop, c.dropCompact, dragging && d.dropActive)}
          data-testid="returns-drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Text>{t.returns.dropZone}</Text>
          <input
            ref={inputRef}
            id="chitieu-returns"
            type="file"
            multiple
            className={d.hiddenInput}
            tabIndex={-1}
            aria-label={t.returns.filesLabel}
            accept=".xlsx"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = "";
              void collect(files);
            }}
          />
          <Button appearance="primary" disabled={busy} onClick={() => inputRef.current?.click()}>
            {t.returns.chooseFiles}
          </Button>
        </div>
        {state.phase === "collecting" ? <Busy label={t.returns.collecting} /> : null}
        {report && report.accepted.length > 0 ? (
          <Notice intent="success">
            <ul className={s.list}>
              {report.accepted.map((a) => (
                <li key={a.file} className={s.wrap}>
                  {t.returns.taken(a.file, a.agency, Object.keys(a.values).length)}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {report && report.rejected.length > 0 ? (
          <Notice intent="error" title={t.returns.rejectedTitle(report.rejected.length)}>
            <ul className={s.list}>
              {report.rejected.map((r) => (
                <li key={r.file} className={s.wrap}>
                  {lang === "vi" ? r.message : r.messageEn}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {report && report.rowsRejected.length > 0 ? (
          <Notice intent="warning" title={t.returns.rowsRejectedTitle(report.rowsRejected.length)}>
            <ul className={s.list}>
              {report.rowsRejected.map((r) => (
                <li key={`${r.file}|${r.key}`} className={s.wrap}>
                  {lang === "vi" ? r.message : r.messageEn}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {report && report.warnings.length > 0 ? (
          <Notice intent="info" title={t.returns.warningsTitle(report.warnings.length)}>
            <ul className={s.list}>
              {report.warnings.map((w, i) => (
                <li key={i} className={s.wrap}>
                  {lang === "vi" ? w.message : w.messageEn}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
      </section>

      {state.conflicts.length > 0 ? (
        <section aria-labelledby="ret-conflicts" className={c.section}>
          <Subtitle2 as="h2" className={s.heading} id="ret-conflicts">
            {t.returns.conflictsTitle(state.conflicts.length)}
          </Subtitle2>
          <Text className={s.muted}>{t.returns.conflictsHint}</Text>
          {state.conflicts.map((conflict, i) => (
            <div key={conflictKey(conflict)} className={c.conflict} data-testid="conflict">
              <Text weight="semibold" className={s.wrap}>
                {t.returns.conflictLine(conflict.code ?? conflict.key, conflict.periodLabel, show(conflict.workbook, conflict.percent), conflict.agency, show(conflict.form, conflict.percent))}
              </Text>
              <Text size={200} className={mergeClasses(s.wrap, s.muted)}>
                {conflict.name}
              </Text>
              <div className={s.row}>
                <Button size="small" appearance="primary" disabled={busy} onClick={() => void resolve(i, "useForm")}>
                  {t.returns.useForm}
                </Button>
                <Button size="small" disabled={busy} onClick={() => void resolve(i, "keep")}>
                  {t.returns.keep}
                </Button>
              </div>
            </div>
          ))}
        </section>
      ) : null}

      {state.nextDue ? (
        <Text data-testid="next-due" className={s.wrap}>
          {t.returns.nextDue(state.periods.find((p) => p.id === state.nextDue?.period)?.label ?? state.nextDue.period, viDay(state.nextDue.date), state.nextDue.kind === "upstream", state.nextDue.to)}
        </Text>
      ) : null}
      {state.periodLabel !== null ? (
        <section aria-labelledby="ret-pending" className={c.section}>
          <Subtitle2 as="h2" className={s.heading} id="ret-pending">
            {state.pending.length > 0 ? t.returns.pendingTitle(state.pending.length, state.periodLabel) : t.returns.allReturned(state.periodLabel)}
          </Subtitle2>
          {state.due !== null ? <Text data-testid="due">{t.returns.dueLine(viDay(state.due))}</Text> : null}
          {state.pending.length > 0 ? (
            <ul className={s.list} data-testid="pending">
              {state.pending.map((agency) => (
                <li key={agency} className={s.wrap}>
                  {agency}
                  {state.daysLate[agency] ? ` — ${t.returns.lateBy(state.daysLate[agency] ?? 0)}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
