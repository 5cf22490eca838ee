// Relationship ids for external links that do not change from one writing to the next: docx's
// ExternalHyperlink names its relationship with a random id (nanoid) on every pack, so the same
// paper would never give the same bytes twice; here the id is the address's place among the
// paper's addresses.

/** Numbers each distinct address once per paper: "rIdLink1", "rIdLink2" … */
export class LinkIds {
  private readonly ids = new Map<string, number>();

  idFor(target: string): string {
    let n = this.ids.get(target);
    if (n === undefined) this.ids.set(target, (n = this.ids.size + 1));
    return `Link${n}`;
  }

  /** Each id with its address, in the order they were numbered. */
  *entries(): IterableIterator<[string, string]> {
    for (const [target, n] of this.ids) yield [`Link${n}`, target];
  }
}
