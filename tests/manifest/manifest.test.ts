/**
 * The repository's manifest.xml (the development one, served by `npm run
 * dev-server` at https://localhost:3000/): the offline checks of ./checks.ts,
 * and Microsoft's schemas.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describeManifest, ROOT } from "./checks";

const MANIFEST = join(ROOT, "manifest.xml");

describeManifest("manifest.xml", { path: MANIFEST, base: "https://localhost:3000/", served: ROOT });

describe("manifest.xml against Microsoft's schemas", () => {
  it("passes manifest-validate.sh (OfficeApp 1.1 and VersionOverrides 1.0) with 0 problems", () => {
    const run = spawnSync("bash", [join(ROOT, "..", "shared", "ooxml", "manifest-validate.sh"), MANIFEST], { encoding: "utf8" });
    expect(run.stdout.trim().split("\n").pop()).toBe("manifest problems: 0");
    expect(run.status).toBe(0);
  });
});
