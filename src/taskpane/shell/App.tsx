/**
 * The pane: Fluent provider (high contrast when Windows forces colours), the
 * four screens as tabs, and a plain message when Excel is too old.
 */
import { FluentProvider, Tab, TabList, makeStyles, teamsHighContrastTheme, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { ChecksScreen } from "../checks/ChecksScreen";
import { HighlightScreen } from "../highlight/HighlightScreen";
import { ImportScreen } from "../import/ImportScreen";
import { stringsFor } from "../../app/i18n";
import { ServicesContext, StringsContext } from "../context";
import type { Lang } from "../../app/i18n";
import type { PaneServices } from "../../app/services";
import { SummaryScreen } from "../summary/SummaryScreen";
import { ReturnsScreen } from "../returns/ReturnsScreen";
import { Notice } from "./Notice";
import { AboutLine } from "./AboutLine";
import type { About } from "../../app/about";

export const TABS = ["import", "checks", "highlight", "summary", "returns"] as const;
export type TabId = (typeof TABS)[number];

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  tabs: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, flexWrap: "wrap" },
  gate: { padding: tokens.spacingHorizontalM },
});

/** Follows Windows' forced-colours mode, which high-contrast users rely on. */
export function useForcedColors(): boolean {
  const query = "(forced-colors: active)";
  const [forced, setForced] = useState(() => typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(query).matches);
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const list = window.matchMedia(query);
    const onChange = () => setForced(list.matches);
    list.addEventListener?.("change", onChange);
    return () => list.removeEventListener?.("change", onChange);
  }, []);
  return forced;
}

export interface AppProps {
  lang: Lang;
  services: PaneServices;
  /** What the host's Excel lacks, described ("" when nothing); null when there is no Excel at all. */
  missing: string | null;
  initialTab?: TabId;
  /** The release and support address the build set; no line without them (unit tests, a dev page). */
  about?: About | null;
}

export function App({ lang, services, missing, initialTab = "import", about = null }: AppProps) {
  const t = stringsFor(lang);
  const c = useStyles();
  const forced = useForcedColors();
  const [tab, setTab] = useState<TabId>(initialTab);
  const ready = missing === "";
  return (
    <FluentProvider theme={forced ? teamsHighContrastTheme : webLightTheme} className={c.root} dir="ltr" lang={lang}>
      <StringsContext.Provider value={t}>
        <ServicesContext.Provider value={services}>
          <main aria-label={t.appTitle}>
            {!ready ? (
              <div className={c.gate}>
                {missing === null ? (
                  <Notice intent="error" title={t.noExcel.title}>
                    {t.noExcel.body}
                  </Notice>
                ) : (
                  <Notice intent="error" title={t.tooOld.title}>
                    {t.tooOld.body(missing)}
                  </Notice>
                )}
              </div>
            ) : (
              <>
                <TabList
                  className={c.tabs}
                  size="small"
                  selectedValue={tab}
                  onTabSelect={(_, data) => setTab(data.value as TabId)}
                  aria-label={t.tabListLabel}
                >
                  {TABS.map((id) => (
                    <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                      {t.tabs[id]}
                    </Tab>
                  ))}
                </TabList>
                {/* Every screen stays mounted so switching tabs never loses a preview or a finding list. */}
                {TABS.map((id) => (
                  <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id}>
                    {id === "import" ? <ImportScreen /> : null}
                    {id === "checks" ? <ChecksScreen /> : null}
                    {id === "highlight" ? <HighlightScreen /> : null}
                    {id === "summary" && tab === "summary" ? <SummaryScreen /> : null}
                    {id === "returns" && tab === "returns" ? <ReturnsScreen /> : null}
                  </div>
                ))}
              </>
            )}
          </main>
          {about ? <AboutLine about={about} /> : null}
        </ServicesContext.Provider>
      </StringsContext.Provider>
    </FluentProvider>
  );
}
