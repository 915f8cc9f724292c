// WeCom callback crypto on node:crypto: signature, AES-256-CBC with 32-byte PKCS#7 blocks, and the
// receiveid check. Scheme: https://developer.work.weixin.qq.com/document/path/90968
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import { WecomCryptoError } from "./errors.js";

/** WeCom pads to 32-byte blocks, not AES's 16 (so Node's auto padding cannot strip it). */
export const PAD_BLOCK = 32;

/** Largest allowed distance between a callback's timestamp and our clock (seconds). */
export const MAX_SKEW_SECONDS = 300;

/** Decodes a 43-character EncodingAESKey into the AES key and IV (its first 16 bytes). */
export function decodeAesKey(encodingAesKey: string): { key: Buffer; iv: Buffer } {
  const key = Buffer.from(`${encodingAesKey}=`, "base64");
  if (encodingAesKey.length !== 43 || key.length !== 32) {
    throw new WecomCryptoError("EncodingAESKey must be 43 base64 characters.", "malformed");
  }
  return { key, iv: key.subarray(0, 16) };
}

/** Adds PKCS#7 padding up to a multiple of `block` bytes (a full block when already aligned). */
export function pkcs7Pad(data: Buffer, block = PAD_BLOCK): Buffer {
  const pad = block - (data.length % block);
  return Buffer.concat([data, Buffer.alloc(pad, pad)]);
}

/** Strips PKCS#7 padding of up to `block` bytes, refusing anything that is not valid padding. */
export function pkcs7Unpad(data: Buffer, block = PAD_BLOCK): Buffer {
  const pad = data[data.length - 1] ?? 0;
  const valid = pad >= 1 && pad <= block && pad <= data.length;
  if (!valid || data.subarray(data.length - pad).some((byte) => byte !== pad)) {
    throw new WecomCryptoError("Decrypted message has invalid padding.", "malformed");
  }
  return data.subarray(0, data.length - pad);
}

/** msg_signature: sha1 hex of the sorted [token, timestamp, nonce, encrypt] joined. */
export function computeSignature(token: string, timestamp: string, nonce: string, encrypt: string) {
  return createHash("sha1")
    .update([token, timestamp, nonce, encrypt].sort().join(""))
    .digest("hex");
}

/** Encrypts `message` for `receiveId`; `random` (16 bytes) is fixed only in tests. */
export function encryptMessage(
  encodingAesKey: string,
  message: string,
  receiveId: string,
  random: Buffer = randomBytes(16),
): string {
  const { key, iv } = decodeAesKey(encodingAesKey);
  const body = Buffer.from(message, "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const plain = pkcs7Pad(Buffer.concat([random, length, body, Buffer.from(receiveId, "utf8")]));
  const cipher = createCipheriv("aes-256-cbc", key, iv).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64");
}

/** A decrypted callback payload. */
export interface Decrypted {
  message: string;
  receiveId: string;
  random: Buffer;
}

/** Decrypts a base64 `encrypt` field; throws WecomCryptoError("malformed") on any damage. */
export function decryptMessage(encodingAesKey: string, encrypt: string): Decrypted {
  return decryptWith(decodeAesKey(encodingAesKey), encrypt);
}

/** `decryptMessage` with the key decoded once (a door decodes its key at start). */
function decryptWith({ key, iv }: { key: Buffer; iv: Buffer }, encrypt: string): Decrypted {
  let plain: Buffer;
  try {
    const decipher = createDecipheriv("aes-256-cbc", key, iv).setAutoPadding(false);
    plain = Buffer.concat([decipher.update(encrypt, "base64"), decipher.final()]);
  } catch (error) {
    throw new WecomCryptoError("Encrypted message cannot be decrypted.", "malformed", {
      cause: error,
    });
  }
  plain = pkcs7Unpad(plain);
  if (plain.length < 20) throw new WecomCryptoError("Decrypted message is too short.", "malformed");
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) {
    throw new WecomCryptoError("Decrypted message length is out of range.", "malformed");
  }
  return {
    random: plain.subarray(0, 16),
    message: plain.subarray(20, 20 + length).toString("utf8"),
    receiveId: plain.subarray(20 + length).toString("utf8"),
  };
}

/** The signed query parameters of every callback. */
export interface SignedQuery {
  msgSignature: string;
  timestamp: string;
  nonce: string;
}

/** Options of `createCallbackCrypto`. */
export interface CallbackCryptoOptions {
  token: string;
  encodingAesKey: string;
  /** Expected receiveid: the corpid for the self-built app, "" for the smart robot. */
  receiveId: string;
  /** Clock in milliseconds (default: Date.now). */
  now?: () => number;
}

/** Verifies and opens callbacks of one door. */
export interface CallbackCrypto {
  /** Checks timestamp, signature and receiveid; returns the plaintext message. */
  open(query: SignedQuery, encrypt: string): string;
  /** Encrypts and signs a message (tests and passive replies). */
  seal(message: string, timestamp: string, nonce: string): { encrypt: string; signature: string };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Creates the verifier of one callback door. */
export function createCallbackCrypto(options: CallbackCryptoOptions): CallbackCrypto {
  const now = options.now ?? Date.now;
  const aesKey = decodeAesKey(options.encodingAesKey); // fail at start-up, not on the first callback
  return {
    open(query, encrypt) {
      const sent = Number(query.timestamp);
      if (!/^\d+$/.test(query.timestamp) || Math.abs(now() / 1000 - sent) > MAX_SKEW_SECONDS) {
        throw new WecomCryptoError("Callback timestamp is missing or too far off.", "timestamp");
      }
      const expected = computeSignature(options.token, query.timestamp, query.nonce, encrypt);
      if (!sameText(expected, query.msgSignature.toLowerCase())) {
        throw new WecomCryptoError("Callback signature does not match.", "signature");
      }
      const opened = decryptWith(aesKey, encrypt);
      if (!sameText(opened.receiveId, options.receiveId)) {
        throw new WecomCryptoError("Callback receiveid does not match.", "receiveid");
      }
      return opened.message;
    },
    seal(message, timestamp, nonce) {
      const encrypt = encryptMessage(options.encodingAesKey, message, options.receiveId);
      return { encrypt, signature: computeSignature(options.token, timestamp, nonce, encrypt) };
    },
  };
}
