/** Layout shared by the screens: a single column that fits a 320 px pane. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useScreenStyles = makeStyles({
  screen: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  wrap: { overflowWrap: "anywhere" },
  heading: { marginTop: 0, marginBottom: 0 },
});
