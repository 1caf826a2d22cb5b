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
 * The Office display languages that get English. The manifest (DefaultLocale vi-VN) overrides its ribbon
 * labels, names and descriptions for exactly these culture names: Office takes an override only for the
 * exact culture, without wildcards, so a language not listed here sees the Vietnamese ribbon, and the pane
 * and the ribbon's notices speak Vietnamese with it (tests/manifest holds the two lists together).
 */
export const ENGLISH_LOCALES = ["en-US", "en-GB", "en-AU", "en-CA", "en-IN", "en-IE", "en-NZ", "en-SG", "en-ZA", "en-PH", "en-MY"] as const;

/**
 * Picks the pane language from Office's display language ("vi-VN", "en-US", …).
 *
 * @example
 * languageFor("vi-VN") // "vi"
 * languageFor("en-GB") // "en"
 * languageFor("fr-FR") // "vi" — the manifest has no French override: the ribbon is Vietnamese too
 * languageFor(undefined) // "vi" — no Office context: stay with the default
 */
export function languageFor(displayLanguage: string | null | undefined): Lang {
  if (!displayLanguage) return "vi";
  const lower = displayLanguage.toLowerCase();
  return ENGLISH_LOCALES.some((l) => l.toLowerCase() === lower) ? "en" : "vi";
}

export function stringsFor(lang: Lang): Strings {
  return lang === "vi" ? vi : en;
}
