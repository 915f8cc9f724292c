// Follow-up questions: "那存栏呢", "完成率呢", "去年呢", "某某镇呢", "计划多少" continue the last
// question's topic. The follow-up is written into the last question, so the answerer reads one
// whole question and every rule of matching holds for it.
import type { Intents } from "./intents.js";
import { normaliseText } from "./normalise.js";

/** How long a question stays the topic of follow-ups (10 minutes). */
export const FOLLOW_UP_MS = 10 * 60 * 1000;

const LEAD = /^(那么?|那个|再问下?|再看看)/;
const TAIL = /[呢吗嘛啊呀？?。！!]+$/;
const ASKING = /(是多少|有多少|多少|几个|几|咋样|怎么样|如何)$/;
const MEASURES = [
  "单产",
  "总产",
  "产量",
  "面积",
  "金额",
  "投资",
  "产值",
  "人数",
  "户数",
  "总数",
  "规模",
];
const PERIOD =
  /^(\d{4}年|去年|前年|今年|上年|本年|明年)?(上半年|下半年|前三季度|[一二三四]季度|全年)?(的)?$/;

/** Reads follow-ups against the language data and the places of the district. */
export class FollowUps {
  private readonly contrasts: string[][];
  private readonly places: string[];
  private readonly metricWords: string[];

  constructor(intents: Intents, places: string[] = []) {
    this.contrasts = intents.contrasts;
    this.places = [...places, ...intents.places].sort((a, b) => b.length - a.length);
    // Words that ask a figure of a topic: 完成率, 计划, 增长, 目标, 面积 … (not topics such as 生猪).
    this.metricWords = [...Object.keys(intents.kindWords), ...MEASURES].sort(
      (a, b) => b.length - a.length,
    );
  }

  /**
   * The question `text` asks when it follows `previous`, or undefined when it is a question of
   * its own. A follow-up is short and leans on the last one: it ends in 呢, starts with 那, or is
   * only a period, a place or a measure ("去年呢", "完成率", "计划多少").
   */
  compose(previous: string, text: string): string | undefined {
    const asked = normaliseText(text).trim();
    if (asked.length > 14 || /^\//.test(asked)) return undefined;
    const leaning = /呢[？?]*$/.test(asked) || LEAD.test(asked);
    const core = asked.replace(LEAD, "").replace(TAIL, "").trim();
    if (!core) return undefined;
    const last = normaliseText(previous).replace(TAIL, "");

    // "那存栏呢" after "生猪出栏多少": the other side of a contrast.
    for (const set of this.contrasts) {
      const named = set.find((w) => core.includes(w));
      const before = set.find((w) => w !== named && last.includes(w));
      if (named && before && (leaning || core.length <= named.length + 1)) {
        return last.replace(before, named);
      }
    }
    // "去年呢", "2021年上半年的": the same question of another period.
    if (PERIOD.test(core)) {
      return `${core.replace(/的$/, "")}${withoutPeriods(last)}`;
    }
    // "某某镇呢": the same question of another place.
    const place = this.places.find((p) => core === p || core === `${p}的`);
    if (place) {
      return `${place}${withoutPlaces(last, this.places)}`;
    }
    // "完成率呢", "计划多少": another measure of the same topic.
    const metric = this.metricWords.find((w) => core.startsWith(w));
    if (metric && core.replace(ASKING, "") === metric) {
      return `${topicOf(last)}${core}`;
    }
    // "那设施农业呢": the same measure of another topic.
    if (leaning) {
      const measure = this.metricWords.find((w) => last.includes(w));
      return `${core}${measure ?? ""}多少`;
    }
    return undefined;
  }
}

/** The topic of a question: without what it asks ("生猪出栏完成率多少" -> "生猪出栏"). */
function topicOf(question: string): string {
  return question
    .replace(ASKING, "")
    .replace(/(完成率|完成情况|计划|目标|任务|增长|增幅|是)+$/, "");
}

function withoutPeriods(question: string): string {
  return question.replace(
    /(\d{4}年|去年|前年|今年|上年|本年|明年)(上半年|下半年|前三季度|[一二三四]季度|全年)?/g,
    "",
  );
}

function withoutPlaces(question: string, places: string[]): string {
  return places.reduce((rest, place) => rest.split(place).join(""), question);
}
