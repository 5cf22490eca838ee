// Themes in tracker order, each with a stable id made from its title.
import type { Theme } from "./schema.js";

export class ThemeRegistry {
  private readonly byTitle = new Map<string, Theme>();
  private readonly ids = new Set<string>();

  /** The theme with this title, created on first sight; returns its id. */
  idFor(title: string): string {
    const key = title.replace(/\s+/g, " ").trim().toLowerCase();
    const known = this.byTitle.get(key);
    if (known) return known.id;
    const theme = { id: this.uniqueId(slug(title)), title: title.replace(/\s+/g, " ").trim() };
    this.byTitle.set(key, theme);
    return theme.id;
  }

  list(): Theme[] {
    return [...this.byTitle.values()];
  }

  private uniqueId(base: string): string {
    let id = base || "theme";
    for (let n = 2; this.ids.has(id); n++) id = `${base || "theme"}-${n}`;
    this.ids.add(id);
    return id;
  }
}

/** "Understanding & Identifying Risk" → "understanding-identifying-risk". */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}
