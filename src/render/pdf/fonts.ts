// The embedded families, each metric-compatible with a font Word papers name (DESIGN §6), so a
// line breaks where it would in Word: Arimo for Arial, Carlito for Calibri, Caladea for Cambria,
// Tinos for Times New Roman. A font none of them matches is drawn in the closest (serif or sans)
// with a warning (see embeddedFamily). Font files are read once per process.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { readTrueType, type TrueTypeFont } from "./truetype.js";

export const FAMILIES = ["arimo", "carlito", "caladea", "tinos"] as const;
export type FontFamily = (typeof FAMILIES)[number];
export const STYLES = ["regular", "bold", "italic", "boldItalic"] as const;
export type FaceStyle = (typeof STYLES)[number];
/** A face: Arimo's by its style alone ("bold"), another family's as "carlito-bold". */
export type Face = FaceStyle | `${Exclude<FontFamily, "arimo">}-${FaceStyle}`;

/** Every face, Arimo's first (so a paper in Arial keeps its font names F1–F4). */
export const FACES: readonly Face[] = FAMILIES.flatMap((family) => STYLES.map((style) => faceOf(family, style)));

const PACKAGE_NAME: Record<FontFamily, string> = { arimo: "Arimo", carlito: "Carlito", caladea: "Caladea", tinos: "Tinos" };
const STYLE_FILE: Record<FaceStyle, string> = { regular: "400Regular", bold: "700Bold", italic: "400Regular_Italic", boldItalic: "700Bold_Italic" };

const require = createRequire(import.meta.url);
const bytesCache = new Map<Face, Uint8Array>();
const fontCache = new Map<Face, TrueTypeFont>();

function faceOf(family: FontFamily, style: FaceStyle): Face {
  return family === "arimo" ? style : `${family}-${style}`;
}

export function faceFor(bold: boolean, italic: boolean, family: FontFamily = "arimo"): Face {
  const style: FaceStyle = bold ? (italic ? "boldItalic" : "bold") : italic ? "italic" : "regular";
  return faceOf(family, style);
}

function parts(face: Face): { family: FontFamily; style: FaceStyle } {
  const dash = face.indexOf("-");
  return dash === -1 ? { family: "arimo", style: face as FaceStyle } : { family: face.slice(0, dash) as FontFamily, style: face.slice(dash + 1) as FaceStyle };
}

/** The TrueType file of a face, as its npm package ships it (resolved through node_modules, so it works from src/ and dist/). */
export function fontBytes(face: Face): Uint8Array {
  let bytes = bytesCache.get(face);
  if (!bytes) {
    const { family, style } = parts(face);
    const file = `@expo-google-fonts/${family}/${STYLE_FILE[style]}/${PACKAGE_NAME[family]}_${STYLE_FILE[style]}.ttf`;
    bytes = new Uint8Array(readFileSync(require.resolve(file)));
    bytesCache.set(face, bytes);
  }
  return bytes;
}

/** The face's font file, read. */
export function fontFile(face: Face): TrueTypeFont {
  let font = fontCache.get(face);
  if (!font) {
    font = readTrueType(fontBytes(face));
    fontCache.set(face, font);
  }
  return font;
}

const SAME_MEASUREMENTS: Record<string, FontFamily> = {
  arial: "arimo",
  arimo: "arimo",
  helvetica: "arimo",
  "liberation sans": "arimo",
  calibri: "carlito",
  carlito: "carlito",
  cambria: "caladea",
  caladea: "caladea",
  "times new roman": "tinos",
  times: "tinos",
  tinos: "tinos",
  "liberation serif": "tinos",
};

/** Serif faces we cannot embed: drawn in Tinos rather than a sans. */
const SERIF = /serif|georgia|garamond|palatino|book antiqua|bookman|baskerville|century|constantia|didot|bodoni|cambria math|minion|perpetua|rockwell|sabon/i;

/**
 * The family that draws a Word font in the PDF; `exact` when it has the same measurements (so
 * lines break as in Word), otherwise the nearest in kind, which a caller warns about.
 */
export function embeddedFamily(wordFont: string): { family: FontFamily; exact: boolean; name: string } {
  const key = wordFont.trim().toLowerCase().replace(/\s+/g, " ").replace(/ (mt|ms)$/, "");
  const exact = SAME_MEASUREMENTS[key];
  const family = exact ?? (SERIF.test(key) && !/sans/.test(key) ? "tinos" : "arimo");
  return { family, exact: exact !== undefined, name: PACKAGE_NAME[family] };
}
