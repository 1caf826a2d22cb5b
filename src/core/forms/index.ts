/**
 * Agency returns: which agencies get a form, what the form holds, and how
 * returned forms are taken back into the tracking workbook. Pure: the
 * adapters (src/xlsx, src/excel, src/cli, src/taskpane) read and write files
 * and workbooks; every decision is made here.
 */
export { slugify, formFileNames, recipientFileNames, formsPackageName } from "./slug";
export { formSource, formSourceFromWorkbook, PERIOD_GRID, planFingerprint, formatNumber, planTitleFrom, PLAN_TITLE_CELL } from "./source";
export type { FormSource, FormIndicator, FormTask, FormPeriod } from "./source";
export { readScheduleTable, pendingWithDue, lateAgencies, nextDue, daysBetween, dayOf, ScheduleRowSchema } from "./schedule";
export type { ScheduleRow, PendingDue } from "./schedule";
export { formRecipients, routeOn, PLANNING_OFFICE } from "./recipients";
export type { FormRecipient, AgencyRoute } from "./recipients";
export { readIdentity, FormIdentitySchema, FORM_VERSION, IDENTITY_SHEET, IDENTITY_TABLES } from "./identity";
export type { FormIdentity, FormRow } from "./identity";
export { formLayout, formIdentity, previousPeriod, FORM_SHEET, FORM_TABLES, FORM_INDICATOR_COLUMNS, FORM_TASK_COLUMNS, FORM_TASK_STATUS } from "./layout";
export type { FormInput } from "./layout";
export { readReturn } from "./returns";
export { newSigningKey, signingSheet, readSigningKey, signIdentity, verifyIdentity, SIGNING_SHEET, SIGNING_TABLE } from "./signature";
export type { ReturnRead, ReturnedRow, ReturnWarning } from "./returns";
export {
  collectForms, openConflicts, resolveConflict, readResult, readTaskStatus, sameValue, showValue,
  historySheet, progressSheet, tableWrites, locateWrites, collectLayout, progressRows, readHistory, HISTORY_SHEET, PROGRESS_SHEET, HISTORY_TABLE, PROGRESS_TABLE, RECORD_STATE,
} from "./collect";
export type { KeptHistoryRow, TableCellWrite, CellWrite, CollectedForm, CollectOutcome, CollectReport, CollectState, Conflict, HistoryRecord, ProgressRow } from "./collect";
