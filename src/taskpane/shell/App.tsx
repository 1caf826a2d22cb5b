/**
 * The pane: Fluent provider (high contrast when Windows forces colours), the
 * four screens as tabs, and a plain message when Excel is too old.
 */
import {
  Button,
  FluentProvider,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  teamsHighContrastTheme,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
  webLightTheme,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
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
  // One row, whatever the pane's width: tabs that do not fit go into the "…" menu at the row's end.
  tabs: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, flexWrap: "nowrap", overflow: "hidden", minWidth: 0 },
  tab: { flexShrink: 0, whiteSpace: "nowrap" },
  more: { flexShrink: 0, minWidth: "auto", alignSelf: "center" },
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

/** A tab that did not fit, offered in the overflow menu (nothing when it is shown in the row). */
function OverflowTabItem({ id, label, onSelect }: { id: TabId; label: string; onSelect: (id: TabId) => void }) {
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(id)}>{label}</MenuItem>;
}

/** The "…" button at the end of the tab row, with the tabs that did not fit; absent when every tab fits. */
function TabOverflowMenu({ labels, label, onSelect, className }: { labels: Record<TabId, string>; label: (n: number) => string; onSelect: (id: TabId) => void; className: string }) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        {/* role="tab" as Fluent's own TabList overflow example: a tablist may hold only tabs. Button's ref
            type collapses to Ref<never> once `role` is overridden, hence the cast of the same button ref. */}
        <Button ref={ref as never} role="tab" appearance="transparent" className={className} icon={<MoreHorizontalRegular />} aria-label={label(overflowCount)} title={label(overflowCount)} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {TABS.map((id) => (
            <OverflowTabItem key={id} id={id} label={labels[id]} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
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
                {/* The selected tab has the higher priority, so it stays in the row and the others give way. */}
                <Overflow minimumVisible={1}>
                  <TabList
                    className={c.tabs}
                    size="small"
                    selectedValue={tab}
                    onTabSelect={(_, data) => setTab(data.value as TabId)}
                    aria-label={t.tabListLabel}
                  >
                    {TABS.map((id) => (
                      <OverflowItem key={id} id={id} priority={id === tab ? 2 : 1}>
                        <Tab className={c.tab} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                          {t.tabs[id]}
                        </Tab>
                      </OverflowItem>
                    ))}
                    <TabOverflowMenu labels={t.tabs} label={t.paneLayout.moreTabs} onSelect={setTab} className={c.more} />
                  </TabList>
                </Overflow>
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
