// The WeCom channel: public surface only.
export { createWecomChannel, type WecomChannel, type WecomChannelOptions } from "./channel.js";
export { createGroupWebhook, type GroupWebhook, type GroupWebhookOptions } from "./webhook.js";
export { createWecomApi, type WecomApi, type WecomApiOptions } from "./api.js";
export {
  computeSignature,
  createCallbackCrypto,
  decryptMessage,
  encryptMessage,
  type CallbackCrypto,
  type SignedQuery,
} from "./crypto.js";
export { WecomApiError, WecomConfigError, WecomCryptoError, WecomPayloadError } from "./errors.js";
