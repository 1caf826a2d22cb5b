/**
 * C's checks as O's operations take them (ChecksDeps): the rules over a
 * workbook reading, and the Kiểm tra sheet spec. Loaded on demand with the
 * operations, so the rules are not in the pane's first JavaScript.
 */
import { checkReading } from "../core/checks";
import { checksSheet } from "../core/layout/checksSheet";
import type { ChecksDeps } from "../excel/operations";

export const checksDeps: ChecksDeps = {
  runRules: ({ reading, today }) => checkReading({ reading, today }),
  checksSheet: (findings, options) => checksSheet(findings, options),
};
