// The Telegram channel's public surface.
export {
  BOT_COMMANDS,
  createTelegramChannel,
  TelegramStartError,
  type TelegramChannel,
  type TelegramChannelOptions,
} from "./channel.js";
export {
  BOT_API_DOWNLOAD_LIMIT,
  createTelegramDocuments,
  type TelegramDocumentsOptions,
} from "./documents.js";
export { DocumentFetchError, type DocumentFailure } from "../documents.js";
export type { FloodOptions } from "./flood.js";
export type { ChannelLogger } from "./log.js";
export { TelegramSendError } from "./sender.js";
export { APOLOGY } from "./updates.js";
export type { WebhookHandler } from "./webhook.js";
