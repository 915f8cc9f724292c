// Shared wiring of the running bot and the `reminders` command: the stores of a data folder and
// the reminder transport over whichever channels are configured.
import type { TelegramChannel } from "./channels/telegram/index.js";
import type { WecomChannel } from "./channels/wecom/index.js";
import type { Config } from "./config.js";
import type { ReminderTransport, ReportingState } from "./reminders/index.js";
import { openBindingStore, type BindingStore } from "./store/bindings.js";
import { loadDistrict } from "./store/district.js";
import { loadRoster, type Township } from "./store/roster.js";
import { createSubmissionStore, type SubmissionStore } from "./store/submissions.js";
import { loadTasks, type Task } from "./store/tasks.js";

/** The stores of one data folder. */
export interface DataStores {
  tasks: Task[];
  roster: Township[];
  bindings: BindingStore;
  submissions: SubmissionStore;
}

/** Opens the tasks, roster, bindings and submissions of `dataDir`; a broken file throws a StoreError. */
export function openDataStores(dataDir: string, district = loadDistrict()): DataStores {
  const tasks = loadTasks();
  const roster = loadRoster(district.rosterFile);
  const townships = roster.map((t) => t.name);
  const submissions = createSubmissionStore({ dir: dataDir, tasks, townships });
  return {
    tasks,
    roster,
    bindings: openBindingStore(dataDir, { townships }),
    submissions,
  };
}

/** Who has reported what, as the reminders read it. */
export function reportingState(stores: DataStores): ReportingState {
  const all = stores.roster.map((t) => t.name);
  return {
    progress: (task, period) =>
      stores.submissions
        .progress(task, period, task.townships === "all" ? all : task.townships)
        .map(({ township, missing }) => ({ township, missing })),
    liaisonsOf: (township) => stores.bindings.liaisonsOf(township),
  };
}

/** Channels a reminder can go through. */
export interface ReminderChannels {
  telegram?: TelegramChannel;
  wecom?: WecomChannel;
  /** Prints to the terminal (the console channel, or the reminders command). */
  print?: (text: string) => Promise<void>;
}

/** Direct messages by identity prefix; office summaries to the group robot, the Telegram office chat and the terminal. */
export function reminderTransport(config: Config, channels: ReminderChannels): ReminderTransport {
  const { telegram, wecom, print } = channels;
  const office: ReminderTransport["office"] = [];
  if (wecom?.webhook) {
    const webhook = wecom.webhook;
    office.push({ key: "wecom-group", send: (text) => webhook.send(text), perMinute: 20 });
  }
  const officeChat = config.telegram?.officeChatId;
  if (telegram && officeChat) {
    office.push({
      key: "telegram-office",
      send: (text) => telegram.sendTo(officeChat, { text }),
      perMinute: 20,
    });
  }
  if (print) office.push({ key: "console", send: print, perMinute: Infinity });
  return {
    office,
    async direct(identity, text) {
      const at = identity.indexOf(":");
      const [channel, id] = [identity.slice(0, at), identity.slice(at + 1)];
      if (channel === "telegram" && telegram) return telegram.sendTo(id, { text });
      if (channel === "wecom" && wecom) return wecom.sendTo(id, { text });
      if (channel === "console" && print) return print(text);
      throw new Error(`no configured channel can reach ${identity}`);
    },
  };
}
