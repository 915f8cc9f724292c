import { describe, expect, it } from "vitest";
import { WecomPayloadError } from "../../../src/channels/wecom/errors.js";
import {
  parseAppMessage,
  parseEnvelope,
  parseFlatXml,
  WecomXmlError,
} from "../../../src/channels/wecom/xml.js";
import { appTextXml } from "./support.js";

describe("parseFlatXml", () => {
  it("reads CDATA and plain fields of the root's children", () => {
    const xml =
      "<xml>\n<ToUserName><![CDATA[corp]]></ToUserName>\n<CreateTime>1409659813</CreateTime>\n</xml>";
    expect(parseFlatXml(xml)).toEqual({ ToUserName: "corp", CreateTime: "1409659813" });
  });

  it("keeps markup inside CDATA as text, even a closing tag of the same name", () => {
    expect(parseFlatXml("<xml><Content><![CDATA[a</Content><b>]]></Content></xml>").Content).toBe(
      "a</Content><b>",
    );
  });

  it("joins split CDATA sections and decodes entities outside them", () => {
    const xml =
      "<xml><Content><![CDATA[x]]]]><![CDATA[>y]]></Content><Name>a &amp; b &#x4E2D;</Name></xml>";
    expect(parseFlatXml(xml)).toEqual({ Content: "x]]>y", Name: "a & b 中" });
  });

  it("refuses XML whose tags do not nest", () => {
    expect(() => parseFlatXml("<xml><A>1</B></xml>")).toThrow(WecomPayloadError);
    expect(() => parseFlatXml("<xml><A>1</A>")).toThrow(WecomPayloadError);
  });
});

describe("parseEnvelope", () => {
  it("takes the Encrypt field of the callback body", () => {
    expect(
      parseEnvelope(
        "<xml><ToUserName><![CDATA[c]]></ToUserName><Encrypt><![CDATA[abc=]]></Encrypt></xml>",
      ),
    ).toEqual({
      encrypt: "abc=",
    });
  });

  it("refuses a body without Encrypt", () => {
    expect(() => parseEnvelope("<xml><ToUserName>c</ToUserName></xml>")).toThrow(WecomPayloadError);
  });
});

describe("parseAppMessage", () => {
  it("reads a text message with MsgId as its dedupe key", () => {
    expect(
      parseAppMessage(appTextXml("zhangsan", "夏粮单产多少", "4561255354251345929")),
    ).toMatchObject({
      kind: "text",
      userId: "zhangsan",
      text: "夏粮单产多少",
      dedupeKey: "4561255354251345929",
    });
  });

  it("keys an event by FromUserName and CreateTime", () => {
    const xml =
      "<xml><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1717380000</CreateTime>" +
      "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[click]]></Event><EventKey><![CDATA[填报]]></EventKey></xml>";
    expect(parseAppMessage(xml)).toMatchObject({
      kind: "event",
      event: "click",
      eventKey: "填报",
      dedupeKey: "lisi#1717380000",
    });
  });

  it("refuses a text message without MsgId", () => {
    const xml =
      "<xml><FromUserName>a</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content></xml>";
    expect(() => parseAppMessage(xml)).toThrow(/MsgId/);
  });
});

describe("parseFlatXml, strictly", () => {
  it("refuses character references outside Unicode or not allowed in XML, with a typed error", () => {
    for (const ref of ["&#x110000;", "&#xD800;", "&#0;", "&#xFFFE;", "&#99999999999;"]) {
      expect(() => parseFlatXml(`<xml><Encrypt>a${ref}</Encrypt></xml>`)).toThrow(WecomXmlError);
    }
  });

  it("still decodes the predefined entities and references to any Unicode character", () => {
    const xml = "<xml><A>&lt;&gt;&amp;&quot;&apos; &#20013;&#x1F600;</A></xml>";
    expect(parseFlatXml(xml).A).toBe("<>&\"' 中😀");
  });

  it("refuses a DOCTYPE, so no entity is ever defined or expanded", () => {
    const xxe =
      '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>';
    expect(() => parseFlatXml(xxe)).toThrow(/DOCTYPE/);
    expect(() => parseFlatXml("<xml><A>&nbsp;</A></xml>")).toThrow(/not defined/);
  });

  it("refuses malformed XML with a typed error naming the problem", () => {
    for (const bad of ["", "junk", "<xml><A>a & b</A></xml>", "<xml/><xml/>", "<xml><A></xml>"]) {
      expect(() => parseFlatXml(bad)).toThrow(WecomXmlError);
    }
    expect(() => parseFlatXml("<xml><A>1</B></xml>")).toThrow(/closing tag/);
  });

  it("keeps whitespace, the first of repeated fields and empty elements as before", () => {
    const xml = "<xml><A>  x  </A><A>second</A><E/><F></F><!-- note --></xml>";
    expect(parseFlatXml(xml)).toEqual({ A: "  x  ", E: "", F: "" });
  });

  it("refuses an envelope with a reference outside Unicode as a payload error (answered 400)", () => {
    const envelope = "<xml><Encrypt>&#x110000;</Encrypt></xml>";
    expect(() => parseEnvelope(envelope)).toThrow(WecomPayloadError);
  });
});
