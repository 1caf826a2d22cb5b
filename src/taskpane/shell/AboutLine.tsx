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
    color: tokens.colorNeutralForeground3,
    marginTop: tokens.spacingVerticalL,
  },
});

export function AboutLine({ about }: { about: About }) {
  const t = useStrings();
  const c = useStyles();
  return (
    <footer className={c.root}>
      <Caption1>
        {t.about.version(about.version)} ·{" "}
        <Link href={about.supportUrl} target="_blank" rel="noopener noreferrer">
          {t.about.support}
        </Link>
      </Caption1>
    </footer>
  );
}
