// Logging for the Telegram channel: one line per event, the bot token never printed.

/** The logger the channel writes to; `console` fits. */
export interface ChannelLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Wraps `log` so that `secret` is replaced by "[token]" in every line. */
export function redacting(log: ChannelLogger, secret: string): ChannelLogger {
  // An error from the HTTP client can carry the request URL, which contains the token.
  const clean = (message: string) =>
    secret === "" ? message : message.split(secret).join("[token]");
  return {
    info: (message) => log.info(clean(message)),
    warn: (message) => log.warn(clean(message)),
    error: (message) => log.error(clean(message)),
  };
}

export { describeError } from "../../core/describe-error.js";
