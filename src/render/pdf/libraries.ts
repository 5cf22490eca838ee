// pdf-lib, loaded from the single-file bundle its package ships, with require. `import … from
// "pdf-lib"` loads pdf-lib's hundreds of CommonJS files through Node's ESM loader, which first
// scans every one of them for its exports: several times the work of requiring the bundle. The
// bundle is the same version built from the same sources; everything the PDF writer makes comes
// from it, so its objects are all of one copy of pdf-lib. Types still come from the package
// (`import type`). Only pdf-lib's public API is used (fontkit is not loaded at all: see truetype.ts
// and embed-font.ts).
import { createRequire } from "node:module";
import type * as PdfLib from "pdf-lib";

const require = createRequire(import.meta.url);

export const pdfLib = require("pdf-lib/dist/pdf-lib.min.js") as typeof PdfLib;
