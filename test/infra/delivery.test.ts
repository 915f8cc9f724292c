import { describe, expect, it } from "vitest";
import { mayHaveArrived, provesNotSent } from "../../src/infra/delivery.js";

describe("mayHaveArrived", () => {
  it("should hold timeouts and marked errors, also as a cause, as possibly delivered", () => {
    const axiosTimeout = Object.assign(new Error("timeout of 10000ms exceeded"), {
      code: "ECONNABORTED",
    });
    const marked = Object.assign(new Error("HTTP 502"), { deliveryUnknown: true });
    expect(mayHaveArrived(axiosTimeout)).toBe(true);
    expect(mayHaveArrived(marked)).toBe(true);
    expect(mayHaveArrived(new Error("send failed", { cause: axiosTimeout }))).toBe(true);
  });

  it("should not hold refusals as possibly delivered", () => {
    expect(mayHaveArrived(new Error("HTTP 403: bot was blocked by the user"))).toBe(false);
    expect(mayHaveArrived("timeout")).toBe(false); // not an error at all
  });
});

describe("provesNotSent", () => {
  it("should take connection refused and DNS failures as never sent", () => {
    expect(provesNotSent("ECONNREFUSED")).toBe(true);
    expect(provesNotSent("ENOTFOUND")).toBe(true);
    expect(provesNotSent("ECONNRESET")).toBe(false);
    expect(provesNotSent(undefined)).toBe(false);
  });
});
