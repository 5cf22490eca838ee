// Who may talk to the server: only pages it served itself. A request whose Host is not one of
// the server's own names is refused (DNS rebinding: another site's name pointed at 127.0.0.1),
// and so is any request carrying another site's Origin, and any request that changes something
// (POST) without our Origin — other sites' pages cannot post trackers to it or read its answers.
import type { IncomingMessage } from "node:http";
import { hostname, networkInterfaces } from "node:os";

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];

/** The Host headers this server answers to: its address and port, under the names that reach it. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set<string>(LOOPBACK);
  names.add(host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);
  if (!isLoopback(host)) {
    // Bound to another interface (--host): the names other machines use to reach this one.
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === "IPv6" ? `[${a.address}]` : a.address);
    }
  }
  return new Set([...names].map((n) => `${n.toLowerCase()}:${port}`));
}

export function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "localhost" || host === "::1" || host === "[::1]";
}

export type GuardVerdict = { ok: true } | { ok: false; status: number; reason: string };

export function checkRequest(req: IncomingMessage, hosts: Set<string>): GuardVerdict {
  const host = (req.headers.host ?? "").toLowerCase();
  if (!hosts.has(host)) return { ok: false, status: 421, reason: "This server only answers to its own address." };
  const origin = req.headers.origin;
  const changes = req.method !== "GET" && req.method !== "HEAD";
  if (origin !== undefined && origin !== `http://${host}`) return { ok: false, status: 403, reason: "Requests from other sites are refused." };
  if (changes && origin === undefined) return { ok: false, status: 403, reason: "Requests from other sites are refused." };
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return { ok: false, status: 403, reason: "Requests from other sites are refused." };
  return { ok: true };
}
