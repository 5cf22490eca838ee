// A part's relationships (word/_rels/header1.xml.rels …): id → type and target part.
import { posix } from "node:path";
import type { DocxPackage } from "./open-docx.js";
import { NS, parseXml } from "./xml-dom.js";

export interface Relationship {
  id: string;
  /** The last word of the type's address: "image", "header", "hyperlink" … */
  type: string;
  /** The target part's name in the package, or the address of an external target. */
  target: string;
  external: boolean;
}

/** The relationships of `part` ("word/header1.xml"), by id; none when it has no .rels part. */
export function relationshipsOf(pkg: DocxPackage, part: string, file: string): Map<string, Relationship> {
  const relsPart = posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
  const text = pkg.text(relsPart);
  const out = new Map<string, Relationship>();
  if (text === undefined) return out;
  const doc = parseXml(text, file, relsPart);
  for (const rel of Array.from(doc.getElementsByTagNameNS(NS.rels, "Relationship"))) {
    const id = rel.getAttribute("Id") ?? "";
    const target = rel.getAttribute("Target") ?? "";
    const external = rel.getAttribute("TargetMode") === "External";
    out.set(id, {
      id,
      type: (rel.getAttribute("Type") ?? "").split("/").pop() ?? "",
      target: external ? target : target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(posix.dirname(part), target)),
      external,
    });
  }
  return out;
}
