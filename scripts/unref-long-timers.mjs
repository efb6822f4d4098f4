// Preloaded into Prisma's CLI: its wasm schema engine leaves a 10 s setTimeout behind after every command,
// which keeps the process alive for nothing. Long timers must not hold the process open; real work still does.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function (callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (Number(delay) >= 5000 && typeof timer?.unref === "function") timer.unref();
  return timer;
};
