import { readFileSync } from "node:fs";
import { renderSnapshot, SNAPSHOT_PATH } from "./snapshot";

describe("the parsers' golden snapshot", () => {
  it("matches src/core/parse/snapshot.md (regenerate with `npx tsx tests/parse/snapshot.ts --write` and review the diff)", () => {
    expect(renderSnapshot()).toBe(readFileSync(SNAPSHOT_PATH, "utf8"));
  });
});
