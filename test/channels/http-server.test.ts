import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, readBody, type HttpServer } from "../../src/channels/http-server.js";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(routes: Parameters<typeof createHttpServer>[0]["routes"]) {
  server = createHttpServer({ port: 0, host: "127.0.0.1", routes, log: { error: () => {} } });
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

  it("answers unknown paths and methods with 404", async () => {
    const base = await start({ "POST /telegram/webhook": (_req, res) => void res.end("x") });
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/telegram/webhook`)).status).toBe(404);
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
});
