// A minimal fake of the WeCom server API on 127.0.0.1: gettoken and message/send. Every
// message/send body is recorded with who it went to and its text, so a bench can count answers.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One message/send call the fake accepted. */
export interface SentMessage {
  /** Arrival time (Date.now). */
  at: number;
  touser: string;
  /** text.content (or the JSON body for other message types). */
  content: string;
}

/** The running fake. */
export interface FakeApi {
  /** Base URL for WECOM_API_BASE, e.g. http://127.0.0.1:43123. */
  url: string;
  sent: SentMessage[];
  /** Called with every message/send as it arrives (set and clear it freely). */
  onSend?: (message: SentMessage) => void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function reply(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Starts the fake on 127.0.0.1 (random port). `corpId` and `secret` must match the bot's. */
export async function startFakeApi(corpId: string, secret: string): Promise<FakeApi> {
  const sent: SentMessage[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    void readJson(req)
      .then((body) => {
        if (url.pathname === "/cgi-bin/gettoken") {
          const ok =
            url.searchParams.get("corpid") === corpId &&
            url.searchParams.get("corpsecret") === secret;
          return reply(
            res,
            ok
              ? { errcode: 0, errmsg: "ok", access_token: "BENCH-TOKEN", expires_in: 7200 }
              : { errcode: 40001, errmsg: "invalid credential" },
          );
        }
        if (url.pathname === "/cgi-bin/message/send") {
          const text = body.text as { content?: unknown } | undefined;
          const content = typeof text?.content === "string" ? text.content : JSON.stringify(body);
          const message = { at: Date.now(), touser: String(body.touser), content };
          sent.push(message);
          fake.onSend?.(message);
          return reply(res, { errcode: 0, errmsg: "ok", invaliduser: "" });
        }
        // Webhook and anything else: accepted and ignored.
        return reply(res, { errcode: 0, errmsg: "ok" });
      })
      .catch(() => reply(res, { errcode: 40000, errmsg: "bad request" }));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const fake: FakeApi = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}
