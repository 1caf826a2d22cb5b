/**
 * The task pane's entry: waits for Office, picks the language, checks the
 * Excel API requirement sets before anything can fail half-way, then renders.
 * Only React, Fluent and the screens are in this first chunk; the importers,
 * the Excel operations and the template writer load on demand.
 */
import { createRoot } from "react-dom/client";
import { checkRequirements, MIN_EXCEL_API } from "../excel/requirements";
import { languageFor } from "../app/i18n";
import type { Lang } from "../app/i18n";
import { createOfficeServices } from "../app/officeServices";
import { App } from "./shell/App";
import { builtAbout } from "../app/about";

/** What the user's Excel lacks, in their language; "" when nothing is missing. */
function missingFeatures(lang: Lang): string {
  const check = checkRequirements((name, version) => Office.context.requirements.isSetSupported(name, version));
  if (check.ok) return "";
  return `ExcelApi ${MIN_EXCEL_API} (${check.missing.map((m) => (lang === "vi" ? m.vi : m.feature)).join("; ")})`;
}

async function start(): Promise<void> {
  const info = await Office.onReady();
  const container = document.getElementById("container");
  if (!container) return;
  const lang = languageFor(Office.context?.displayLanguage);
  document.documentElement.lang = lang;
  // Opened outside Excel (a plain browser): say so instead of failing on the first click.
  const inExcel = info.host === Office.HostType.Excel && typeof Excel !== "undefined";
  const missing = inExcel ? missingFeatures(lang) : null;
  createRoot(container).render(<App lang={lang} services={createOfficeServices(lang)} missing={missing} about={builtAbout()} />);
}

void start();
