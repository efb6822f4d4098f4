// Preloaded into the e2e app server (NODE_OPTIONS=--import) so the security suite can read everything the
// server prints: each write to stdout/stderr is also appended to APP_OUTPUT_FILE.
import { appendFileSync } from "node:fs";

const file = process.env.APP_OUTPUT_FILE;
if (file) {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = (chunk, ...rest) => {
      try {
        appendFileSync(file, typeof chunk === "string" ? chunk : Buffer.from(chunk));
      } catch {
        // Capturing is best effort; the server must keep running.
      }
      return write(chunk, ...rest);
    };
  }
}
