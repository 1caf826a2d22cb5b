/**
 * Opens the blank appendix template (.xlsx, built on demand by a lazily loaded
 * writer) as a new workbook; where Excel cannot, downloads it instead and says so.
 */
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { useStrings } from "../context";
import { reasonOf } from "../../app/services";
import { useServices } from "../context";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { downloadBlob } from "../report/offerFile";

export const TEMPLATE_FILE_NAME = "mau-phu-luc-chi-tieu.xlsx";

/** Hands bytes to the browser as a download; no network involved. */
export function saveBytes(bytes: Uint8Array, fileName: string): void {
  downloadBlob(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), fileName);
}

export function TemplateButton({ save = saveBytes }: { save?: (bytes: Uint8Array, name: string) => void }) {
  const t = useStrings();
  const services = useServices();
  const s = useScreenStyles();
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({ busy: false, message: null, failed: false });
  const download = async () => {
    setState({ busy: true, message: null, failed: false });
    try {
      const bytes = await services.template();
      try {
        await services.openWorkbook(bytes);
        setState({ busy: false, message: t.import.templateDone, failed: false });
      } catch (e) {
        save(bytes, TEMPLATE_FILE_NAME);
        setState({ busy: false, message: t.import.templateDownloaded(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")), failed: true });
      }
    } catch (e) {
      setState({ busy: false, message: t.import.templateFailed(reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en")), failed: true });
    }
  };
  return (
    <>
      <div className={s.row}>
        <Button appearance="secondary" disabled={state.busy} onClick={() => void download()}>
          {t.import.template}
        </Button>
      </div>
      {state.message ? (
        <Notice intent={state.failed ? "error" : "success"} onDismiss={() => setState({ busy: false, message: null, failed: false })}>
          {state.message}
        </Notice>
      ) : null}
    </>
  );
}
