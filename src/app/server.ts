// `boardpack app`: a local web server over the same pipeline as the command line. It answers
// only to its own address (guard.ts), keeps uploads in memory (sessions.ts), and routes each
// request to a step of the page: read a tracker, change its mapping, compose the paper and its
// preview, download a file. A user's mistake comes back as messages in our words; a fault of
// ours as one line, never a stack trace.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { formatDiagnostic } from "../diagnostics/diagnostic.js";
import { COLUMN_FIELDS, type ColumnField } from "../ingest/columns.js";
import type { MappingOverrides } from "../ingest/header.js";
import { formatMegabytes } from "../files/limits.js";
import { LIMITS, type Limits } from "../ingest/limits.js";
import { loadTrackerBytes } from "../ingest/load-tracker.js";
import { mappingFileText } from "../ingest/mapping-file.js";
import { InputRefused } from "../ingest/refused.js";
import { compareTrackers, countsSummary } from "../model/changes.js";
import { planJson } from "../model/plan-json.js";
import { PAPER_CSS } from "../render/html/paper-css.js";
import { renderHtmlDocument } from "../render/html/render-html.js";
import { documentTimestamp } from "../render/timestamp.js";
import { allowedHosts, checkRequest } from "./guard.js";
import { BodyTooLarge, readBody, send, sendFile, sendJson } from "./http.js";
import { appPage, previewPage } from "./page.js";
import { composeFromForm, previewHtml, reportChoices, styleChoices, valuesFor, type StyleChoice } from "./paper-job.js";
import { PaperForm } from "./paper-form.js";
import { Sessions, type Session } from "./sessions.js";
import { trackerView } from "./tracker-view.js";

export interface AppOptions {
  host: string;
  port: number;
  /** The day counts, overdue actions and section 55 clocks are worked out at (YYYY-MM-DD). */
  asOf: string;
  version: string;
  limits?: Limits;
}

