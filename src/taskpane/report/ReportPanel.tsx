/** On Tổng hợp: the statuses-by-agency chart for the report's period and the "Tạo báo cáo" button (a .docx). */
import { Button, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { useStrings } from "../context";
import { reasonOf } from "../../app/services";
import { useServices } from "../context";
import type { OfferOutcome, ReportSource } from "../../app/services";
import { Busy } from "../shell/Busy";
import { Notice } from "../shell/Notice";
import { useScreenStyles } from "../shell/styles";
import { reportView } from "./state";
import { StatusChart } from "./StatusChart";

const useStyles = makeStyles({ panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

type Message = { intent: "success" | "error" | "info"; text: string } | null;

/** `refresh`: any value that changes when the summary is reloaded (another period chosen), so the chart follows. */
export function ReportPanel({ refresh }: { refresh?: unknown }) {
  const t = useStrings();
  const s = useScreenStyles();
  const own = useStyles();
  const services = useServices();
  const [source, setSource] = useState<ReportSource | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const reason = useCallback((e: unknown) => reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en"), [t]);

  useEffect(() => {
    let live = true;
    services.reportSource().then(
      (found) => live && setSource(found),
      (e: unknown) => live && (setSource(null), setMessage({ intent: "error", text: t.report.failed(reason(e)) })),
    );
    return () => {
      live = false;
    };
  }, [services, t, reason, refresh]);

  /**
   * The workbook is read again at the click: results typed or a period chosen in Excel since the tab
   * opened are in the report (the chart above shows what was read when the tab opened, then this).
   */
  const create = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const from = await services.reportSource();
      setSource(from);
      if (!from) {
        setMessage({ intent: "info", text: t.report.none });
        return;
      }
      const file = await services.createReport(from);
      const outcome: OfferOutcome = await services.offerFile(file);
      // A .docx never opens as workbooks: offerFile refuses it on Mac and iPad with what to do instead.
      const text =
        outcome === "cancelled" ? t.report.cancelled : outcome === "saved" ? t.report.saved(file.fileName) : outcome === "downloaded" ? t.report.downloaded(file.fileName) : t.returns.handedOver.openedAsWorkbooks();
      setMessage({ intent: outcome === "cancelled" ? "info" : "success", text });
    } catch (e) {
      setMessage({ intent: "error", text: t.report.failed(reason(e)) });
    } finally {
      setBusy(false);
    }
  };

  const view = source ? reportView(source, t.report.noLead) : null;
  return (
    <section aria-labelledby="report-heading" className={own.panel}>
      <Subtitle2 as="h2" className={s.heading} id="report-heading">
        {t.report.heading}
      </Subtitle2>
      {source === null && !message ? <Text>{t.report.none}</Text> : null}
      {view && source ? (
        <>
          <Text>{t.report.period(view.periodLabel, view.total)}</Text>
          {view.chart ? <StatusChart picture={view.chart} /> : null}
          <div className={s.row}>
            <Button appearance="primary" disabled={busy} onClick={() => void create()}>
              {t.report.create}
            </Button>
          </div>
        </>
      ) : null}
      {busy ? <Busy label={t.report.creating} /> : null}
      {message ? (
        <Notice intent={message.intent} onDismiss={() => setMessage(null)}>
          {message.text}
        </Notice>
      ) : null}
    </section>
  );
}
