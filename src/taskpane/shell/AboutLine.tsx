/**
 * One line at the foot of the pane: the release, and the link to the support
 * page the province's IT office set at build time. A planner who meets a
 * problem knows which version they run and where to say so.
 */
import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { About } from "../../app/about";
import { useStrings } from "../context";

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    marginTop: tokens.spacingVerticalL,
  },
  // In forced colours Chromium forces `color` to LinkText but reports a dark-palette
  // -webkit-text-fill-color (yellow, on a white Canvas), which axe reads as the text's
  // colour. Taking the link out of forcing and naming the system colours ourselves keeps
  // what is painted and what is reported the same: LinkText on Canvas, in every state.
  link: {
    "@media (forced-colors: active)": {
      forcedColorAdjust: "none",
      color: "LinkText",
      WebkitTextFillColor: "currentcolor",
      textDecorationColor: "currentcolor",
      ":hover": { color: "LinkText" },
      ":active": { color: "ActiveText" },
      ":visited": { color: "VisitedText" },
    },
  },
});

export function AboutLine({ about }: { about: About }) {
  const t = useStrings();
  const c = useStyles();
  return (
    <footer className={c.root}>
      <Caption1>
        {t.about.version(about.version)} ·{" "}
        <Link className={c.link} href={about.supportUrl} target="_blank" rel="noopener noreferrer">
          {t.about.support}
        </Link>
      </Caption1>
    </footer>
  );
}
