import * as reference from "@wecom/crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeSignature,
  createCallbackCrypto,
  decodeAesKey,
  decryptMessage,
  encryptMessage,
  pkcs7Pad,
  pkcs7Unpad,
} from "../../../src/channels/wecom/crypto.js";
import { WecomCryptoError } from "../../../src/channels/wecom/errors.js";
import { APP_AES_KEY, ROBOT_AES_KEY } from "./support.js";

// WeCom's published sample (WXBizMsgCrypt Sample.cs / Sample.php of the official callback
// libraries, token "QDG6eK", corpid "wx5823bf96d3bd56c7"); the values are checked here, not invented.
const OFFICIAL = {
  token: "QDG6eK",
  corpId: "wx5823bf96d3bd56c7",
  aesKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
  verify: {
    msgSignature: "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
    timestamp: "1409659589",
    nonce: "263014780",
    echostr:
      "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
  },
  post: {
    msgSignature: "477715d11cdb4164915debcba66cb864d751f3e6",
    timestamp: "1409659813",
    nonce: "1372623149",
    encrypt:
      "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==",
  },
};

const RANDOM = Buffer.from("0123456789abcdef");

function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof WecomCryptoError) return error.reason;
    throw error;
  }
  return undefined;
}

describe("WeCom message crypto", () => {
  it("decodes the 43-character EncodingAESKey into a 32-byte key whose first 16 bytes are the IV", () => {
    const { key, iv } = decodeAesKey(APP_AES_KEY);
    expect(key).toHaveLength(32);
    expect(iv).toEqual(key.subarray(0, 16));
    expect(() => decodeAesKey("short")).toThrow(WecomCryptoError);
  });

  it("encrypts byte for byte like @wecom/crypto given the same random", () => {
    for (const [message, id] of [
      ["<xml>hello</xml>", "wx5823bf96d3bd56c7"],
      ["夏粮单产多少", ""],
      ["", "corp"],
    ] as const) {
      expect(encryptMessage(APP_AES_KEY, message, id, RANDOM)).toBe(
        reference.encrypt(APP_AES_KEY, message, id, RANDOM),
      );
    }
  });

  it("matches @wecom/crypto for any message and receiveid, both ways", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 40 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (message, id, random) => {
          const ours = encryptMessage(ROBOT_AES_KEY, message, id, Buffer.from(random));
          expect(ours).toBe(reference.encrypt(ROBOT_AES_KEY, message, id, Buffer.from(random)));
          const opened = decryptMessage(
            ROBOT_AES_KEY,
            reference.encrypt(ROBOT_AES_KEY, message, id),
          );
          expect([opened.message, opened.receiveId]).toEqual([message, id]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("signs like @wecom/crypto: sha1 of the sorted token, timestamp, nonce and encrypt", () => {
    expect(computeSignature("tok", "1409659589", "263014780", "abc+/=")).toBe(
      reference.getSignature("tok", "1409659589", "263014780", "abc+/="),
    );
  });

  it("verifies and decrypts WeCom's published URL-verification example", () => {
    const { verify } = OFFICIAL;
    expect(computeSignature(OFFICIAL.token, verify.timestamp, verify.nonce, verify.echostr)).toBe(
      verify.msgSignature,
    );
    const crypto = createCallbackCrypto({
      token: OFFICIAL.token,
      encodingAesKey: OFFICIAL.aesKey,
      receiveId: OFFICIAL.corpId,
      now: () => Number(verify.timestamp) * 1000,
    });
    expect(crypto.open(verify, verify.echostr)).toBe("1616140317555161061");
  });

  it("verifies and decrypts WeCom's published message example", () => {
    const { post } = OFFICIAL;
    const crypto = createCallbackCrypto({
      token: OFFICIAL.token,
      encodingAesKey: OFFICIAL.aesKey,
      receiveId: OFFICIAL.corpId,
      now: () => Number(post.timestamp) * 1000 + 10_000,
    });
    const xml = crypto.open(post, post.encrypt);
    expect(xml).toContain("<Content><![CDATA[hello]]></Content>");
    expect(xml).toContain("<MsgId>4561255354251345929</MsgId>");
  });
});

describe("PKCS#7 padding to 32-byte blocks", () => {
  it("adds a whole 32-byte block when the data is already aligned", () => {
    const padded = pkcs7Pad(Buffer.alloc(64, 1));
    expect(padded).toHaveLength(96);
    expect([...padded.subarray(64)].every((b) => b === 32)).toBe(true);
    expect(pkcs7Unpad(padded)).toEqual(Buffer.alloc(64, 1));
  });

  it("pads one byte of value 1 when one byte short of a block", () => {
    const padded = pkcs7Pad(Buffer.alloc(31, 7));
    expect(padded).toHaveLength(32);
    expect(padded[31]).toBe(1);
  });

  it("round-trips every length across two blocks", () => {
    for (let length = 0; length <= 64; length++) {
      const data = Buffer.alloc(length, 9);
      const padded = pkcs7Pad(data);
      expect(padded.length % 32).toBe(0);
      expect(pkcs7Unpad(padded)).toEqual(data);
    }
  });

  it("decrypts ciphertexts whose plaintext needs a 17..32-byte pad, which Node's auto padding rejects", () => {
    // 20 header bytes + 12 message bytes = 32: the pad is a whole block of 32.
    const cipher = reference.encrypt(APP_AES_KEY, "x".repeat(12), "", RANDOM);
    expect(decryptMessage(APP_AES_KEY, cipher).message).toBe("x".repeat(12));
  });

  it("refuses a pad byte of 0, over 32, or inconsistent pad bytes", () => {
    const block = Buffer.alloc(32, 5);
    expect(
      refusal(() => pkcs7Unpad(Buffer.concat([block.subarray(0, 31), Buffer.from([0])]))),
    ).toBe("malformed");
    expect(
      refusal(() => pkcs7Unpad(Buffer.concat([block.subarray(0, 31), Buffer.from([33])]))),
    ).toBe("malformed");
    expect(
      refusal(() => pkcs7Unpad(Buffer.concat([Buffer.alloc(30, 9), Buffer.from([1, 2])]))),
    ).toBe("malformed");
  });

  it("refuses a ciphertext that is not whole AES blocks", () => {
    expect(refusal(() => decryptMessage(APP_AES_KEY, Buffer.alloc(20).toString("base64")))).toBe(
      "malformed",
    );
  });
});

describe("createCallbackCrypto", () => {
  const now = 1_717_380_000_000;
  const crypto = createCallbackCrypto({
    token: "tok",
    encodingAesKey: APP_AES_KEY,
    receiveId: "corp",
    now: () => now,
  });
  const signedAt = (seconds: number, receiveId = "corp") => {
    const encrypt = reference.encrypt(APP_AES_KEY, "hi", receiveId);
    const timestamp = String(seconds);
    return {
      encrypt,
      query: {
        msgSignature: reference.getSignature("tok", timestamp, "n1", encrypt),
        timestamp,
        nonce: "n1",
      },
    };
  };

  it("opens a callback signed within 300 s of now", () => {
    const { encrypt, query } = signedAt(now / 1000 - 299);
    expect(crypto.open(query, encrypt)).toBe("hi");
  });

  it("refuses a forged signature", () => {
    const { encrypt, query } = signedAt(now / 1000);
    expect(refusal(() => crypto.open({ ...query, msgSignature: "0".repeat(40) }, encrypt))).toBe(
      "signature",
    );
  });

  it("refuses a replay with a timestamp more than 300 s off, either way", () => {
    for (const seconds of [now / 1000 - 301, now / 1000 + 301]) {
      const { encrypt, query } = signedAt(seconds);
      expect(refusal(() => crypto.open(query, encrypt))).toBe("timestamp");
    }
  });

  it("refuses a message encrypted for another receiveid", () => {
    const { encrypt, query } = signedAt(now / 1000, "other-corp");
    expect(refusal(() => crypto.open(query, encrypt))).toBe("receiveid");
  });

  it("seals a message that @wecom/crypto opens", () => {
    const { encrypt, signature } = crypto.seal("回执", "1717380000", "n2");
    expect(reference.decrypt(APP_AES_KEY, encrypt)).toMatchObject({ message: "回执", id: "corp" });
    expect(signature).toBe(reference.getSignature("tok", "1717380000", "n2", encrypt));
  });
});
