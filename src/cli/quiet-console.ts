// A library that writes to the console (a parser's warning, a deprecation notice) must not put
// its lines among ours: what the user reads is ours alone, one line per message. boardpack's own
// code never uses the console (it prints through a Printer), so while a command runs the console
// is silenced; BOARDPACK_DEBUG=1 lets it through for a fault report.

const METHODS = ["log", "info", "warn", "error", "debug", "trace", "dir", "table"] as const;

/** Silences the console until the returned function is called. */
export function quietConsole(): () => void {
  if (process.env.BOARDPACK_DEBUG) return () => undefined;
  const saved = METHODS.map((name) => [name, console[name]] as const);
  for (const name of METHODS) console[name] = () => undefined;
  return () => {
    for (const [name, method] of saved) (console as unknown as Record<string, unknown>)[name] = method;
  };
}

/**
 * Node's own warnings (deprecations a library triggers) print "(node:1234) Warning: …" unless
 * the process listens for them itself; the installed command does, and says nothing.
 */
export function quietProcessWarnings(): void {
  if (process.env.BOARDPACK_DEBUG) return;
  process.removeAllListeners("warning");
  process.on("warning", () => undefined);
}
