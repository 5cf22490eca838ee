// Reads each header/footer part of the template once, sharing one set of pictures between them.
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { MarginPart } from "../../model/word-template.js";
import { MediaCollector, readMarginPart } from "./margin-parts.js";
import type { DocxPackage } from "./open-docx.js";

export class MarginCollector {
  readonly media: MediaCollector;
  private readonly parts = new Map<string, MarginPart | undefined>();

  constructor(
    private readonly pkg: DocxPackage,
    private readonly file: string,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.media = new MediaCollector(pkg);
  }

  read(part: string): MarginPart | undefined {
    if (!this.parts.has(part)) this.parts.set(part, readMarginPart(this.pkg, part, this.file, this.media, this.diagnostics));
    return this.parts.get(part);
  }
}
