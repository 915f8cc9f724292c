import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  mendPdfText,
  readDocument,
  readDocumentBytes,
  ReportReadError,
  type ReadDocument,
} from "../../src/reports/read.js";
import {
  DOC_FIXTURE,
  DOC_PARAGRAPHS,
  DOC_TABLE,
  makeCMapPdf,
  makeDocx,
  makeEmptyPdf,
  makeEncryptedPdf,
  makePdf,
  makeScannedPdf,
} from "../fixtures/documents/make.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (digits: string) => new Uint8Array(Buffer.from(digits, "hex"));

/** The ReportReadError a read fails with (fails the test if it does not fail so). */
async function readError(read: Promise<ReadDocument>): Promise<ReportReadError> {
  const error = await read.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ReportReadError);
  const message = (error as ReportReadError).message;
  expect(message).not.toContain("\n");
  return error as ReportReadError;
}

describe("readDocumentBytes: .txt", () => {
  it("reads UTF-8, drops the BOM, normalises line ends, trims and drops blank lines", async () => {
    const bytes = utf8(
      "\uFEFF关于乡村振兴工作的报告\r\n\r\n  一、总体情况  \r\n\t全县粮食产量4.6亿斤。\n\n",
    );
    expect(await readDocumentBytes(bytes, "报告.txt")).toEqual({
      text: "关于乡村振兴工作的报告\n一、总体情况\n全县粮食产量4.6亿斤。",
      format: "txt",
      warnings: [],
    });
  });

  it("reads GB18030 (GBK) when the bytes are not UTF-8", async () => {
    // "青山镇2023年粮食总产量1.2万吨。\r\n\r\n  二、主要指标  \r\n" as GB18030
    const bytes = hex(
      "c7e0c9bdd5f232303233c4eac1b8cab3d7dcb2fac1bf312e32cdf2b6d6a1a30d0a0d0a2020b6fea1a2d6f7d2aad6b8b1ea20200d0a",
    );
    const read = await readDocumentBytes(bytes, "青山镇.TXT");
    expect(read.text).toBe("青山镇2023年粮食总产量1.2万吨。\n二、主要指标");
    expect(read.format).toBe("txt");
  });

  it("reads UTF-16 with a byte order mark (Notepad's “Unicode”)", async () => {
    const bytes = new Uint8Array(Buffer.from("\uFEFF粮食产量\r\n4.6亿斤", "utf16le"));
    expect((await readDocumentBytes(bytes, "a.txt")).text).toBe("粮食产量\n4.6亿斤");
  });

  it("rejects a text file with no text, and binary bytes named .txt", async () => {
    const empty = await readError(readDocumentBytes(utf8(" \r\n\r\n\t"), "空白.txt"));
    expect(empty.message).toBe("无法读取“空白.txt”：没有可读的文字。");
    const binary = await readError(readDocumentBytes(hex("89504e470d0a1a0a0000"), "图.txt"));
    expect(binary.message).toMatch(/^无法读取“图.txt”：.*不是文本/);
  });
});

describe("readDocumentBytes: .docx", () => {
  it("reads paragraphs and table cells one a line", async () => {
    const bytes = await makeDocx(
      ["关于2023年乡村振兴工作的报告", "", "  一、总体情况", "全县粮食总产量4.6亿斤，同比增长8%。"],
      [
        ["乡镇", "产量"],
        ["青山镇", "1.2万吨"],
      ],
    );
    expect(await readDocumentBytes(bytes, "报告.docx")).toEqual({
      text: [
        "关于2023年乡村振兴工作的报告",
        "一、总体情况",
        "全县粮食总产量4.6亿斤，同比增长8%。",
        "乡镇",
        "产量",
        "青山镇",
        "1.2万吨",
      ].join("\n"),
      format: "docx",
      warnings: [],
    });
  });

  it("rejects a file that is not a docx", async () => {
    const error = await readError(readDocumentBytes(utf8("这不是一个压缩包"), "报告.docx"));
    expect(error.message).toMatch(/^无法读取“报告.docx”：文件不是有效的 \.docx 文档/);
    const zip = hex("504b0506000000000000000000000000000000000000"); // an empty zip
    await readError(readDocumentBytes(zip, "空.docx"));
  });

  it("reads a docx sent as .doc by its content, with a warning", async () => {
    const bytes = await makeDocx(["全县粮食总产量4.6亿斤。"]);
    const read = await readDocumentBytes(bytes, "报告.doc");
    expect(read.text).toBe("全县粮食总产量4.6亿斤。");
    expect(read.format).toBe("docx");
    expect(read.warnings).toEqual(["“报告.doc”的内容实际是 docx 格式，已按 docx 读取。"]);
  });

  it("rejects a docx with no text", async () => {
    const error = await readError(readDocumentBytes(await makeDocx([""]), "空.docx"));
    expect(error.message).toBe("无法读取“空.docx”：没有可读的文字。");
  });
});

