// `npm start`'s entry. The bot runs as CommonJS under tsx's require hooks: tsx's ESM hooks (what
// `tsx src/main.ts` uses) run on a loader thread of their own, about 30 MB of the bot's memory.
// Code that runs this way has no top-level await, and loads modules of this project on first
// use through `loadLater` (src/infra/load-later.ts), not a bare import().
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("tsx/cjs/api").register();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("./main.ts");
