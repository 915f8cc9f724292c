// node-cron as a clock only (!): it skips a run that fires late and remembers nothing across
// restarts, so each tick just asks the service what is due and not yet sent. The run at start-up
// is what sends reminders missed while the bot was down.
import cron from "node-cron";
import type { ReminderLogger } from "./outbox.js";
import type { ReminderService } from "./service.js";

/** Options of `startCron`. */
export interface CronOptions {
  /** Logger (default: console). */
  log?: ReminderLogger;
  /** Cron expression of the ticks (default: every minute, "* * * * *"). */
  expression?: string;
}

/** A running reminder clock. */
export interface ReminderCron {
  /** The start-up run; resolves once its messages were handed to the outbox. */
  readonly started: Promise<void>;
  /** Stops the ticks and waits for queued messages. */
  stop(): Promise<void>;
}

/** Runs `service.runDue` now and then every minute. */
export function startCron(service: ReminderService, options: CronOptions = {}): ReminderCron {
  const log = options.log ?? console;
  for (const entry of service.uncertain()) {
    log.warn(
      `提醒 ${entry.task} ${entry.period} ${entry.reminder} → ${entry.recipient} 上次发送中断，` +
        "无法确认是否送达，不再重发",
    );
  }
  const tick = async () => {
    try {
      const items = await service.runDue();
      if (items.length > 0) log.info(`提醒：${items.length} 条到期，已加入发送队列`);
    } catch (error) {
      log.error(`提醒检查失败：${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const started = tick();
  const task = cron.schedule(options.expression ?? "* * * * *", tick, {
    name: "reminders",
    timezone: "Asia/Shanghai",
    noOverlap: true,
  });
  return {
    started,
    async stop() {
      await task.destroy();
      await service.flush();
    },
  };
}
