// The real engine over the committed indicator store, with state in memory.
import { createCore, type CoreOptions } from "../../src/core/engine.js";
import { memoryConversationStore } from "../../src/core/state.js";
import type { Core } from "../../src/core/types.js";
import { loadIndicatorStore } from "../../src/extract/store-file.js";
import { Answerer } from "../../src/search/answerer.js";
import { loadIntents } from "../../src/search/intents.js";

let shared: Answerer | undefined;

/** One answerer per test file (building the index takes a moment). */
export function realAnswerer(): Answerer {
  shared ??= new Answerer(loadIndicatorStore(), loadIntents());
  return shared;
}

/** A core as the bot runs it, minus persistence. */
export function realCore(options: Partial<CoreOptions> = {}): Core {
  return createCore({
    answerer: realAnswerer(),
    conversations: memoryConversationStore(),
    ...options,
  });
}
