/**
 * The release the pane runs and where its users report a problem: set by the
 * build from package.json and the manifest's SupportUrl (webpack's DefinePlugin,
 * `--env support=…`), so the pane, the manifest and the support page agree.
 */
import { z } from "zod";

declare const __CHITIEU_ABOUT__: unknown;

export const AboutSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+/),
  /** https://… or mailto:…, the manifest's SupportUrl. */
  supportUrl: z.string().regex(/^(https:\/\/|mailto:)/),
});
export type About = z.infer<typeof AboutSchema>;

/** What the build defined; null outside a webpack build (unit tests pass their own). */
export function builtAbout(): About | null {
  if (typeof __CHITIEU_ABOUT__ === "undefined") return null;
  const parsed = AboutSchema.safeParse(__CHITIEU_ABOUT__);
  return parsed.success ? parsed.data : null;
}
