// Reads a multipart/form-data body the way a server would, for the local fakes: text fields and
// uploaded files (name, type, bytes), by field name. Parsing is left to the platform's fetch.

/** One file part of a multipart body. */
export interface UploadedFile {
  /** The filename of its Content-Disposition. */
  filename: string;
  /** Its Content-Type (the platform's default when the part named none). */
  type: string;
  bytes: Buffer;
}

/** A parsed multipart body. */
export interface MultipartBody {
  /** Text fields. */
  body: Record<string, string>;
  /** File parts. */
  files: Record<string, UploadedFile>;
}

/** Parses `raw` sent with `contentType` (which carries the boundary); rejects on a bad body. */
export async function readMultipart(raw: Buffer, contentType: string): Promise<MultipartBody> {
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  const parsed: MultipartBody = { body: {}, files: {} };
  for (const [name, value] of form) {
    if (typeof value === "string") {
      parsed.body[name] = value;
    } else {
      const bytes = Buffer.from(await value.arrayBuffer());
      parsed.files[name] = { filename: value.name, type: value.type, bytes };
    }
  }
  return parsed;
}
