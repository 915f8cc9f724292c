// Refused callbacks: the status each error gets, and the log line at most once a minute per
// source; the central handler's answer to a failure. The door here does what the app door does with a body: parse the envelope, refuse.
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, readBody, type HttpServer } from "../../../src/channels/http-server.js";
import { handleSafely, refuse } from "../../../src/channels/wecom/callback.js";
import { WecomDeliveryUnknownError } from "../../../src/channels/wecom/http-call.js";
import { WecomCryptoError } from "../../../src/channels/wecom/errors.js";
import { parseEnvelope } from "../../../src/channels/wecom/xml.js";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function door(log: { error(m: string): void; warn(m: string): void }) {
  server = createHttpServer({
    port: 0,
    host: "127.0.0.1",
    log,
    routes: {
      "POST /wecom/app": async (req, res) => {
        const body = await readBody(req);
        try {
          parseEnvelope(body);
          if (body.includes("forged")) throw new WecomCryptoError("bad signature", "signature");
        } catch (error) {
          return refuse(res, error, "app", log);
        }
        res.end("success");
      },
    },
  });
  const { port } = await server.listen();
  return (body: string) =>
    fetch(`http://127.0.0.1:${port}/wecom/app`, { method: "POST", body }).then((r) => r.status);
}

describe("refuse", () => {
  it("answers a character reference outside Unicode with 400, logging no error", async () => {
    const errors: string[] = [];
    const warnings: string[] = [];
    const post = await door({ error: (m) => errors.push(m), warn: (m) => warnings.push(m) });
    expect(await post("<xml><Encrypt>&#x110000;</Encrypt></xml>")).toBe(400);
    expect(await post("<xml><Encrypt>a</Encrypt>")).toBe(400);
    expect(await post("<xml><Encrypt>forged</Encrypt></xml>")).toBe(403);
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /wecom app: refused a callback body from 127\.0\.0\.1: .*&#x110000;/,
    );
  });

  it("counts the refusals of one source and reports them in one line", async () => {
    const warnings: string[] = [];
    const log = { error: () => undefined, warn: (m: string) => warnings.push(m) };
    const post = await door(log);
    for (let i = 0; i < 50; i++)
      expect(await post("<xml><Encrypt>forged</Encrypt></xml>")).toBe(403);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/refused a callback \(signature\) from 127\.0\.0\.1/);
  });
});

describe("handleSafely", () => {
  function context() {
    const lines: string[] = [];
    const apologies: string[] = [];
    return {
      lines,
      apologies,
      context: {
        door: "app",
        id: "4561255354251345929",
        log: {
          error: (m: string) => lines.push(`error ${m}`),
          warn: (m: string) => lines.push(`warn ${m}`),
        },
        apologize: async (text: string) => void apologies.push(text),
      },
    };
  }

  it("sends no apology when the reply may have arrived, and says so once", async () => {
    const { lines, apologies, context: ctx } = context();
    await handleSafely(ctx, async () => {
      throw new WecomDeliveryUnknownError(
        "cgi-bin/message/send got no answer.",
        -1,
        "cgi-bin/message/send",
      );
    });
    expect(apologies).toEqual([]);
    expect(lines).toEqual([
      "warn wecom app: the reply to message 4561255354251345929 may have arrived; not sent again",
    ]);
  });

  it("apologizes once for any other failure and logs the message id", async () => {
    const { lines, apologies, context: ctx } = context();
    await handleSafely(ctx, async () => {
      throw new Error("core failed");
    });
    expect(apologies).toHaveLength(1);
    expect(lines).toEqual([
      "error wecom app: handling message 4561255354251345929 failed: Error: core failed",
    ]);
  });
});
