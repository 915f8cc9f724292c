/** A store file could not be read, validated or written. The message names the file. */
export class StoreError extends Error {
  override name = "StoreError";
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