describe("readDocument: .doc and .wps", () => {
  const expected = [...DOC_PARAGRAPHS, ...DOC_TABLE.map((row) => row.join("\t"))].join("\n");

  it("reads a Word 97-2003 file from disk", async () => {
    expect(await readDocument(DOC_FIXTURE)).toEqual({
      text: expected,
      format: "doc",
      warnings: [],
    });
  });

  it("reads the same bytes named .wps", async () => {
    const read = await readDocumentBytes(readFileSync(DOC_FIXTURE), "报告.wps");
    expect(read).toEqual({ text: expected, format: "doc", warnings: [] });
  });

  it("rejects a file that is not a Word document", async () => {
    const doc = await readError(readDocumentBytes(utf8("{\\rtf1 not really}"), "报告.doc"));
    expect(doc.message).toMatch(/^无法读取“报告.doc”：无法解析这份 Word\/WPS 文档/);
    await readError(readDocumentBytes(utf8("garbage"), "报告.wps"));
  });
});

describe("readDocumentBytes: .pdf", () => {
  it("reads Chinese text, mending lines broken mid-sentence, page numbers and spacing", async () => {
    const bytes = await makePdf([
      [
        "关于2023年乡村振兴工作进展情况的报告",
        "一、总体情况",
        "全县2023 年粮食总产量达到 4.6 亿斤，同比增长 8 %，粮食播种",
        "面积稳定在 52.3 万亩，较上年增加 0.8 万亩，其中水稻种植",
        "- 1 -",
      ],
      [
        "面积 31.6 万亩。",
        // one visual line drawn as three runs with gaps between them
        [
          { text: "（一）产业", x: 0, y: 0 },
          { text: "发展", x: 90, y: 0 },
        ],
        [
          { text: "新建高标准农田", x: 0, y: 0 },
          { text: "3.2", x: 110, y: 0 },
          { text: "万亩，完成 Rural Revitalization 任务。", x: 140, y: 0 },
        ],
        "第 2 页",
      ],
    ]);
    const read = await readDocumentBytes(bytes, "报告.pdf");
    expect(read).toEqual({
      text: [
        "关于2023年乡村振兴工作进展情况的报告",
        "一、总体情况",
        "全县2023年粮食总产量达到4.6亿斤，同比增长8%，粮食播种面积稳定在52.3万亩，较上年增加0.8万亩，其中水稻种植面积31.6万亩。",
        "（一）产业发展",
        "新建高标准农田3.2万亩，完成Rural Revitalization任务。",
      ].join("\n"),
      format: "pdf",
      warnings: [],
    });
  });

  it("reads a PDF whose font is not embedded and uses a predefined Chinese CMap", async () => {
    const read = await readDocumentBytes(
      makeCMapPdf(["全县2023 年粮食", "总产量 4.6 亿斤。"]),
      "旧.pdf",
    );
    expect(read.text).toBe("全县2023年粮食总产量4.6亿斤。");
  });

  it("leaves the caller's bytes usable", async () => {
    const bytes = makeCMapPdf(["粮食产量。"]);
    const copy = bytes.slice();
    await readDocumentBytes(bytes, "a.pdf");
    expect(bytes).toEqual(copy);
  });

  it("rejects a scanned PDF (no text layer, only page numbers) and an empty page", async () => {
    const scanned = await readError(readDocumentBytes(await makeScannedPdf(), "扫描件.pdf"));
    expect(scanned.message).toBe(
      "无法读取“扫描件.pdf”：PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）。",
    );
    const empty = await readError(readDocumentBytes(await makeEmptyPdf(), "空白.pdf"));
    expect(empty.message).toContain("没有文字层");
  });

  it("rejects an encrypted PDF", async () => {
    const error = await readError(readDocumentBytes(makeEncryptedPdf(), "报告.pdf"));
    expect(error.message).toBe("无法读取“报告.pdf”：文件已加密，请先解除密码保护。");
  });

  it("rejects a file that is not a PDF, and a truncated one", async () => {
    const garbage = await readError(readDocumentBytes(utf8("这不是PDF"), "报告.pdf"));
    expect(garbage.message).toMatch(/^无法读取“报告.pdf”：文件不是有效的 PDF/);
    const whole = await makePdf([["粮食产量。"]]);
    await readError(readDocumentBytes(whole.subarray(0, 200), "半截.pdf"));
  });
});

