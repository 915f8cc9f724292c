// The forms read numerals with the bot's one numeral parser (src/language), which the extractor
// shares.
export { parseNumber } from "../../language/numeral.js";
