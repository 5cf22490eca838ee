// plan.json's text: the public form of the plan (DESIGN §3), the same from `convert` and the app.
import type { Plan } from "./schema.js";

export function planJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