export interface RunningApp {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** JSON bodies (the form and the words) are small; a tracker may be as large as the command line reads. */
const JSON_LIMIT = 2 * 1024 * 1024;

const STATIC = new URL("./static/", import.meta.url);
// The bundle (dist/bundle/) sits two folders below the package root, as src/app/ does.
const STATIC_FROM_ROOT = new URL("../../src/app/static/", import.meta.url);

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const sessions = new Sessions();
  const limits = options.limits ?? LIMITS;
  let hosts = new Set<string>();
  let styles: StyleChoice[] | undefined;
  const staticFiles = new Map<string, { type: string; body: string }>();
  const staticFile = (name: string, type: string): { type: string; body: string } => {
    let file = staticFiles.get(name);
    if (!file) {
      file = { type, body: readStatic(name) };
      staticFiles.set(name, file);
    }
    return file;
  };

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void> | void> = {
    "GET /": (_req, res) => send(res, 200, "text/html; charset=utf-8", appPage()),
    // No icon: an empty answer, so the browser does not ask again or log a missing file.
    "GET /favicon.ico": (_req, res) => send(res, 204, "image/x-icon", ""),
    "GET /preview": (_req, res) => send(res, 200, "text/html; charset=utf-8", previewPage()),
    "GET /static/app.css": (_req, res) => sendStatic(res, staticFile("app.css", "text/css; charset=utf-8")),
    "GET /static/app.js": (_req, res) => sendStatic(res, staticFile("app.js", "text/javascript; charset=utf-8")),
    "GET /static/paper.css": (_req, res) => sendStatic(res, { type: "text/css; charset=utf-8", body: PAPER_CSS }),
    "GET /static/preview.css": (_req, res) => sendStatic(res, { type: "text/css; charset=utf-8", body: "body{margin:0;background:#f3f2f1}\n" }),
    "GET /api/styles": (_req, res) => sendJson(res, 200, { styles: (styles ??= styleChoices()), asOf: options.asOf }),

    "POST /api/tracker": async (req, res) => {
      const name = fileNameFrom(req.headers["x-file-name"]);
      if (!name) return sendJson(res, 400, { refused: "Choose a tracker file (.xlsx or .csv)." });
      const bytes = await readBody(req, limits.maxFileBytes);
      if (bytes.length === 0) return sendJson(res, 422, { refused: `${name}: the file is empty` });
      const result = await loadTrackerBytes(bytes, name, { limits });
      const session = sessions.create(name, bytes, {}, result);
      sendJson(res, 200, trackerAnswer(session, options.asOf));
    },

    // Last time's tracker, compared with this session's: the paper and the tracker then say what moved.
    "POST /api/last-tracker": async (req, res) => {
      const name = fileNameFrom(req.headers["x-file-name"]);
      const session = needReadySession(String(req.headers["x-session"] ?? ""));
      if (!name) return sendJson(res, 400, { refused: "Choose last time's tracker (.xlsx or .csv)." });
      const bytes = await readBody(req, limits.maxFileBytes);
      if (bytes.length === 0) return sendJson(res, 422, { refused: `${name}: the file is empty` });
      const old = await loadTrackerBytes(bytes, name, { limits });
      const errors = old.diagnostics.filter((d) => d.severity === "error");
      if (!old.plan || errors.length > 0) {
        return sendJson(res, 422, { refused: `${name} has ${errors.length === 1 ? "an error" : `${errors.length} errors`} to put right first: ${errors.slice(0, 3).map(formatDiagnostic).join("; ")}` });
      }
      const compared = compareTrackers(old.plan, session.result.plan!, { oldFile: name, newFile: session.file, asOf: options.asOf });
      session.changes = compared.report;
      const warnings = compared.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
      const what = countsSummary(compared.report.counts);
      sendJson(res, 200, { summary: `Compared with ${name}: ${what === "" ? "nothing has changed" : what}.${warnings.length > 0 ? ` Check: ${warnings.join(" ")}` : ""}`, counts: compared.report.counts });
    },

    "POST /api/mapping": async (req, res) => {
      const body = MappingRequest.parse(await readJson(req));
      const session = needSession(body.session);
      const overrides: MappingOverrides = {};
      for (const [field, header] of Object.entries(body.overrides)) if (header !== undefined && header.trim() !== "") overrides[field as ColumnField] = header.trim();
      session.result = await loadTrackerBytes(session.bytes, session.file, { limits, mapping: { file: "the column choices", overrides, lines: {} } });
      session.overrides = overrides;
      sendJson(res, 200, trackerAnswer(session, options.asOf));
    },

    "POST /api/paper": async (req, res) => {
      const body = PaperRequest.parse(await readJson(req));
      const session = needReadySession(body.session);
      const result = composeFromForm(session.result, session.file, body.form, options.asOf, session.changes);
      sendJson(res, 200, {
        ok: result.doc !== null,
        html: previewHtml(result),
        problems: result.problems,
        draft: result.draft,
        base: result.base,
        ...(body.values ? { values: valuesFor(session.result, result, options.asOf) } : {}),
      });
    },

    "POST /api/download": async (req, res) => {
      const body = DownloadRequest.parse(await readJson(req));
      const session = needSession(body.session);
      const trackerBase = session.file.replace(/\.[^.]*$/, "");
      if (body.what === "mapping") {
        const text = mappingFileText(session.overrides, `Which column feeds which field, for ${session.file}.\nUse it with: boardpack check ${session.file} --map ${trackerBase}-mapping.yaml`);
        return sendFile(res, `${trackerBase}-mapping.yaml`, "application/yaml; charset=utf-8", text);
      }
      const plan = needReadySession(body.session).result.plan!;
      if (!body.form) return sendJson(res, 400, { refused: "The paper's details are missing." });
      const result = composeFromForm(session.result, session.file, body.form, options.asOf, session.changes);
      const base = result.base;
      switch (body.what) {
        case "spec":
          return sendFile(res, `${base}.md`, "text/markdown; charset=utf-8", result.spec.text);
        case "plan":
          return sendFile(res, `${base}.plan.json`, "application/json; charset=utf-8", planJson(plan));
        case "tracker": {
          const { renderTracker } = await import("../render/xlsx/render-tracker.js");
          const marking = result.spec.loaded.spec?.marking;
          const rendered = await renderTracker(plan, session.result.diagnostics, { asOf: options.asOf, timestamp: documentTimestamp(options.asOf), sourceFile: session.file, version: options.version, ...(marking ? { marking } : {}), ...(session.changes ? { changes: session.changes } : {}) });
          return sendFile(res, `${base}-tracker.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", rendered.bytes);
        }
      }
      if (!result.doc) return sendJson(res, 422, { refused: "The paper has mistakes to put right first: they are listed above the words.", problems: result.problems });
      switch (body.what) {
        case "docx": {
          const { renderDocx } = await import("../render/docx/render-docx.js");
          return sendFile(res, `${base}.docx`, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", await renderDocx(result.doc));
        }
        case "pdf": {
          const { renderPdf } = await import("../render/pdf/render-pdf.js");
          return sendFile(res, `${base}.pdf`, "application/pdf", await renderPdf(result.doc));
        }
        case "html":
          return sendFile(res, `${base}.html`, "text/html; charset=utf-8", renderHtmlDocument(result.doc));
      }
    },

    "POST /api/end": async (req, res) => {
      const body = z.object({ session: z.string() }).safeParse(await readJson(req).catch(() => null));
      if (body.success) sessions.end(body.data.session);
      send(res, 204, "text/plain", "");
    },
  };

  function needSession(id: string): Session {
    const session = sessions.get(id);
    if (!session) throw new UserMistake(410, "This page has been open too long, or boardpack was restarted: choose your tracker again.");
    return session;
  }
  function needReadySession(id: string): Session {
    const session = needSession(id);
    if (!session.result.plan || session.result.diagnostics.some((d) => d.severity === "error")) {
      throw new UserMistake(409, "Put right the errors in your tracker first (step 1).");
    }
    return session;
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => answerFailure(res, error, limits));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = checkRequest(req, hosts);
    if (!verdict.ok) {
      req.resume();
      return send(res, verdict.status, "text/plain; charset=utf-8", verdict.reason);
    }
    const path = (req.url ?? "/").split("?")[0];
    const route = routes[`${req.method} ${path}`];
    if (!route) {
      req.resume();
      return send(res, 404, "text/plain; charset=utf-8", "There is no such page.");
    }
    await route(req, res);
  }

  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(options.host, port);
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        sessions.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function trackerAnswer(session: Session, asOf: string) {
  return { session: session.id, view: trackerView(session.file, session.result, session.overrides), reports: reportChoices(session.result, session.file, asOf) };
}

const MappingRequest = z.strictObject({
  session: z.string().max(64),
  overrides: z.partialRecord(z.enum(COLUMN_FIELDS), z.string().max(500)),
});
const PaperRequest = z.strictObject({ session: z.string().max(64), form: PaperForm, values: z.boolean().optional() });
const DownloadRequest = z.strictObject({
  session: z.string().max(64),
  what: z.enum(["mapping", "spec", "plan", "tracker", "docx", "pdf", "html"]),
  form: PaperForm.optional(),
});

class UserMistake extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("application/json")) throw new UserMistake(415, "The page sent something this server does not read.");
  const text = (await readBody(req, JSON_LIMIT)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new UserMistake(400, "The page sent something this server does not read.");
  }
}

/** Only the last part of the name the browser gives, without control characters: it names the tracker in messages. */
function fileNameFrom(header: string | string[] | undefined): string | null {
  if (typeof header !== "string") return null;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return null;
  }
  name = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return name === "" ? null : name;
}

function answerFailure(res: ServerResponse, error: unknown, limits: Limits): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof InputRefused) return sendJson(res, 422, { refused: formatDiagnostic(error.diagnostic), diagnostic: error.diagnostic });
  if (error instanceof BodyTooLarge) {
    return sendJson(res, 413, { refused: error.limit === limits.maxFileBytes ? `The file is larger than ${formatMegabytes(limits.maxFileBytes)}, the most boardpack reads.` : "The page sent more than this server reads at once." });
  }
  if (error instanceof UserMistake) return sendJson(res, error.status, { refused: error.message });
  if (error instanceof z.ZodError) return sendJson(res, 400, { refused: "The page sent something this server does not read." });
  // A fault of ours: one line for the page, the detail only on request.
  if (process.env.BOARDPACK_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? error.message}\n`);
  sendJson(res, 500, { refused: `boardpack app: internal error: ${error instanceof Error ? error.message : String(error)}. This is a fault in boardpack, not in your file.` });
}

function sendStatic(res: ServerResponse, file: { type: string; body: string }): void {
  send(res, 200, file.type, file.body);
}

function readStatic(name: string): string {
  for (const base of [STATIC, STATIC_FROM_ROOT]) {
    try {
      return readFileSync(new URL(name, base), "utf8");
    } catch {
      // not here: the bundle finds them from the package root
    }
  }
  throw new Error(`src/app/static/${name} is missing`);
}
