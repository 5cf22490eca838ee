// Counts a user checks first: how many actions, how many done, by theme, by RAG.
import type { Action, Plan, Rag, Status } from "./schema.js";
import { Rag as RagSchema, Status as StatusSchema } from "./schema.js";

export type StatusCounts = Record<Status | "none", number>;
export type RagCounts = Record<Rag | "none", number>;

export interface ThemeSummary {
  id: string | null;
  title: string;
  total: number;
  status: StatusCounts;
  rag: RagCounts;
}

export function countStatus(actions: readonly Pick<Action, "status">[]): StatusCounts {
  const counts = Object.fromEntries([...StatusSchema.options, "none"].map((k) => [k, 0])) as StatusCounts;
  for (const a of actions) counts[a.status ?? "none"]++;
  return counts;
}

export function countRag(actions: readonly Pick<Action, "rag">[]): RagCounts {
  const counts = Object.fromEntries([...RagSchema.options, "none"].map((k) => [k, 0])) as RagCounts;
  for (const a of actions) counts[a.rag ?? "none"]++;
  return counts;
}

/** One entry per theme in plan order, then one for actions with no theme (when there are any). */
export function summariseByTheme(plan: Plan): ThemeSummary[] {
  const groups = new Map<string | null, Action[]>(plan.themes.map((t) => [t.id, []]));
  for (const a of plan.actions) {
    const list = groups.get(a.theme) ?? [];
    list.push(a);
    groups.set(a.theme, list);
  }
  const titles = new Map(plan.themes.map((t) => [t.id, t.title]));
  return [...groups.entries()]
    .filter(([id, list]) => id !== null || list.length > 0)
    .map(([id, list]) => ({
      id,
      title: id === null ? "No theme" : (titles.get(id) ?? id),
      total: list.length,
      status: countStatus(list),
      rag: countRag(list),
    }));
}
