// The real engine over the fixture report (test/fixtures/district), with state in memory.
import { createCore, type CoreOptions } from "../../src/core/engine.js";
import { memoryConversationStore } from "../../src/store/db/conversations.js";
import type { Core } from "../../src/core/types.js";
import type { ReportsAnswerer } from "../../src/search/reports-answerer.js";
import { fixtureAnswerer } from "./reports.js";

/** One answerer per test file (building the index takes a moment). */
export function realAnswerer(): ReportsAnswerer {
  return fixtureAnswerer();
}

/** A core as the bot runs it, minus persistence. */
export function realCore(options: Partial<CoreOptions> = {}): Core {
  return createCore({
    answerer: realAnswerer(),
    conversations: memoryConversationStore(),
    ...options,
  });
}
