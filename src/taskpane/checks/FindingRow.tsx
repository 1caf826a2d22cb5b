/** One finding in the checks screen: its sentence (a link to its cell when it has one), where it points, and "Đã xem". */
import { Caption1, Checkbox, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/model";
import { useStrings } from "../context";
import { useScreenStyles } from "../shell/styles";
import { cellLabel } from "./state";

const useStyles = makeStyles({
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXS, minWidth: 0 },
  seen: { color: tokens.colorNeutralForeground3 },
  foot: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  // Fluent's checkbox has generous padding; a row of findings needs it compact.
  check: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export function FindingRow(props: {
  finding: Finding;
  index: number;
  selected?: boolean;
  selectedClass?: string;
  onSelect: (finding: Finding, index: number) => void;
  onSeen: (indices: number[], seen: boolean) => void;
}) {
  const t = useStrings();
  const s = useScreenStyles();
  const c = useStyles();
  const { finding, index } = props;
  const where = cellLabel(finding.ref);
  const message = t.lang === "vi" ? finding.message : finding.messageEn;
  return (
    <li className={props.selected && props.selectedClass ? `${c.item} ${props.selectedClass}` : c.item} data-testid="finding">
      {where ? (
        <Link as="button" className={finding.seen ? `${s.wrap} ${c.seen}` : s.wrap} onClick={() => props.onSelect(finding, index)}>
          {message}
        </Link>
      ) : (
        <Text className={finding.seen ? `${s.wrap} ${c.seen}` : s.wrap}>{message}</Text>
      )}
      <div className={c.foot}>
        <Caption1 className={s.muted}>
          {t.checks.severity[finding.severity]} · {where ? t.checks.goTo(where) : t.checks.noCell}
        </Caption1>
        <Checkbox
          className={c.check}
          size="medium"
          label={t.findings.seen}
          aria-label={`${t.findings.seen}: ${message}`}
          checked={finding.seen === true}
          onChange={(_e, data) => props.onSeen([index], data.checked === true)}
        />
      </div>
    </li>
  );
}
