import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  createHttpServer,
  readBody,
  type HttpServer,
  type HttpServerOptions,
} from "../../src/channels/http-server.js";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(routes: HttpServerOptions["routes"], extra: Partial<HttpServerOptions> = {}) {
  server = createHttpServer({
    port: 0,
    host: "127.0.0.1",
    routes,
    log: { error: () => {}, warn: () => {} },
    ...extra,
  });
  const { port } = await server.listen();
  return `http://127.0.0.1:${port}`;
}

describe("createHttpServer", () => {
  it("answers GET /healthz with 200 ok", async () => {
    const base = await start({});
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
    expect((await fetch(`${base}/healthz`, { method: "HEAD" })).status).toBe(200);
  });

  it("answers unknown paths with 404 and other methods of a known path with 405", async () => {
    const base = await start({ "POST /telegram/webhook": (_req, res) => void res.end("x") });
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    const wrongMethod = await fetch(`${base}/telegram/webhook`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });

  it("routes a POST with a query string to its handler, body included", async () => {
    const base = await start({
      "POST /telegram/webhook": async (req, res) => {
        res.end(
          `got ${await readBody(req)} ${new URL(req.url!, "http://x").searchParams.get("a")}`,
        );
      },
    });
    const res = await fetch(`${base}/telegram/webhook?a=1`, { method: "POST", body: "hello" });
    expect(await res.text()).toBe("got hello 1");
  });

  it("accepts routes added after creation", async () => {
    const base = await start({});
    server!.route("GET /late", (_req, res) => void res.end("late"));
    expect(await (await fetch(`${base}/late`)).text()).toBe("late");
  });

  it("answers 500 when a handler throws and keeps serving", async () => {
    const base = await start({
      "GET /boom": async () => {
        throw new Error("boom");
      },
    });
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("answers 413 to a body over the limit", async () => {
    const base = await start({
      "POST /small": async (req, res) => void res.end(await readBody(req, 10)),
    });
    const res = await fetch(`${base}/small`, { method: "POST", body: "x".repeat(100) });
    expect(res.status).toBe(413);
  });

  it("sets its timeouts explicitly: headers 10 s, request 30 s, keep-alive 5 s", async () => {
    await start({});
    expect(server!.server.headersTimeout).toBe(10_000);
    expect(server!.server.requestTimeout).toBe(30_000);
    expect(server!.server.keepAliveTimeout).toBe(5_000);
  });

  it("cuts off a client that never finishes its headers", async () => {
    const base = await start({}, { headersTimeoutMs: 200 });
    const socket = connect(Number(new URL(base).port), "127.0.0.1");
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n"); // and nothing more
    const answer = await new Promise<string>((resolve) => {
      let received = "";
      socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
      socket.on("close", () => resolve(received));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("logs refused requests once per source and counts the rest", async () => {
    const warnings: string[] = [];
    const base = await start({}, { log: { error: () => {}, warn: (m) => warnings.push(m) } });
    for (let i = 0; i < 5; i++) expect((await fetch(`${base}/wp-login.php`)).status).toBe(404);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/refused GET \/wp-login\.php from 127\.0\.0\.1 with 404/);
    await server!.close(); // closing reports the count held back
    server = undefined;
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/^4 more refused from http 127\.0\.0\.1/);
  });

  it("stops taking connections at once on close, yet finishes a request in flight", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const base = await start({
      "GET /slow": async (_req, res) => {
        started();
        await released;
        res.end("done");
      },
    });
    const slow = fetch(`${base}/slow`);
    await inFlight;
    const closed = server!.close();
    server = undefined;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    release();
    const answer = await slow;
    expect(await answer.text()).toBe("done");
    await closed;
  });

  it("cuts requests still running once the grace period is over", async () => {
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const base = await start(
      { "GET /stuck": () => started() }, // never answers
      { closeGraceMs: 50 },
    );
    const stuck = fetch(`${base}/stuck`);
    await inFlight;
    await server!.close();
    server = undefined;
    await expect(stuck).rejects.toThrow();
  });
});
