/**
 * "Nhập phụ lục": choose, drop or paste an appendix, preview what was read,
 * then create the tables or merge into the existing ones.
 */
import { Button, Field, Text, Textarea, mergeClasses } from "@fluentui/react-components";
import { useReducer, useRef, useState } from "react";
import type { DragEvent } from "react";
import { useStrings } from "../context";
import { reasonOf } from "../../app/services";
import { useServices } from "../context";
import type { ReadOutcome } from "../../app/services";
import { Busy } from "../shell/Busy";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { bytesOf, useDropStyles } from "../shell/fileDrop";
import { Preview } from "./Preview";
import { ScanCompare } from "./ScanCompare";
import { MAX_IMPORT_BYTES, isTooLargeToImport } from "../../import/_lib/limits";
import { ACCEPTED_EXTENSIONS, importReducer, initialImportState, isAcceptedFile } from "./state";
import { TemplateButton } from "./TemplateButton";

export function ImportScreen() {
  const t = useStrings();
  const s = useScreenStyles();
  const c = useDropStyles();
  const services = useServices();
  const [state, dispatch] = useReducer(importReducer, initialImportState);
  const [pasted, setPasted] = useState("");
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  // Stops a scan being read (OCR takes seconds a page).
  const scanAbort = useRef<AbortController | null>(null);

  /** Whether the workbook already has our sheets decides between "Tạo bảng" and "Cập nhật": a failed check says so. */
  const checkPlanSheets = async () => {
    try {
      dispatch({ type: "planCheck/ok", canUpdate: await services.hasPlanSheets() });
    } catch (e) {
      dispatch({ type: "planCheck/fail", error: t.office.planCheckFailed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")) });
    }
  };

  const finishRead = async (fileName: string, read: () => Promise<ReadOutcome>) => {
    dispatch({ type: "read/start", fileName });
    try {
      const outcome = await read();
      if (!outcome.ok) {
        dispatch({ type: "read/fail", error: t.import.readFailed(t.lang === "vi" ? outcome.message : outcome.messageEn) });
        return;
      }
      dispatch({ type: "read/ok", result: outcome.result, canUpdate: false, scan: outcome.scan });
      await checkPlanSheets();
    } catch (e) {
      dispatch({ type: "read/fail", error: t.import.readFailed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")) });
    }
  };

  const readFile = (file: File) => {
    if (!isAcceptedFile(file.name)) {
      dispatch({ type: "read/fail", error: t.import.unsupported(file.name) });
      return;
    }
    // By File.size, before reading: an 800 MB file chosen by mistake is never loaded into the web view.
    if (isTooLargeToImport(file.size)) {
      dispatch({ type: "read/fail", error: t.import.tooLarge(file.name, Math.round(file.size / 1024 / 1024), MAX_IMPORT_BYTES / 1024 / 1024) });
      return;
    }
    const abort = new AbortController();
    scanAbort.current = abort;
    void finishRead(file.name, async () =>
      services.readFile(file.name, await bytesOf(file), { signal: abort.signal, onProgress: (progress) => dispatch({ type: "read/progress", progress }) }),
    );
  };

  const readPasted = () => {
    if (!pasted.trim()) {
      dispatch({ type: "read/fail", error: t.import.emptyPaste });
      return;
    }
    void finishRead(t.import.pastedName, () => services.readText(pasted, t.import.pastedName));
  };

  const write = async (mode: "create" | "update") => {
    if (!state.result) return;
    dispatch({ type: "write/start" });
    try {
      const report = await services.writePlan(state.result, mode, (fraction) => dispatch({ type: "write/progress", fraction }));
      dispatch({ type: "write/ok", report });
    } catch (e) {
      dispatch({ type: "write/fail", error: t.import.writeFailed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")) });
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) readFile(file);
  };

  const busy = state.phase === "reading" || state.phase === "writing";
  const showChooser = state.phase === "idle" || state.phase === "reading";

  return (
    <div className={s.screen}>
      {state.error ? (
        <Notice intent="error" onDismiss={() => dispatch({ type: "error/dismiss" })}>
          {state.error}
        </Notice>
      ) : null}
      {showChooser ? (
        <>
          <Text>{t.import.intro}</Text>
          <div
            className={mergeClasses(c.drop, dragging && c.dropActive)}
            data-testid="drop-zone"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <Text>{dragging ? t.import.dropZoneActive : t.import.dropZone}</Text>
            <input
              ref={inputRef}
              id="chitieu-file"
              type="file"
              className={c.hiddenInput}
              tabIndex={-1}
              aria-label={t.import.fileInputLabel}
              accept={ACCEPTED_EXTENSIONS.join(",")}
              onChange={(e) => {
                const file = e.target.files?.[0];
                // Clear the input so choosing the same file again reads it again.
                e.target.value = "";
                if (file) readFile(file);
              }}
            />
            <Button appearance="primary" disabled={busy} onClick={() => inputRef.current?.click()}>
              {t.import.chooseFile}
            </Button>
          </div>
          <Field label={t.import.pasteLabel}>
            <Textarea
              value={pasted}
              onChange={(_, data) => setPasted(data.value)}
              placeholder={t.import.pastePlaceholder}
              resize="vertical"
              rows={5}
              disabled={busy}
            />
          </Field>
          <div className={s.row}>
            <Button disabled={busy} onClick={readPasted}>
              {t.import.readPasted}
            </Button>
          </div>
          {state.phase === "reading" && state.scanProgress ? (
            <div data-testid="scan-progress">
              <Busy
                label={t.import.scanReading(state.scanProgress.page, state.scanProgress.index, state.scanProgress.pages, state.scanProgress.done, state.scanProgress.cells)}
                fraction={state.scanProgress.cells > 0 ? (state.scanProgress.index - 1 + state.scanProgress.done / state.scanProgress.cells) / state.scanProgress.pages : null}
              />
              <Button onClick={() => scanAbort.current?.abort()}>{t.import.cancelScan}</Button>
            </div>
          ) : state.phase === "reading" ? (
            <Busy label={t.import.reading(state.fileName ?? "")} />
          ) : null}
          <TemplateButton />
        </>
      ) : null}
      {state.result && state.fileName && !showChooser ? (
        <>
          <Preview fileName={state.fileName} result={state.result} />
          {state.scan ? <ScanCompare result={state.result} scan={state.scan} /> : null}
          {state.phase === "written" && state.report ? (
            <Notice intent="success">{t.import.written(state.report.indicators, state.report.sheet)}</Notice>
          ) : null}
          {state.phase === "writing" ? <Busy label={t.import.writing} fraction={state.progress} /> : null}
          {state.planCheckError ? (
            <Notice intent="warning">
              {state.planCheckError}{" "}
              <Button size="small" disabled={busy} onClick={() => void checkPlanSheets()}>
                {t.office.planCheckRetry}
              </Button>
            </Notice>
          ) : null}
          <div className={s.row}>
            {/* Once written, creating again would add a second, suffixed set of sheets: only a merge is offered. */}
            {state.phase !== "written" && !state.planCheckError ? (
              <Button appearance="primary" disabled={busy} onClick={() => void write("create")}>
                {t.import.create}
              </Button>
            ) : null}
            {state.canUpdate ? (
              <Button disabled={busy} onClick={() => void write("update")}>
                {t.import.update}
              </Button>
            ) : null}
            <Button appearance="subtle" disabled={busy} onClick={() => dispatch({ type: "reset" })}>
              {t.import.startOver}
            </Button>
          </div>
          {state.canUpdate ? <Text size={200} className={s.muted}>{t.import.updateHint}</Text> : null}
        </>
      ) : null}
    </div>
  );
}
