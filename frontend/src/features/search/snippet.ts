/** A piece of a search snippet: plain text, or a matched word. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/**
 * Splits the server's snippet (escaped HTML whose only tags are <mark> and </mark>) into parts to render as text,
 * so nothing an agent printed is ever parsed as HTML.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const pattern = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const m of snippet.matchAll(pattern)) {
    if (m.index > last) parts.push({ text: unescape(snippet.slice(last, m.index)), match: false });
    parts.push({ text: unescape(m[1]), match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: unescape(snippet.slice(last)), match: false });
  return parts;
}

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot);/g, (e) => ENTITIES[e]);
}
