// boardpack app: the whole job in a web page, for people who do not use a terminal. Starts the
// local server (src/app/) on 127.0.0.1, says where it is, and runs until Ctrl+C.
import { spawn } from "node:child_process";
import { isLoopback } from "../../app/guard.js";
import { parseAsOf } from "../as-of.js";
import { UsageError } from "../usage-error.js";
import { boardpackVersion } from "../version.js";
import type { Command } from "./command.js";

const DEFAULT_PORT = 4173;

export const appCommand: Command = {
  name: "app",
  summary: "open boardpack as a web page on this computer: choose a tracker, fill in the paper, edit its words, download it",
  usage: "boardpack app [--port 4173] [--open] [--host 127.0.0.1] [--as-of date]",
  examples: ["boardpack app --open", "boardpack app --port 8080"],
  options: {
    port: { type: "string" },
    host: { type: "string" },
    open: { type: "boolean" },
    "as-of": { type: "string" },
  },
  optionHelp: [
    ["--port <number>", `the port to listen on (default: ${DEFAULT_PORT}; 0 for any free port)`],
    ["--open", "open the page in your web browser"],
    ["--host <address>", "the address to listen on (default: 127.0.0.1, this computer only); another exposes the page and your files to the network"],
    ["--as-of <date>", "the date counts, overdue actions and section 55 deadlines are worked out at (default: today)"],
  ],
  async run({ values, print }) {
    const port = parsePort(values.port);
    const host = typeof values.host === "string" && values.host.trim() !== "" ? values.host.trim() : "127.0.0.1";
    const asOf = parseAsOf(values["as-of"], "app");
    const { startApp } = await import("../../app/server.js");
    let app;
    try {
      app = await startApp({ host, port, asOf, version: boardpackVersion() });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") throw new UsageError(`port ${port} is already in use (is boardpack app already running? Then open it in your browser); choose another with --port ${port + 1}`, "app");
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EINVAL") throw new UsageError(`--host ${host}: this computer has no such address`, "app");
      if (code === "EACCES") throw new UsageError(`port ${port} needs administrator rights; choose one above 1023 with --port`, "app");
      throw error;
    }
    if (!isLoopback(host)) {
      print.err("WARNING: boardpack app is listening on " + host + ", not only on this computer.");
      print.err("WARNING: anyone who can reach this computer over the network can open the page, read the trackers");
      print.err("WARNING: uploaded to it and the papers made from them. Use it only on a network you trust.");
    }
    print.out(`boardpack is running at ${app.url}`);
    print.out("Open that address in your web browser. Press Ctrl+C here to stop boardpack; your files are not kept.");
    if (values.open) openInBrowser(app.url, print.err);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void app.close().then(resolve);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      app.server.once("close", resolve);
    });
    print.out("boardpack stopped.");
    return 0;
  },
};

function parsePort(value: unknown): number {
  if (value === undefined) return DEFAULT_PORT;
  const text = String(value).trim();
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port ${String(value)} is not a port number; give one such as ${DEFAULT_PORT}`, "app");
  return port;
}

/** The system's own way of opening an address; if it fails the address printed above still works. */
function openInBrowser(url: string, warn: (line: string) => void): void {
  const [command, args] =
    process.platform === "win32" ? ["cmd", ["/c", "start", "", url]]
    : process.platform === "darwin" ? ["open", [url]]
    : ["xdg-open", [url]];
  try {
    const child = spawn(command as string, args as string[], { stdio: "ignore", detached: true });
    child.on("error", () => warn(`Could not open a browser by itself: open ${url} in yours.`));
    child.unref();
  } catch {
    warn(`Could not open a browser by itself: open ${url} in yours.`);
  }
}
