// The embedded family: Arimo, metric-compatible with the Arial the Word papers name (DESIGN §6),
// so a line breaks in the same place it would in Word. Font files are read once per process.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { readTrueType, type TrueTypeFont } from "./truetype.js";

export const FACES = ["regular", "bold", "italic", "boldItalic"] as const;
export type Face = (typeof FACES)[number];

const FILES: Record<Face, string> = {
  regular: "@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf",
  bold: "@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf",
  italic: "@expo-google-fonts/arimo/400Regular_Italic/Arimo_400Regular_Italic.ttf",
  boldItalic: "@expo-google-fonts/arimo/700Bold_Italic/Arimo_700Bold_Italic.ttf",
};

const require = createRequire(import.meta.url);
const bytesCache = new Map<Face, Uint8Array>();
const fontCache = new Map<Face, TrueTypeFont>();

export function faceFor(bold: boolean, italic: boolean): Face {
  if (bold) return italic ? "boldItalic" : "bold";
  return italic ? "italic" : "regular";
}

/** The TrueType file of a face, as its package ships it (resolved through node_modules, so it works from src/ and dist/). */
export function fontBytes(face: Face): Uint8Array {
  let bytes = bytesCache.get(face);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(require.resolve(FILES[face])));
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