describe("readDocument / readDocumentBytes: names and formats", () => {
  it("rejects an unsupported extension, naming the supported formats", async () => {
    const error = await readError(readDocumentBytes(utf8("a,b"), "统计表.xlsx"));
    expect(error.message).toBe(
      "无法读取“统计表.xlsx”：不支持这种文件格式，请上传 .txt、.docx、.pdf、.doc 或 .wps 文件。",
    );
    await readError(readDocumentBytes(utf8("text"), "没有扩展名"));
  });

  it("names the file by its base name only", async () => {
    const error = await readError(readDocumentBytes(utf8(""), "C:\\Users\\办公室\\报告.txt"));
    expect(error.message).toBe("无法读取“报告.txt”：没有可读的文字。");
  });

  it("reports a missing file", async () => {
    const error = await readError(readDocument("test/fixtures/documents/不存在.pdf"));
    expect(error.message).toBe("无法读取“不存在.pdf”：找不到该文件。");
    expect(error.cause).toBeDefined();
  });
});

describe("mendPdfText", () => {
  it("removes spaces between Chinese characters and around numbers, keeps them in Latin text", () => {
    expect(mendPdfText(["全县 2023 年 粮食 产量 达到 4.6 亿斤 ， 增长 8 % 。"])).toBe(
      "全县2023年粮食产量达到4.6亿斤，增长8%。",
    );
    expect(mendPdfText(["气温 -3 ℃，降幅 12.5 ‰；GDP 增长 6.1%。"])).toBe(
      "气温-3℃，降幅12.5‰；GDP增长6.1%。",
    );
    expect(mendPdfText(["Rural  revitalization report 2023。"])).toBe(
      "Rural revitalization report 2023。",
    );
    expect(mendPdfText(["“ 三农 ” 工作　取得 成效。"])).toBe("“三农”工作取得成效。");
  });

  it("removes page numbers and page furniture lines", () => {
    const lines = [
      "第一段。",
      "- 3 -",
      "— 4 —",
      "12",
      "·5·",
      "第 3 页",
      "第3页 共10页",
      "3/10",
      "Page 2 of 9",
    ];
    expect(mendPdfText(lines)).toBe("第一段。");
    // a figure inside text is no page number
    expect(mendPdfText(["完成", "2023", "年任务。"])).toBe("完成2023年任务。");
  });

  it("joins a line broken mid-sentence to the line before", () => {
    expect(mendPdfText(["全县粮食总产量达到4.6亿斤，", "同比增长8%。", "下一段。"])).toBe(
      "全县粮食总产量达到4.6亿斤，同比增长8%。\n下一段。",
    );
    expect(mendPdfText(["深入实施“藏粮于地、藏粮于技”", "战略。"])).toBe(
      "深入实施“藏粮于地、藏粮于技”战略。",
    );
  });

  it("keeps lines that end a sentence apart", () => {
    const ends = ["句号。", "叹号！", "问号？", "分号；", "冒号：", "他说：“好。”", "省略……"];
    expect(mendPdfText([...ends, "最后"])).toBe([...ends, "最后"].join("\n"));
  });

  it("keeps short headings apart and starts a new line at a heading", () => {
    expect(
      mendPdfText([
        "一、总体情况",
        "全县粮食",
        "（一）产业发展",
        "1.粮食生产",
        "2、畜牧业",
        "第二章 附则",
      ]),
    ).toBe(
      ["一、总体情况", "全县粮食", "（一）产业发展", "1.粮食生产", "2、畜牧业", "第二章附则"].join(
        "\n",
      ),
    );
    // a number that starts a continued line is no heading
    expect(mendPdfText(["面积达到", "1.5万亩。"])).toBe("面积达到1.5万亩。");
    // a long heading paragraph wrapped mid-sentence is joined
    const long = "（一）加强组织领导，全县各乡镇建立健全乡村振兴工作领导小组，";
    expect(mendPdfText([long, "定期研究部署。"])).toBe(`${long}定期研究部署。`);
  });

  it("keeps a title, a date or a signature apart when the page shows what a full line is", () => {
    const full = "全县坚持把乡村振兴作为新时代三农工作总抓手，统筹推进产业发展";
    const lines = [
      "关于乡村振兴工作的报告",
      full,
      "和人才培养。",
      full,
      "和组织建设。",
      full,
      "和生态保护。",
      "青山县农业农村局",
      "2024年1月15日",
    ];
    expect(mendPdfText(lines).split("\n")).toEqual([
      "关于乡村振兴工作的报告",
      `${full}和人才培养。`,
      `${full}和组织建设。`,
      `${full}和生态保护。`,
      "青山县农业农村局",
      "2024年1月15日",
    ]);
  });

  it("puts a space only between Latin words when it joins lines", () => {
    expect(mendPdfText(["the rural", "revitalization plan", "2023 年完成。"])).toBe(
      "the rural revitalization plan 2023年完成。",
    );
  });

  it("returns an empty string when nothing but furniture is left", () => {
    expect(mendPdfText(["", "  ", "- 1 -", "2"])).toBe("");
  });
});
