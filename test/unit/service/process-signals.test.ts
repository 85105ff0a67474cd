import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/log.js";
import { guardProcess, onStopSignals } from "../../../src/service/process-signals.js";

function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  return { proc: { on: emitter.on.bind(emitter), exit: (code: number) => void exits.push(code) }, emitter, exits };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("onStopSignals", () => {
  it("stops once on SIGTERM and exits 0 only after stopping has finished", async () => {
    const { proc, emitter, exits } = fakeProcess();
    let finish!: () => void;
    let stops = 0;
    const signals = onStopSignals(silentLogger, () => (stops++, new Promise<void>((r) => (finish = r))), proc);
    expect(signals.stopping).toBe(false);
    emitter.emit("SIGTERM");
    await tick();
    expect(signals.stopping).toBe(true);
    expect(exits).toEqual([]);
    finish();
    await tick();
    expect(exits).toEqual([0]);
    expect(stops).toBe(1);
  });

  it("exits 1 at once on a second signal, without stopping again", async () => {
    const { proc, emitter, exits } = fakeProcess();
    let stops = 0;
    onStopSignals(silentLogger, () => (stops++, new Promise<void>(() => undefined)), proc);
    emitter.emit("SIGINT");
    emitter.emit("SIGTERM");
    expect(exits).toEqual([1]);
    expect(stops).toBe(1);
  });

  it("exits 1 when stopping fails", async () => {
    const { proc, emitter, exits } = fakeProcess();
    onStopSignals(silentLogger, () => Promise.reject(new Error("close failed")), proc);
    emitter.emit("SIGTERM");
    await tick();
    expect(exits).toEqual([1]);
  });
});

describe("guardProcess", () => {
  it("survives an unhandled rejection and exits 1 on an uncaught exception", () => {
    const { proc, emitter, exits } = fakeProcess();
    guardProcess(silentLogger, proc);
    emitter.emit("unhandledRejection", new Error("lost promise"));
    expect(exits).toEqual([]);
    emitter.emit("uncaughtException", new Error("boom"));
    expect(exits).toEqual([1]);
  });
});
