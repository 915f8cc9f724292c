// A made-up county report of any length, full of figures, for the benchmarks.

const TOWNS = ["青山镇", "石桥乡", "白沙镇", "龙泉乡", "清水镇", "桃园乡", "双河镇", "马坪乡"];
const HEADINGS = ["总体情况", "产业发展", "农民增收", "人居环境", "基层治理", "下一步工作"];

/** A made-up county report: headings and paragraphs of sentences full of figures. */
export function reportParagraphs(target: number): string[] {
  const paragraphs: string[] = ["关于全县2023年乡村振兴重点工作推进情况的报告"];
  let length = paragraphs[0]!.length;
  for (let n = 0; length < target; n++) {
    if (n % 6 === 0) {
      const heading = `${"一二三四五六七八九十"[(n / 6) % 10]}、${HEADINGS[(n / 6) % HEADINGS.length]}`;
      paragraphs.push(heading);
      length += heading.length;
    }
    const sentences: string[] = [];
    for (let s = 0; s < 6; s++) {
      const town = TOWNS[(n + s) % TOWNS.length];
      const a = ((n * 37 + s * 11) % 900) / 10 + 1;
      const b = ((n * 13 + s * 7) % 200) + 20;
      sentences.push(
        `${town}全年完成高标准农田建设${a.toFixed(1)}万亩，带动${b}户脱贫户稳定增收，` +
          `农村居民人均可支配收入同比增长${(a / 10).toFixed(1)}%`,
      );
    }
    const paragraph = sentences.join("；") + "。";
    paragraphs.push(paragraph);
    length += paragraph.length;
  }
  return paragraphs;
}
