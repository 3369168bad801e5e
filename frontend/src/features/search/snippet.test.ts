import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet';

describe('search snippets', () => {
  it('splits marked matches from plain text and unescapes both', () => {
    expect(snippetParts('…the <mark>tokenizer</mark> &lt;b&gt; &amp; <mark>tabs</mark>')).toEqual([
      { text: '…the ', match: false },
      { text: 'tokenizer', match: true },
      { text: ' <b> & ', match: false },
      { text: 'tabs', match: true },
    ]);
  });

  it('keeps what an agent printed as text, never as markup', () => {
    const parts = snippetParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>');
    expect(parts[0]).toEqual({ text: '<script>alert(1)</script> ', match: false });
  });
});
