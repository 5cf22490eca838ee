// Outputs are written to a temporary name and renamed, so a failure never leaves a
// half-written file, and an output path that is one of the inputs is refused.
import { mkdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UsageError } from "./usage-error.js";

export async function refuseToOverwriteInput(output: string, inputs: string[]): Promise<void> {
  const target = await realpath(output).catch(() => resolve(output));
  for (const input of inputs) {
    const source = await realpath(input).catch(() => resolve(input));
    if (source === target) throw new UsageError(`the output ${output} is the input file; choose another name with -o`);
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
