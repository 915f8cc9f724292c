// A WeCom API that takes message/send but answers too late (held 11 s against the client's 10 s
// timeout, scaled down here: held until the test ends against a 100 ms timeout). Every message
// must reach WeCom exactly once: a timed-out send is logged, never repeated.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import axios from "axios";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAppSender } from "../../../src/channels/wecom/app-sender.js";
import { createWecomApi } from "../../../src/channels/wecom/api.js";
import { WecomDeliveryUnknownError } from "../../../src/channels/wecom/http-call.js";
import { createRateLimiter } from "../../../src/channels/wecom/rate-limit.js";
import { CORP_ID, fakeClock, SECRET } from "./support.js";

interface SlowWecom {
  url: string;
  /** Bodies of the message/send requests received (all of them held). */
  sends: Record<string, unknown>[];
  close(): Promise<void>;
}

/** gettoken answers at once; message/send is read, recorded and never answered until close. */
async function startSlowWecom(): Promise<SlowWecom> {
  const sends: Record<string, unknown>[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      if (path === "/cgi-bin/gettoken") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ errcode: 0, access_token: "T", expires_in: 7200 }));
      } else if (path === "/cgi-bin/message/send") {
        sends.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>);
        // Held: WeCom took the message but its answer never arrives in time.
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sends,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let slow: SlowWecom | undefined;
afterEach(async () => {
  await slow?.close();
  slow = undefined;
});

describe("a slow WeCom message/send", () => {
  it("gets exactly one request per message, and each timeout is logged once", async () => {
    slow = await startSlowWecom();
    const clock = fakeClock();
    const warnings: string[] = [];
    const api = createWecomApi({
      apiBase: slow.url,
      corpId: CORP_ID,
      secret: SECRET,
      now: clock.now,
      sleep: clock.sleep,
      // The production client waits 10 s; the fake holds longer than any timeout.
      http: axios.create({ timeout: 100, validateStatus: () => true }),
    });
    const sender = createAppSender({
      api,
      agentId: "1000002",
      limiter: createRateLimiter({ limit: 30, now: clock.now, sleep: clock.sleep }),
      log: { error: () => undefined, warn: (m: string) => warnings.push(m) },
    });
    // api.ts reports through the default logger, the console.
    const consoleWarn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    let logged: string[];
    try {
      const results = await Promise.allSettled(
        ["甲", "乙", "丙"].map((user) => sender.send(user, { text: `回复${user}` })),
      );
      for (const result of results) {
        expect(result.status).toBe("rejected");
        expect((result as PromiseRejectedResult).reason).toBeInstanceOf(WecomDeliveryUnknownError);
      }
      logged = consoleWarn.mock.calls.map((call) => String(call[0]));
    } finally {
      consoleWarn.mockRestore();
    }
    expect(slow.sends.map((body) => body.touser).sort()).toEqual(["丙", "乙", "甲"]);
    expect(clock.sleeps).toEqual([]); // no back-off: nothing was tried again
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatch(/message\/send got no answer \(ECONNABORTED\).*Not sent again/);
  });
});
