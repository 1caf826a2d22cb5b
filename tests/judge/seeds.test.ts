/**
 * Rule 7 of issue #19, "numbers are what was written", over every seed
 * (000–004): each indicator's target, range bound and baseline, read from the
 * document, is the number the workbook shows (its cell, × 100 on a percentage
 * row whose cells hold fractions), the number `chitieu status --json` gives
 * (same rule, through its `percent` flag) and the number the report prints.
 * The "(%)" of a PII score's name never turns 10 into 1.000, and a target
 * relative to a base year is shown beside the words it was computed from.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { importText } from "../../src/core/import/text";
import { buildLayout, indicatorsOf } from "../../src/core/layout";
import { layoutSnapshot } from "../../src/core/workbook/fromLayout";
import { interpretSnapshot } from "../../src/core/workbook";
import { statusTable } from "../../src/core/statusTable";
import { reportTable } from "../../src/core/report/fromReading";
import { targetText } from "../../src/core/report/_lib/words";
import { formatNumberVi } from "../../src/core/parse/number";
import { periodOf } from "../../src/core/period";

const SEEDS = join(__dirname, "../fixtures/seeds");
const files = readdirSync(SEEDS).filter((f) => /^00[0-4]-.*\.txt$/.test(f)).sort();

/** The report rounds to two decimals: the document's number as the report writes it. */
const printed = (x: number): string => formatNumberVi(Math.round(x * 100) / 100);

describe.each(files)("seed %s", (file) => {
  const { plan } = importText(readFileSync(join(SEEDS, file), "utf8"), file);
  const layout = buildLayout(plan, { lang: "vi" });
  const reading = interpretSnapshot(layoutSnapshot(layout));
  const period = periodOf(String(plan.period?.to ?? 2025));
  const status = statusTable(reading, period);
  const report = reportTable(reading, period);
  const chosen = indicatorsOf(plan);

  it("shows every target, range bound and baseline as the document wrote it, in the workbook, the status and the report", () => {
    const wrong: string[] = [];
    chosen.forEach(({ indicator: ind }, i) => {
      const t = ind.target;
      const row = reading.indicators[i];
      const s = status.indicators[i];
      const r = report.indicators[i];
      if (!row || !s || !r) throw new Error(`row ${i} missing`);
      const scale = s.percent ? 100 : 1;
      const check = (what: string, doc: number | null | undefined, cell: unknown): void => {
        if (doc === null || doc === undefined) return;
        const shown = typeof cell === "number" ? cell * scale : cell;
        if (typeof shown !== "number" || Math.abs(shown - doc) > 1e-9 * Math.max(1, Math.abs(doc))) wrong.push(`${ind.key} ${what}: document ${doc}, workbook ${String(shown)}`);
      };
      if (t && t.value !== null && !t.relative) {
        check("target", t.value, row.values.target);
        check("target max", t.max, row.values.targetMax);
        check("status target", t.value, s.target.value);
        const text = targetText(r);
        if (!text.includes(printed(t.value))) wrong.push(`${ind.key} report target: document ${t.value}, report "${text}"`);
        if (t.raw.trim() !== "" && row.values.targetText !== t.raw.replace(/\s+/g, " ").trim()) wrong.push(`${ind.key} target text: "${String(row.values.targetText)}"`);
      }
      if (ind.baseline?.value != null && (!t || s.percent === (ind.baseline.percent || s.percent))) check("baseline", ind.baseline.value, row.values.baseline);
    });
    expect(wrong).toEqual([]);
  });
});

it("finds numeric targets to check in the seeds", () => {
  const counts = files.map((f) => importText(readFileSync(join(SEEDS, f), "utf8"), f).plan.appendices.flatMap((a) => a.indicators).filter((i) => i.target?.value != null).length);
  expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
});

describe("the issue's examples", () => {
  const pii = importText(readFileSync(join(SEEDS, "004-pii-2024.txt"), "utf8"), "004.txt").plan;
  const reading = interpretSnapshot(layoutSnapshot(buildLayout(pii, { lang: "vi" })));
  const table = reportTable(reading, periodOf("2024"));

  it("prints a PII score named '(%)' with target ≥ 10 as ≥ 10, never ≥ 1.000", () => {
    const row = table.indicators.find((r) => /phát triển công nghệ\/GRDP/.test(r.name));
    expect(row).toBeDefined();
    expect(targetText(row!)).toBe("≥ 10");
  });
});
