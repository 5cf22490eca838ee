// Branding is data: a spec's or house style's `logo:` (PNG or JPEG, relative to the file that
// names it), read, checked and sized for the top of the first page. A logo that is missing,
// unreadable or not a picture is one error naming the file and the field: a paper never goes
// out without the crest its style promised.
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { readLogoFile } from "../files/logo-file.js";
import type { Logo } from "./doc.js";
import type { LoadedStyle } from "./house-styles.js";
import type { LoadedSpec } from "./spec.js";

/** The largest a logo is drawn: 6 cm wide, 2.5 cm tall (a crest above the header block). */
const MAX_WIDTH_PT = (6 / 2.54) * 72;
const MAX_HEIGHT_PT = (2.5 / 2.54) * 72;
/** A picture's pixels at 96 per inch, as Word sizes one inserted with no size of its own. */
const POINTS_PER_PIXEL = 72 / 96;

export function loadLogo(spec: LoadedSpec | null, styled: LoadedStyle, organisation: string | null): { logo?: Logo; diagnostics: Diagnostic[] } {
  const fromSpec = spec?.spec?.logo;
  const fromStyle = styled.style?.logo;
  let named: { path: string; written: string; origin: { file: string; line?: number } };
  if (fromSpec !== undefined && spec) {
    named = { path: resolve(dirname(spec.path), fromSpec), written: fromSpec, origin: { file: spec.file, line: spec.lineOf(["logo"]) } };
  } else if (fromStyle !== undefined && styled.path) {
    named = { path: resolve(dirname(styled.path), fromStyle), written: fromStyle, origin: { file: styled.file, ...(styled.logoLine ? { line: styled.logoLine } : {}) } };
  } else {
    return { diagnostics: [] };
  }
  const read = readLogoFile(named.path);
  if (!read.ok) {
    return { diagnostics: [{ severity: "error", code: "LOGO_UNREADABLE", message: `logo: "${named.written}" cannot be used: ${read.message} (${named.path})`, ...named.origin }] };
  }
  const natural = { w: read.widthPx * POINTS_PER_PIXEL, h: read.heightPx * POINTS_PER_PIXEL };
  const scale = Math.min(1, MAX_WIDTH_PT / natural.w, MAX_HEIGHT_PT / natural.h);
  return {
    logo: {
      media: { name: `logo.${read.format === "png" ? "png" : "jpeg"}`, format: read.format, base64: read.bytes.toString("base64") },
      width: round(natural.w * scale),
      height: round(natural.h * scale),
      alt: organisation?.replace(/\s+/g, " ").trim() || "Logo",
    },
    diagnostics: [],
  };
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}
