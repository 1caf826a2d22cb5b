/**
 * `npm run bench`: each file in ./parts measures one thing on this machine and
 * returns its figures; this runner prints them as readable lines and, as the
 * last line, one JSON object with every figure (the contract other tools read).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { cpus } from "node:os";

export interface BenchPart {
  /** Human-readable lines are printed by the part itself via `log`. */
  run(log: (line: string) => void): Promise<Record<string, unknown>>;
}

async function main(): Promise<void> {
  const dir = join(__dirname, "parts");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();
  const figures: Record<string, unknown> = { machine: { cpus: cpus().length, node: process.version } };
  for (const file of files) {
    const part = (await import(join(dir, file))) as BenchPart;
    const started = Date.now();
    console.log(`== ${file}`);
    try {
      Object.assign(figures, await part.run((line) => console.log(`   ${line}`)));
    } catch (e) {
      // A broken part must not hide the others' figures; it is reported and the run fails at the end.
      console.log(`   FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      figures[`error:${file}`] = e instanceof Error ? e.message : String(e);
      process.exitCode = 1;
    }
    console.log(`   (${Date.now() - started} ms)`);
  }
  console.log(JSON.stringify(figures));
}

void main();
