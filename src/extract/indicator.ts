// The indicator store's shape: one entry per quantitative fact of a report. Validated with zod
// when written and when loaded.
import { z } from "zod";

/** What kind of figure a fact is. */
export const IndicatorKind = z.enum(["actual", "plan", "rate", "change"]);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

/** One quantitative fact of the report. */
export const IndicatorSchema = z.object({
  /** Stable id: section number + a hash of the fact's place and figure. */
  id: z.string().min(1),
  /** The subject a person would say, with context the sentence leaves implicit. */
  name: z.string().min(1),
  /** The subject as the figure's own clause says it ("出栏" where the name is "生猪出栏"). */
  subject: z.string(),
  value: z.number().finite(),
  /** Unit as written in the report (万亩, 公斤/亩, 户, %, ...). */
  unit: z.string().min(1),
  /**
   * A second measure word the report brackets after the unit ("10.3万套（间）": "（间）"): part
   * of the unit as written, left out of `unit` so units compare and convert as usual.
   */
  unitNote: z.string().optional(),
  /** Qualifiers as written (预计, 计划, 累计, 约, 余, 多, 以上, 不少于, 近, ...). */
  qualifiers: z.array(z.string()),
  kind: IndicatorKind,
  /** The number exactly as written ("1500余", "两"). */
  raw: z.string(),
  /** Section path, outermost first ("二、加快打造现代都市型农业升级版", "（四）提升粮食安全…"). */
  section: z.array(z.string()),
  /** The sentence the fact comes from. */
  sentence: z.string(),
  /** The comma clause that holds the number. */
  clause: z.string(),
  /** The words around the figure, up to the neighbouring figures of its clause. */
  phrase: z.string(),
  /**
   * The clauses that give the figure its meaning, in order: those of the previous sentence when
   * this one continues it ("目前，…"), then those of its own sentence.
   */
  context: z.array(z.string()),
  /** How many leading `context` clauses come from the previous sentence (its topic). */
  inherited: z.number().int().min(0),
  /** The period the figure is of ("2021年上半年", "2025年"). */
  period: z.string(),
  /** The year the figure is of, when the report says or implies it. */
  year: z.number().int().optional(),
  /** One value of a list ("A、B分别增长a、b"): its clause also names the other items. */
  listItem: z.boolean().optional(),
  /** Over several years ("年均增长", "五年累计"): of no single year. */
  span: z.boolean().optional(),
  /** A change against an earlier time ("增长8%", "提高1.2个百分点"), also when it is a target. */
  change: z.boolean().optional(),
  /** The starting point of a "由A增长到B": what it was, not what it is. */
  earlier: z.boolean().optional(),
  /** Ids of closely related figures (the target and completion rate of the same item). */
  related: z.array(z.string()),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** The whole store file (`data/indicators.json`). */
export const IndicatorStoreSchema = z.object({
  source: z.object({
    file: z.string(),
    title: z.string(),
    /** Report date as ISO (2021-07-13). */
    date: z.string(),
    /** The period the report covers ("2021年上半年"; a 2022 work report reviews "2021年"). */
    period: z.string(),
    issuer: z.string(),
    /** The year the report is given in. */
    year: z.number().int().optional(),
    kind: z.enum(["work-report", "progress"]).optional(),
    /** Hash of the text the store was built from: the same report is recognised on import. */
    sha256: z.string().optional(),
    /** Things a person should check ("no date found", "period guessed"). */
    warnings: z.array(z.string()).optional(),
  }),
  indicators: z.array(IndicatorSchema),
  /** Sentences of the report without a figure: topics it mentions but does not quantify. */
  mentions: z.array(z.string()),
});
export type IndicatorStore = z.infer<typeof IndicatorStoreSchema>;
