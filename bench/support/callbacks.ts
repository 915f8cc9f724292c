// Signed, encrypted WeCom app callbacks (via the independent @wecom/crypto implementation) and
// a keep-alive HTTP client that posts them to the bot on 127.0.0.1 and times each ack.
import { Agent, request } from "node:http";
import { connect, type Socket } from "node:net";
import { randomInt } from "node:crypto";
import { encrypt, getSignature } from "@wecom/crypto";

/** The app settings the bot is started with (test values, never real secrets). */
export const APP = {
  corpId: "ww5823bf96d3bd56c7",
  agentId: "1000002",
  secret: "bench-app-secret",
  token: "QDG6eK",
  aesKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
} as const;

/** One member's text message to the app. */
export interface TextCallback {
  from: string;
  content: string;
  msgId: string;
}

function plainXml(m: TextCallback, createTime: number): string {
  return (
    `<xml><ToUserName><![CDATA[${APP.corpId}]]></ToUserName><FromUserName><![CDATA[${m.from}]]></FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
    `<Content><![CDATA[${m.content}]]></Content><MsgId>${m.msgId}</MsgId><AgentID>${APP.agentId}</AgentID></xml>`
  );
}

/** A callback ready to POST: path with the signed query, and the encrypted envelope. */
export interface SignedCallback {
  path: string;
  body: string;
}

/** A callback as WeCom would POST it now (fresh timestamp and nonce; valid for 300 s). */
export function signCallback(m: TextCallback): SignedCallback {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomInt(1e9));
  const cipher = encrypt(APP.aesKey, plainXml(m, Number(timestamp)), APP.corpId);
  const signature = getSignature(APP.token, timestamp, nonce, cipher);
  return {
    path: `/wecom/app?msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
    body:
      `<xml><ToUserName><![CDATA[${APP.corpId}]]></ToUserName><Encrypt><![CDATA[${cipher}]]></Encrypt>` +
      `<AgentID><![CDATA[${APP.agentId}]]></AgentID></xml>`,
  };
}

/** What one POST came to: acknowledged means HTTP 200 with "success", as WeCom counts it. */
export interface PostResult {
  acked: boolean;
  /** HTTP status, or 0 when the connection failed. */
  status: number;
  /** From the request's first byte written to the answer's last byte read. */
  ms: number;
  /**
   * For a request that opened its connection: how long this client's own event loop held the
   * request after `connect` was called (not part of `ms`).
   */
  connectWaitMs?: number;
}

/** Posts to the bot at 127.0.0.1:port over a shared keep-alive agent. */
export function callbackClient(port: number, maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  /** Posts a message (signed now) or a callback signed beforehand. */
  function post(m: TextCallback | SignedCallback, timeoutMs = 15_000): Promise<PostResult> {
    const { path, body } = "path" in m ? m : signCallback(m);
    const started = performance.now();
    return new Promise((resolve) => {
      const done = (status: number, text = "") =>
        resolve({
          acked: status === 200 && text === "success",
          status,
          ms: performance.now() - started,
        });
      const req = request(
        { host: "127.0.0.1", port, path, method: "POST", agent, timeout: timeoutMs },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => done(res.statusCode ?? 0, text));
          res.on("error", () => done(0));
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => done(0));
      req.setHeader("content-type", "text/xml");
      req.end(body);
    });
  }
  return { post, close: () => agent.destroy() };
}

/**
 * The same posts over plain keep-alive sockets, one request at a time on each, with the request
 * bytes written by hand and only the status line, Content-Length and body of the answer read.
 * The bot and this client share the machine's two cores: at 200 in flight node:http's client kept
 * this loop 50–60% busy, this one 27–41%, CPU the bot would not have to share behind a network.
 */
export function socketClient(port: number) {
  const idle: Socket[] = [];
  const all = new Set<Socket>();
  function post(m: TextCallback | SignedCallback, timeoutMs = 15_000): Promise<PostResult> {
    const { path, body } = "path" in m ? m : signCallback(m);
    // Head and body in one write: one segment and one system call per request.
    const request =
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/xml\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body}`;
    let started = performance.now();
    let connectWaitMs: number | undefined;
    return new Promise((resolve) => {
      const reused = idle.pop();
      const socket = reused ?? openSocket();
      if (!reused) {
        // The kernel completes a loopback handshake without the bot (its accept queue holds the
        // connection); the request is written when this loop sees "connect". Until then the
        // clock would time this client: the opening round's 200 sockets are created in one
        // synchronous run, which held the first requests 5–25 ms before a byte was written.
        socket.once("connect", () => {
          const now = performance.now();
          connectWaitMs = now - started;
          started = now;
        });
      }
      let received: Buffer = Buffer.alloc(0);
      const finish = (status: number, text: string, reuse: boolean) => {
        clearTimeout(timer);
        socket.removeListener("data", onData);
        socket.removeListener("close", onClose);
        if (reuse) idle.push(socket);
        else socket.destroy();
        resolve({
          acked: status === 200 && text === "success",
          status,
          ms: performance.now() - started,
          connectWaitMs,
        });
      };
      const onData = (chunk: Buffer) => {
        received = received.length ? Buffer.concat([received, chunk]) : chunk;
        const end = received.indexOf("\r\n\r\n");
        if (end < 0) return;
        const header = received.toString("latin1", 0, end);
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(header)?.[1] ?? 0);
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(header)?.[1] ?? NaN);
        if (Number.isNaN(length)) return finish(status, "", false);
        if (received.length < end + 4 + length) return;
        const text = received.toString("utf8", end + 4, end + 4 + length);
        finish(status, text, !/\r\nconnection: *close/i.test(header));
      };
      const onClose = () => finish(0, "", false);
      const timer = setTimeout(() => finish(0, "", false), timeoutMs);
      socket.on("data", onData);
      socket.on("close", onClose);
      socket.write(request);
    });
  }
  function openSocket(): Socket {
    const socket = connect({ host: "127.0.0.1", port, noDelay: true });
    socket.on("error", () => undefined); // reported through "close"
    socket.on("close", () => all.delete(socket));
    all.add(socket);
    return socket;
  }
  return {
    post,
    close: () => {
      for (const socket of all) socket.destroy();
    },
  };
}

/** Runs `count` tasks with at most `concurrency` in flight, in index order. */
export async function pool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
