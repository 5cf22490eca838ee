// The app's server, spoken to over HTTP as a browser (or a hostile page) would: it answers only
// to its own address, refuses other sites, keeps to the command line's limits, and says what
// went wrong in our words.
import { request } from "node:http";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../src/app/server.js";
import { LIMITS } from "../../src/ingest/limits.js";

let app: RunningApp;
let port: number;

beforeAll(async () => {
  app = await startApp({ host: "127.0.0.1", port: 0, asOf: "2016-11-01", version: "test", limits: { ...LIMITS, maxFileBytes: 64 * 1024 } });
  port = Number(new URL(app.url).port);
});
afterAll(() => app.close());

function call(method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const own = () => ({ origin: `http://127.0.0.1:${port}` });

describe("boardpack app's server", () => {
  it("serves the page with a strict Content-Security-Policy", async () => {
    const r = await call("GET", "/", {});
    expect(r.status).toBe(200);
    expect(r.text).toContain('<html lang="en-GB"');
    const csp = String(r.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("refuses a Host that is not its own (DNS rebinding)", async () => {
    const r = await call("GET", "/", { host: `evil.example:${port}` });
    expect(r.status).toBe(421);
  });

  it("refuses another site's page posting to it, and a post with no Origin", async () => {
    const csv = "Ref,Action,Status\n1,Do it,Complete\n";
    const foreign = await call("POST", "/api/tracker", { origin: "http://evil.example", "x-file-name": "t.csv" }, csv);
    expect(foreign.status).toBe(403);
    const none = await call("POST", "/api/tracker", { "x-file-name": "t.csv" }, csv);
    expect(none.status).toBe(403);
    const ours = await call("POST", "/api/tracker", { ...own(), "x-file-name": "t.csv" }, csv);
    expect(ours.status).toBe(200);
    expect(JSON.parse(ours.text).view.counts.actions).toBe(1);
  });

  it("keeps to the size limit, in our words", async () => {
    const r = await call("POST", "/api/tracker", { ...own(), "x-file-name": "big.csv" }, Buffer.alloc(70 * 1024, 0x41));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).refused).toMatch(/^The file is larger than 0\.1 MB, the most boardpack reads\.$/);
  });

  it("says in one line why a file is not a tracker", async () => {
    const r = await call("POST", "/api/tracker", { ...own(), "x-file-name": "../../etc/notes.xlsx" }, Buffer.from("PK\u0003\u0004 not really a zip"));
    expect(r.status).toBe(422);
    const { refused } = JSON.parse(r.text) as { refused: string };
    // The browser's path is never taken: only the name's last part names the file.
    expect(refused).toMatch(/^notes\.xlsx: error [A-Z_]+ /);
    expect(refused).not.toMatch(/at .*\.js|Error:/);
  });

  it("takes no path from the browser and does not serve files outside its own", async () => {
    for (const path of ["/static/../../package.json", "/static/%2e%2e/%2e%2e/package.json", "/etc/passwd"]) {
      const r = await call("GET", path, {});
      expect(r.status).toBe(404);
    }
  });

  it("forgets a session when the page ends it", async () => {
    const up = JSON.parse((await call("POST", "/api/tracker", { ...own(), "x-file-name": "t.csv" }, "Ref,Action\n1,Do it\n")).text) as { session: string };
    await call("POST", "/api/end", { ...own(), "content-type": "application/json" }, JSON.stringify({ session: up.session }));
    const r = await call("POST", "/api/download", { ...own(), "content-type": "application/json" }, JSON.stringify({ session: up.session, what: "mapping" }));
    expect(r.status).toBe(410);
    expect(JSON.parse(r.text).refused).toMatch(/choose your tracker again/);
  });

  it("writes the mapping file the command line reads", async () => {
    const csv = readFileSync("data/cambs-da-action-plan.csv");
    const up = JSON.parse((await call("POST", "/api/tracker", { ...own(), "x-file-name": "cambs.csv" }, csv)).text) as { session: string; view: { headers: string[] } };
    const header = up.view.headers[1]!;
    await call("POST", "/api/mapping", { ...own(), "content-type": "application/json" }, JSON.stringify({ session: up.session, overrides: { owner: header } }));
    const r = await call("POST", "/api/download", { ...own(), "content-type": "application/json" }, JSON.stringify({ session: up.session, what: "mapping" }));
    expect(r.status).toBe(200);
    expect(r.headers["content-disposition"]).toContain('filename="cambs-mapping.yaml"');
    expect(r.text).toContain(`owner: ${header}`);
  });
});

describe("boardpack app: last time's tracker", () => {
  const json = { ...{}, "content-type": "application/json" };
  const body = readFileSync("templates/specs/cambridgeshire-bcb.md", "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
  const form = { style: "cambridgeshire-bcb", fields: { to: "Business Coordination Board", from: "Chief Constable" }, committees: [], contacts: [], body };

  it("compares it with this tracker, and the paper and the RAG tracker then say what moved", async () => {
    const last = readFileSync("data/cambs-da-action-plan.csv");
    // This time: action 1.3 ("Ongoing", G) is complete.
    const now = Buffer.from(last.toString("latin1").replace(/^(1\.3,.*),Ongoing,G,/m, "$1,Complete,B,"), "latin1");
    expect(now.equals(last)).toBe(false);
    const up = JSON.parse((await call("POST", "/api/tracker", { ...own(), "x-file-name": "cambs-now.csv" }, now)).text) as { session: string };

    const before = JSON.parse((await call("POST", "/api/paper", { ...own(), ...json }, JSON.stringify({ session: up.session, form }))).text) as { html: string };
    expect(before.html).not.toContain("Since the last report");

    const compared = await call("POST", "/api/last-tracker", { ...own(), "x-file-name": "cambs-last.csv", "x-session": up.session }, last);
    expect(compared.status).toBe(200);
    expect(JSON.parse(compared.text).summary).toBe("Compared with cambs-last.csv: 1 completed, 1 re-rated (1 better).");

    const after = JSON.parse((await call("POST", "/api/paper", { ...own(), ...json }, JSON.stringify({ session: up.session, form }))).text) as { html: string };
    expect(after.html).toContain("Since the last report to the Board, 1 action has been completed.");
    expect(after.html).toContain("Completed: 1.3");

    const tracker = await call("POST", "/api/download", { ...own(), ...json }, JSON.stringify({ session: up.session, what: "tracker", form }));
    expect(tracker.status).toBe(200);
  });

  it("refuses last time's tracker before this one, or one with errors, in one line", async () => {
    const orphan = await call("POST", "/api/last-tracker", { ...own(), "x-file-name": "last.csv", "x-session": "nope" }, "Ref,Action\n1,Do it\n");
    expect(orphan.status).toBe(410);
    const up = JSON.parse((await call("POST", "/api/tracker", { ...own(), "x-file-name": "t.csv" }, "Ref,Action\n1,Do it\n")).text) as { session: string };
    const bad = await call("POST", "/api/last-tracker", { ...own(), "x-file-name": "last.csv", "x-session": up.session }, "Ref,Action\n1,Do it\n1,Again\n");
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.text).refused).toMatch(/^last\.csv has an error to put right first: last\.csv A3: error REF_DUPLICATE/);
  });
});
