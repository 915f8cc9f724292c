import { describe, expect, it, vi } from "vitest";
import { startCron } from "../../src/reminders/cron.js";
import type { ReminderService } from "../../src/reminders/service.js";
import { memoryLog } from "./support.js";

describe("startCron", () => {
  it("should run once at start-up and warn about sends a previous process left unfinished", async () => {
    const runDue = vi.fn(async () => []);
    const service = {
      runDue,
      flush: async () => ({ sent: 0, failed: 0, dropped: 0 }),
      uncertain: () => [
        {
          task: "monthly-progress",
          period: "2026-06",
          reminder: "t-3d",
          recipient: "office:wecom-group",
          state: "attempt" as const,
          at: "2026-06-22T01:00:00.000Z",
          late: false,
        },
      ],
    } as unknown as ReminderService;
    const log = memoryLog();
    const cron = startCron(service, { log });
    await cron.started;
    await cron.stop();
    expect(runDue).toHaveBeenCalledTimes(1);
    expect(log.lines).toEqual([
      expect.stringMatching(/^warn .*t-3d → office:wecom-group.*不再重发/),
    ]);
  });

  it("should log a failing tick and keep going", async () => {
    const service = {
      runDue: async () => {
        throw new Error("submissions/2026-06.json is not valid JSON");
      },
      flush: async () => ({ sent: 0, failed: 0, dropped: 0 }),
      uncertain: () => [],
    } as unknown as ReminderService;
    const log = memoryLog();
    const cron = startCron(service, { log });
    await cron.started;
    await cron.stop();
    expect(log.lines).toEqual([expect.stringMatching(/^error 提醒检查失败：.*not valid JSON/)]);
  });
});
