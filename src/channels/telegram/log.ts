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

/** One line for logs: the error's name and message and those of its causes (never whole objects). */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 4; depth++) {
    if (current instanceof Error) {
      parts.push(`${current.name}: ${current.message}`);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.join(" <- ");
}
