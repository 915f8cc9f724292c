// The WeCom channel: public surface only.
export { createWecomChannel, type WecomChannel, type WecomChannelOptions } from "./channel.js";
export {
  createGroupWebhook,
  WEBHOOK_IMAGE_MAX_BYTES,
  type GroupWebhook,
  type GroupWebhookOptions,
} from "./webhook.js";
export {
  createWecomApi,
  type MediaType,
  type OpenedMedia,
  type WecomApi,
  type WecomApiOptions,
} from "./api.js";
export {
  createWecomDocuments,
  describeMedia,
  fileNameOf,
  type MediaFacts,
  type WecomDocumentsOptions,
} from "./media.js";
export { DocumentFetchError, type DocumentFailure } from "../documents.js";
export {
  computeSignature,
  createCallbackCrypto,
  decryptMessage,
  encryptMessage,
  type CallbackCrypto,
  type SignedQuery,
} from "./crypto.js";
export { WecomApiError, WecomConfigError, WecomCryptoError, WecomPayloadError } from "./errors.js";
