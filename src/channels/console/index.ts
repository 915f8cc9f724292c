export {
  consoleDocuments,
  consolePrinter,
  renderReply,
  runConsole,
  type ConsoleOptions,
} from "./channel.js";
