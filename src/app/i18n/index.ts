/**
 * Language choice for the pane and the ribbon commands: Vietnamese unless Office
 * says the user works in another language. The pane's components read strings
 * through `useStrings()` (src/taskpane/context.ts).
 */
import { en } from "./en";
import { vi } from "./vi";
import type { Strings } from "./vi";

export type { Strings };
export type Lang = "vi" | "en";

/**
 * Picks the pane language from Office's display language ("vi-VN", "en-US", …).
 *
 * @example
 * languageFor("vi-VN") // "vi"
 * languageFor("fr-FR") // "en"
 * languageFor(undefined) // "vi" — no Office context: stay with the default
 */
export function languageFor(displayLanguage: string | null | undefined): Lang {
  if (!displayLanguage) return "vi";
  return displayLanguage.toLowerCase().startsWith("vi") ? "vi" : "en";
}

export function stringsFor(lang: Lang): Strings {
  return lang === "vi" ? vi : en;
}
