#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm install builds dist/ through "prepare").
import { setFlagsFromString } from "node:v8";

// V8 learns which places in the code make objects that live long and then creates their objects
// straight in the old generation ("pretenuring"). Laying out a long paper makes objects that
// live a page or two, so V8 learns wrongly, and the old generation then grows past a gigabyte
// before it is collected. Without pretenuring they are collected young, and the process stays
// within half of that; no output changes (it is how the heap is managed, not what it holds).
setFlagsFromString("--no-allocation-site-pretenuring");

// A command runs for a second or a few, too short for much of V8's optimising to pay for
// itself: rendering a 1,000-action PDF took 870 ms of compiling (on V8's own threads, which
// share the machine's cores with ours) for a 500 ms render. Most of that
// is inlining called functions into their callers; without it, compiling takes 540 ms, and the
// paper command takes 14% less CPU at 1,000 actions and 15% less at 5,000. At 50,000, where
// inlined code has longest to pay for itself, it takes as long as with inlining, on 3% less CPU.
setFlagsFromString("--no-turbo-inlining");

// Output piped into a reader that stops early (`| head`, `| less` quit): stop quietly, as other
// command-line tools do, rather than with Node's EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { main } = await import("../dist/bundle/main.js");
process.exitCode = await main(process.argv.slice(2));
