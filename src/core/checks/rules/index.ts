/** Every rule, in the order their findings are listed for the same row. */
import type { Rule } from "../types";
import { numberingDuplicate } from "./numbering/duplicate";
import { numberingGap } from "./numbering/gap";
import { numberingMissingStt } from "./numbering/missingStt";
import { numberingParentMismatch } from "./numbering/parentMismatch";
import { targetMissing } from "./target/missing";
import { targetUnreadable } from "./target/unreadable";
import { targetDirectionConflict } from "./target/directionConflict";
import { targetAboveBaseline, targetBelowBaseline } from "./target/baseline";
import { targetImplausibleJump } from "./target/implausibleJump";
import { targetPercentOver100 } from "./target/percentOver100";
import { unitMismatch } from "./unit/mismatch";
import { unitMissing } from "./unit/missing";
import { duplicateConflict } from "./duplicate/conflict";
import { agencyNoLead } from "./agency/noLead";
import { agencyCatchAllLead } from "./agency/catchAllLead";
import { agencyLeadAlsoCoordinating } from "./agency/leadAlsoCoordinating";
import { agencyUnknown } from "./agency/unknown";
import { agencyListedTwice } from "./agency/listedTwice";
import { agencyVariant } from "./agency/variant";
import { agencyReorganized } from "./agency/reorganized";
import { deadlineBeforePlan } from "./deadline/beforePlan";
import { deadlineAfterPeriod } from "./deadline/afterPeriod";
import { deadlinePassedNoResult } from "./deadline/passedNoResult";
import { deadlineUnreadable } from "./deadline/unreadable";
import { resultNotNumber } from "./result/notNumber";
import { resultOutOfScale } from "./result/outOfScale";
import { resultWrongColumn } from "./result/wrongColumn";
import { scheduleBeforePeriodEnd } from "./schedule/beforePeriodEnd";
import { scheduleUpstreamFirst } from "./schedule/upstreamFirst";
import { historyCompareMismatch } from "./history/compareMismatch";

export const RULES: readonly Rule[] = [
  numberingMissingStt, numberingGap, numberingDuplicate, numberingParentMismatch,
  targetMissing, targetUnreadable, targetDirectionConflict, targetBelowBaseline, targetAboveBaseline,
  targetImplausibleJump, targetPercentOver100, historyCompareMismatch,
  unitMismatch, unitMissing,
  duplicateConflict,
  agencyNoLead, agencyCatchAllLead, agencyLeadAlsoCoordinating, agencyListedTwice, agencyUnknown, agencyVariant, agencyReorganized,
  deadlineBeforePlan, deadlineAfterPeriod, deadlinePassedNoResult, deadlineUnreadable,
  resultNotNumber, resultOutOfScale, resultWrongColumn,
  scheduleUpstreamFirst, scheduleBeforePeriodEnd,
];
