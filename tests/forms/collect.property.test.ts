/**
 * Property: whatever agencies type (numbers, percents as text, blanks, words,
 * error values) and however they reorder or delete rows, collecting takes
 * exactly the values that read as numbers (a share only within ±100 %),
 * reports every one that does not, and reports no blank.
 */
import fc from "fast-check";
import { collectForms, formLayout, formRecipients, readReturn } from "../../src/core/forms";
import type { CellWrite, FormSource } from "../../src/core/forms";
import { fixtureSource, ISSUED, PERIODS } from "../../src/core/forms/_test/fixture";
import { layoutSnapshot } from "../../src/core/workbook";
import type { SnapshotValue } from "../../src/core/workbook";

type Typed = { kind: "number"; value: number } | { kind: "numberText"; text: string; value: number } | { kind: "blank"; value: null | string } | { kind: "junk"; text: string };

const typed: fc.Arbitrary<Typed> = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((value): Typed => ({ kind: "number", value: value === 0 ? 0 : value })),
  fc.integer({ min: 0, max: 1000 }).chain((whole) => fc.integer({ min: 0, max: 9 }).map((tenth): Typed => ({ kind: "numberText", text: `${whole},${tenth}%`, value: (whole + tenth / 10) / 100 }))),
  fc.integer({ min: 0, max: 99 }).map((n): Typed => ({ kind: "numberText", text: `${n},5`, value: n + 0.5 })),
  fc.constantFrom<Typed>({ kind: "blank", value: null }, { kind: "blank", value: "" }, { kind: "blank", value: "   " }),
  fc.constantFrom<Typed>({ kind: "junk", text: "khoảng 20" }, { kind: "junk", text: "đạt" }, { kind: "junk", text: "#N/A" }, { kind: "junk", text: "Chưa có số liệu" }, { kind: "junk", text: "~5" }),
);

const cellOf = (t: Typed): SnapshotValue => (t.kind === "number" ? t.value : t.kind === "blank" ? t.value : t.text);

describe("collect, for any way an agency fills its form", () => {
  const source: FormSource = fixtureSource();
  const recipients = formRecipients(source).filter((r) => r.indicatorKeys.length > 0);
  const period = PERIODS[1] ?? PERIODS[0]!;
  const shares = new Set(source.indicators.filter((i) => i.percent).map((i) => i.key));

  it("takes exactly the values that read as numbers and reports every other non-blank one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(typed, { minLength: 5, maxLength: 5 }), fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), fc.boolean()), { minLength: recipients.length, maxLength: recipients.length }),
        (fills) => {
          const expected = new Map<string, number>();
          const expectedRejected: Array<{ file: string; key: string }> = [];
          const conflicts: string[] = [];
          const forms = recipients.map((recipient, a) => {
            const [values, order, dropOne] = fills[a] ?? [[], [], false];
            const snapshot = layoutSnapshot(formLayout({ source, recipient, period, issued: ISSUED }));
            const table = snapshot.tables.find((t) => t.name === "BaoCaoChiTieu");
            if (!table) throw new Error("no table");
            const k = table.headers.indexOf("Khóa");
            const v = table.headers.indexOf("Kết quả kỳ này");
            table.rows.forEach((r, i) => (r[v] = cellOf(values[i % values.length] ?? { kind: "blank", value: null })));
            // The agency sorts its rows its own way, and may delete the first one.
            table.rows.sort((x, y) => (order[table.rows.indexOf(x) % order.length] ?? 0) - (order[table.rows.indexOf(y) % order.length] ?? 0));
            if (dropOne && table.rows.length > 1) table.rows.shift();
            const file = `form-${a}.xlsx`;
            for (const r of table.rows) {
              const key = String(r[k]);
              const cell = r[v] ?? null;
              const read = typeof cell === "number" ? cell : typeof cell === "string" && cell.trim() !== "" ? parseText(cell) : undefined;
              // A share above 100 % (or below −100 %) is a slip, never a result: not taken, and said.
              const reading = read !== null && read !== undefined && shares.has(key) && (read > 1 || read < -1) ? null : read;
              if (reading === null) expectedRejected.push({ file, key });
              else if (reading !== undefined) {
                const prior = expected.get(key);
                if (prior === undefined) expected.set(key, reading);
                else if (Math.abs(prior - reading) > 1e-9 * Math.max(1, Math.abs(prior))) conflicts.push(key);
              }
            }
            return { file, read: readReturn(snapshot) };
          });
          const outcome = collectForms({ source, history: [], recipientsFor: () => recipients }, forms, "2025-01-10T00:00:00.000Z");
          const taken = new Map(outcome.writes.filter((w): w is Extract<CellWrite, { target: "periodResult" }> => w.target === "periodResult").map((w) => [w.key, w.value]));
          expect([...taken.keys()].sort()).toEqual([...expected.keys()].sort());
          for (const [key, value] of expected) expect(taken.get(key)).toBeCloseTo(value, 9);
          expect(outcome.rowsRejected.map((r) => ({ file: r.file, key: r.key })).sort(byFileKey)).toEqual(expectedRejected.sort(byFileKey));
          expect(outcome.conflicts.map((c) => c.key).sort()).toEqual(conflicts.sort());
          expect(outcome.rejected).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

const byFileKey = (a: { file: string; key: string }, b: { file: string; key: string }): number => (a.file + a.key).localeCompare(b.file + b.key);

/** What the form's reader must make of typed text: a number ("12,5%" → 0.125, "3,5" → 3.5) or null (words). */
function parseText(text: string): number | null {
  const m = /^\s*(-?\d+)(?:,(\d+))?\s*(%?)\s*$/.exec(text);
  if (!m) return null;
  const n = Number(`${m[1]}.${m[2] ?? "0"}`);
  return m[3] ? n / 100 : n;
}
