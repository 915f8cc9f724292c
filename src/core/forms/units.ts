// The forms convert with the bot's one unit table (src/language), which the extractor shares.
export {
  type ConversionResult,
  type UnitInfo,
  type UnitsFile,
  type UnitTable,
  UnitDataError,
  UnitsFileSchema,
  UNITS,
  buildUnitTable,
  canonicalUnit,
  convertToUnit,
  roundNoise,
  unitSpellings,
} from "../../language/units.js";
