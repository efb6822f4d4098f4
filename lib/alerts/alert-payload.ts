// The body a destination receives: the Standard Webhooks shape ({ type, timestamp, data }) or, for Slack-compatible
// destinations, { text, blocks } with the same facts. Built once per delivery, so every retry sends the same bytes.
import type { JsonValue } from "@/lib/json/json-value";
import type { AlertFormat, AlertKind } from "./alert-kinds";

export interface AlertSource {
  type: "monitor" | "baseline" | "destination";
  id: string;
  name: string;
}

export interface AlertContent {
  id: string;
  kind: AlertKind;
  raisedAt: Date;
  source: AlertSource;
  title: string;
  text: string;
  data: JsonValue;
}

/** Slack's mrkdwn treats these three as markup. */
function slackEscape(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function alertBody(format: AlertFormat, alert: AlertContent): string {
  if (format === "slack") {
    const title = slackEscape(alert.title);
    const text = slackEscape(alert.text);
    const context = `${slackEscape(alert.source.type)} *${slackEscape(alert.source.name)}* · ${alert.kind} · ${alert.raisedAt.toISOString()}`;
    return JSON.stringify({
      text: `${title}\n${text}`,
      blocks: [
        { type: "header", text: { type: "plain_text", text: alert.title.slice(0, 150) } },
        { type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } },
        { type: "context", elements: [{ type: "mrkdwn", text: context }] },
      ],
    });
  }
  return JSON.stringify({
    type: alert.kind,
    timestamp: alert.raisedAt.toISOString(),
    data: { id: alert.id, title: alert.title, text: alert.text, source: alert.source, details: alert.data },
  });
}
