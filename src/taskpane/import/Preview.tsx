/** What was read from the document, before anything is written: plan, appendices, warnings and repairs. */
import { Body1Strong, Caption1, Subtitle2, Text } from "@fluentui/react-components";
import type { ImportResult } from "../../core/model";
import { useStrings } from "../context";
import { useScreenStyles } from "../shell/styles";
import { countPlan } from "./state";

/** Long warning lists are cut so the pane stays readable; the count says how many were left out. */
const MAX_LISTED = 8;

export function Preview({ fileName, result }: { fileName: string; result: ImportResult }) {
  const t = useStrings();
  const s = useScreenStyles();
  const counts = countPlan(result);
  const { plan, warnings, repairs } = result;
  const listedWarnings = warnings.slice(0, MAX_LISTED);
  return (
    <section aria-labelledby="preview-title" className={s.screen} style={{ padding: 0 }}>
      <Subtitle2 id="preview-title" as="h2" className={`${s.wrap} ${s.heading}`}>
        {t.import.previewTitle(fileName)}
      </Subtitle2>
      {plan.title ? (
        <Text className={s.wrap}>
          <Body1Strong>{t.import.planTitle}: </Body1Strong>
          {plan.title}
          {plan.number ? ` (${plan.number})` : ""}
        </Text>
      ) : null}
      <Text weight="semibold" data-testid="preview-counts">
        {t.import.counts(counts.appendices, counts.indicators, counts.tasks)}
      </Text>
      {counts.indicators === 0 && counts.tasks === 0 ? <Text>{t.import.nothingFound}</Text> : null}
      <ul className={s.list} aria-label={t.import.counts(counts.appendices, counts.indicators, counts.tasks)}>
        {plan.appendices.map((appendix) => {
          const indicators = appendix.indicators.filter((i) => i.level === "indicator").length;
          const tasks = appendix.indicators.reduce((n, i) => n + i.tasks.length, 0);
          return (
            <li key={appendix.id} className={s.wrap}>
              <Text>{appendix.title}</Text>
              <br />
              <Caption1 className={s.muted}>{t.import.appendixLine(indicators, tasks)}</Caption1>
            </li>
          );
        })}
      </ul>
      {warnings.length > 0 ? (
        <details>
          <summary>
            <Text weight="semibold">{t.import.warningsTitle(warnings.length)}</Text>
          </summary>
          <ul className={s.list}>
            {listedWarnings.map((w, i) => (
              <li key={`${w.code}-${i}`} className={s.wrap}>
                <Text size={200}>{t.lang === "vi" ? w.message : w.messageEn}</Text>
              </li>
            ))}
            {warnings.length > MAX_LISTED ? (
              <li>
                <Text size={200}>{t.import.more(warnings.length - MAX_LISTED)}</Text>
              </li>
            ) : null}
          </ul>
        </details>
      ) : null}
      {repairs.length > 0 ? (
        <details>
          <summary>
            <Text weight="semibold">{t.import.repairsTitle(repairs.reduce((n, r) => n + r.count, 0))}</Text>
          </summary>
          <ul className={s.list}>
            {repairs.slice(0, MAX_LISTED).map((r, i) => (
              <li key={`${r.kind}-${i}`} className={s.wrap}>
                <Text size={200}>
                  {t.import.repairKind[r.kind]}: {t.import.repairLine(r.from, r.to, r.count)}
                </Text>
              </li>
            ))}
            {repairs.length > MAX_LISTED ? (
              <li>
                <Text size={200}>{t.import.more(repairs.length - MAX_LISTED)}</Text>
              </li>
            ) : null}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
